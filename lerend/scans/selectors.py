"""Reads that decide who sees what about scans. Counts only: no page ever learns who did or
did not answer."""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count

from lerend.organisations.models import Location, Team

from . import disclosure as anonymity
from .instruments.loader import shipped_instruments
from .models import (
    AccessCode,
    Audience,
    Campaign,
    InstrumentVersion,
    OrganisationInstrument,
    RoleGroup,
)
from .results import plan as gate
from .results.comments import mask_names, review_key, review_state, role_mentions
from .results.core import CampaignResults
from .services import shipped_version


def campaigns_for(organisation):
    return Campaign.objects.filter(organisation=organisation).select_related("instrument_version")


def campaign_for(organisation, pk):
    return (
        Campaign.objects.filter(organisation=organisation, pk=pk)
        .select_related("instrument_version", "organisation")
        .prefetch_related("locations", "teams")
        .first()
    )


def shipped_or_own_version(organisation, pk):
    """A shipped version (any organisation may copy it) or one of the organisation's own;
    another organisation's version: None."""
    version = InstrumentVersion.objects.filter(pk=pk).first()
    if version is None or version.organisation_id not in (None, organisation.pk):
        return None
    return version


def own_instrument(organisation, pk):
    return OrganisationInstrument.objects.filter(pk=pk, organisation=organisation).first()


def has_letters(campaign, team) -> bool:
    """Whether ``team`` got single-use letters in ``campaign`` (no codes read, nothing
    audited: the letters page shows and audits them)."""
    return AccessCode.objects.filter(campaign=campaign, team_key=team.pk).exists()


# --- what a page is about: loaded through the tenant, judged by rules.py ----------------------


@dataclass(frozen=True)
class CampaignTeam:
    """A team of a campaign: its letters page, its results."""

    campaign: Campaign
    team: Team


@dataclass(frozen=True)
class ResultsGroup:
    """A group whose results (or comments) a page shows: the organisation (no location, no
    team), a location, or a team."""

    campaign: Campaign
    location: Location | None = None
    team: Team | None = None


@dataclass
class Heatmap:
    """A campaign's heatmap for this reader: the teams with results, optionally of one
    location (``?locatie=``)."""

    results: CampaignResults
    location_id: int | None = None

    @property
    def campaign(self) -> Campaign:
        return self.results.campaign

    @cached_property
    def teams(self) -> list[Team]:
        teams = (
            Team.objects.filter(
                organisation_id=self.campaign.organisation_id, pk__in=self.results.team_ids
            )
            .select_related("location")
            .order_by("location__name", "name")
        )
        if self.location_id is not None:
            teams = teams.filter(location_id=self.location_id)
        return list(teams)


def instrument_choices(organisation):
    """Instrument versions a campaign may use: the shipped ones (created on first use) and
    the organisation's published own versions."""

    shipped = [shipped_version(i.key) for i in shipped_instruments()]
    own = list(InstrumentVersion.objects.filter(organisation=organisation))
    return shipped + own


def own_instruments(organisation):
    return OrganisationInstrument.objects.filter(organisation=organisation).select_related(
        "based_on"
    )


def comments_to_review(campaign) -> list[dict]:
    """The comments of a closed campaign that mention a role, for its manager to publish or
    hide (route 6): masked text, the roles found, the state and an opaque key — never the
    response, its strata or its order. Sorted by text."""

    tokens = CampaignResults(campaign).name_tokens
    found = []
    rows = campaign.responses.order_by().values_list("pk", "comments")
    for response_id, comments in rows.iterator(chunk_size=2000):
        for index, comment in enumerate(comments or ()):
            state = review_state(comment)
            if state is None:
                continue
            found.append(
                {
                    "key": review_key(response_id, index),
                    "text": mask_names(comment.get("text", ""), tokens),
                    "roles": role_mentions(comment.get("text", "")),
                    "state": state,
                }
            )
    found.sort(key=lambda c: (c["state"] != "flagged", c["text"].casefold()))
    return found


def letters_by_team(campaign) -> dict[int, list]:
    """Team id -> its letters (AccessCodes) in a stable order: for the demo and tests that
    hand letters out as a distributor would."""
    out: dict[int, list] = {}
    for code in AccessCode.objects.filter(campaign=campaign).order_by("team_key", "id"):
        out.setdefault(code.team_key, []).append(code)
    return out


def letters_per_team(campaign) -> list[dict]:
    """Per team of a parents' or pupils' campaign: its label and how many letters it got
    (one GROUP BY). Never the codes, and not how many were used: that is a live response
    count per group and goes through the plan in :func:`response_overview`."""
    rows = (
        AccessCode.objects.filter(campaign=campaign)
        .values_list("team_key", "label")
        .annotate(n=Count("id"))
        .order_by("label")
    )
    return [{"team": team, "label": label, "letters": n} for team, label, n in rows]


_OVERVIEWS_MAX = 64
# A running campaign's response counts change with every response: a plan for old counts is
# of no use for long, so the shared cache keeps it briefly (in-process it is evicted anyway).
_RATES_SECONDS = 15 * 60


def response_overview(campaign) -> dict:
    """What a leader sees while a campaign runs: per group the number of responses and (for
    staff) the response rate — both through the campaign's plan (route 5: the same
    complementary suppression as results, so differencing locations and teams gives no
    small group's count). Two grouped count queries; no individual invitation is read."""
    k = gate.campaign_k(campaign)
    responded = gate.cell_counts([campaign.pk]).get(campaign.pk, {})
    if campaign.audience == Audience.STAFF:
        # A staff campaign's invitations are all made at launch: (id, launch time) fixes them.
        invited = gate.memo_shared(
            gate.OVERVIEW_MEMO,
            _OVERVIEWS_MAX,
            "invited",
            (campaign.pk, campaign.launched_at),
            lambda: gate.invited_counts(campaign.pk),
        )

        def staff_plan():
            groups = anonymity.standard_groups(set(invited) | set(responded))
            rates = anonymity.plan_response_rates(groups, invited, responded, k)
            return groups, rates, rates.disclosure

        # Worked out again for every new response (the counts are the key), never stale.
        inputs = (campaign.pk, k, frozenset(invited.items()), frozenset(responded.items()))
        groups, rates, plan = gate.memo_shared(
            gate.OVERVIEW_MEMO,
            _OVERVIEWS_MAX,
            "rates",
            inputs,
            staff_plan,
            timeout=_RATES_SECONDS,
        )
    else:
        invited, rates = None, None
        groups = anonymity.standard_groups(responded)
        plan = anonymity.plan_disclosure(groups, responded, k)
    location_names = dict(
        Location.objects.filter(organisation=campaign.organisation).values_list("pk", "name")
    )
    team_names = dict(
        Team.objects.filter(organisation=campaign.organisation).values_list("pk", "name")
    )

    def label(key):
        kind = key[0]
        if kind == "organisation":
            return str(campaign.organisation.name)
        if kind == "location":
            return location_names.get(key[1], "?")
        if kind == "team":
            return team_names.get(key[1], "?")
        if kind == "role_group":
            return str(RoleGroup(key[1]).label)
        return f"{RoleGroup(key[1]).label} · {location_names.get(key[2], '?')}"

    order = {"organisation": 0, "location": 1, "team": 2, "role_group": 3}
    rows = []
    for group in sorted(groups, key=lambda g: (order.get(g.key[0], 4), label(g.key))):
        rate = rates.get(group.key) if rates is not None else None
        visible = plan.is_visible(group.key)
        responses = sum(responded.get(c, 0) for c in group.cells) if visible else None
        if rates is not None and rate is None:
            responses = None  # the plan on invited counts hides it: do not show n either
        rows.append(
            {
                "key": group.key,
                "kind": group.key[0],
                "label": label(group.key),
                "responded": responses,
                "rate": rate,
            }
        )
    return {"k": k, "rows": rows}
