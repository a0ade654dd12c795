"""Reads for well-being rounds: profiles per group behind the threshold, who sees which group,
and which groups are due for a new round.

A group's profile: of all observations in the round (each child at each moment), the share
at 4–5 (the aim) and at 1–2 (a signal), per scale. It is published only when at least the
organisation's threshold of children was observed (``disclosure.group_visible``); below it
there are no numbers at all — not on a page, not in an export, not in the API.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q
from django.http import Http404
from django.utils import timezone

from lerend.organisations.models import Membership, Scope, Team

from .. import disclosure, rules
from ..models import RoundStatus, WellbeingRound

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Profile:
    children: int
    visible: bool
    missing: int
    wellbeing_high: Decimal | None = None
    wellbeing_low: Decimal | None = None
    involvement_high: Decimal | None = None
    involvement_low: Decimal | None = None


def _annotated(rounds):
    s = "scores__"
    return rounds.annotate(
        n_children=Count(f"{s}child", distinct=True),
        n_obs=Count("scores"),
        wb_high=Count("scores", filter=Q(**{f"{s}wellbeing__gte": 4})),
        wb_low=Count("scores", filter=Q(**{f"{s}wellbeing__lte": 2})),
        inv_high=Count("scores", filter=Q(**{f"{s}involvement__gte": 4})),
        inv_low=Count("scores", filter=Q(**{f"{s}involvement__lte": 2})),
    )


def _share(part: int, total: int) -> Decimal:
    return (HUNDRED * part / total).quantize(Decimal("0.1"))


def profile_of(round_, k: int) -> Profile:
    """``round_`` must come from ``_annotated``."""
    children = round_.n_children
    if not disclosure.group_visible(children, k) or not round_.n_obs:
        return Profile(children, False, disclosure.missing(children, k))
    n = round_.n_obs
    return Profile(
        children,
        True,
        0,
        _share(round_.wb_high, n),
        _share(round_.wb_low, n),
        _share(round_.inv_high, n),
        _share(round_.inv_low, n),
    )


def round_in_organisation(access, round_id) -> WellbeingRound:
    """The page's loader: another organisation's round is 404; whether this person may see
    its group is the declared rule's question (``rules.can_view_round``)."""
    found = (
        _annotated(WellbeingRound.objects.filter(organisation=access.organisation, pk=round_id))
        .select_related("team__location", "organisation")
        .first()
    )
    if found is None:
        raise Http404
    return found


def round_for_viewer(access, round_id) -> WellbeingRound:
    """Another organisation's round is 404; a group this person may not see, 403."""
    found = round_in_organisation(access, round_id)
    if not rules.can_view_round(access, found):
        raise PermissionDenied
    return found


def scores_of(round_):
    return round_.scores.order_by("moment", "child")


def entry_teams(access):
    """Groups this person may start a round for: their own, and those they lead."""
    teams = Team.objects.filter(organisation=access.organisation).select_related("location")
    return [t for t in teams if rules.can_enter_wellbeing(access, t)]


def team_in_organisation(access, team_id) -> Team:
    """A group's trend page loader: 404 outside the organisation; the rule decides 403."""
    team = (
        Team.objects.filter(organisation=access.organisation, pk=team_id)
        .select_related("location")
        .first()
    )
    if team is None:
        raise Http404
    return team


def trend(team, k: int) -> list[tuple[WellbeingRound, Profile]]:
    """Every round of the group, oldest first, each with its profile (hidden below ``k``)."""
    rounds = _annotated(WellbeingRound.objects.filter(team=team)).order_by("first_on", "id")
    return [(r, profile_of(r, k)) for r in rounds]


def teams_in_view(access) -> list[Team]:
    """The groups this person sees (their own and those they cover), by location and name —
    never ranked. One query."""
    return [
        t
        for t in Team.objects.filter(organisation=access.organisation).select_related("location")
        if rules.can_view_group(access, t)
    ]


def group_rows(access, teams, k: int) -> list[dict]:
    """``teams`` (from ``teams_in_view``) each with its latest round and that round's
    profile. One query, for the given teams only."""
    latest: dict[int, WellbeingRound] = {}
    rounds = _annotated(
        WellbeingRound.objects.filter(
            organisation=access.organisation, team_id__in=[t.pk for t in teams]
        )
    ).order_by("team_id", "-first_on", "-id")
    for r in rounds:
        latest.setdefault(r.team_id, r)
    rows = []
    for team in teams:
        r = latest.get(team.pk)
        rows.append({"team": team, "round": r, "profile": profile_of(r, k) if r else None})
    return rows


def groups_in_scope(access, k: int) -> list[dict]:
    """Every group this person sees with its latest profile (the CSV and the API). Two
    queries."""
    return group_rows(access, teams_in_view(access), k)


def due_before(months: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=round(months * 30.44))


def teams_due(organisation, months: int):
    """Groups that held a round before and none in the last ``months``: a new one is due."""
    return _teams_due(organisation, months)


def _teams_due(organisation, months: int):
    last = (
        WellbeingRound.objects.filter(organisation=organisation)
        .values("team_id")
        .annotate(last=Max("first_on"))
        .filter(last__lt=due_before(months))
        .values("team_id")
    )
    open_rounds = WellbeingRound.objects.filter(
        organisation=organisation, status=RoundStatus.OPEN
    ).values("team_id")
    return Team.objects.filter(pk__in=last).exclude(pk__in=open_rounds)


def my_teams_due(access, months: int) -> list[Team]:
    """The person's own groups that are due for a round, for their home page. One query."""
    own = [m.team_id for m in access.memberships if m.scope == Scope.TEAM and m.team_id is not None]
    if not own:
        return []
    return list(_teams_due(access.organisation, months).filter(pk__in=own).order_by("name"))


def team_recipients(team):
    """Active members of the group: who gets the reminder."""
    return (
        Membership.objects.active()
        .filter(team=team, scope=Scope.TEAM)
        .select_related("person")
        .order_by("person_id")
    )
