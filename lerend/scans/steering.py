"""Scans' part of the steering view (kit.contrib ``steering``): where do we stand and where do
we move, per building block over every round of each instrument series, and signals.

Every number comes from the results read model (``results.block_series`` on
``CampaignResults``: the same values as the results pages, through the plan for the person
looking) or, for a running campaign, from ``selectors.response_overview`` (response rates
planned on invited counts). A group the viewer may not open by scans' own rules
(``rules.can_view_*_results``) is not even asked for.
"""

from __future__ import annotations

import functools

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from lerend.frameworks.registry import block
from lerend.kit import charts
from lerend.kit.contrib import ACT, KNOW, WATCH, SteeringPanel, SteeringScope, SteeringSignal
from lerend.kit.numbers import number, rounded
from lerend.organisations.access import Access
from lerend.organisations.models import Location, Membership, Role, Team
from lerend.organisations.models import Scope as MembershipScope

from . import disclosure, rules, selectors
from .models import Campaign
from .results import block_series
from .results.warm import WARMED_ROLES

# "Clearly below": at least this far under the reference on the 1..5 scale, compared on the
# values as shown (one decimal), so a reader can check it against the table.
BELOW = rounded(0.3)
# "Dropped since the previous round": at least this much lower than last time, as shown.
DROPPED = rounded(0.2)
LOW_RESPONSE = 50  # % while a campaign runs
STALE_DAYS = 365
# Lines per chart beyond the main group: more become a tangle; the table holds all.
MAX_LINES = 8
SIGNALS_PER_KIND = 6


def _results_url(slug, campaign, kind, pk=None):
    if kind == "organisation":
        return reverse("scans:results_organisation", args=[slug, campaign.pk])
    if kind == "location":
        return reverse("scans:results_location", args=[slug, campaign.pk, pk])
    return reverse("scans:results_team", args=[slug, campaign.pk, pk])


def _groups(scope):
    access = scope.access
    org_ok = rules.can_view_organisation_results(access)
    org_key = disclosure.organisation_key()
    if scope.level == "organisation":
        locations = [
            loc for loc in scope.locations if rules.can_view_location_results(access, loc.pk)
        ]
        teams = [t for t in scope.teams if rules.can_view_team_results(access, t)]
        main = org_key if org_ok else None
        return main, locations, teams
    if scope.level == "location":
        loc = scope.location
        teams = [t for t in scope.teams if rules.can_view_team_results(access, t)]
        return (
            disclosure.location_key(loc.pk)
            if rules.can_view_location_results(access, loc.pk)
            else None,
            [loc] if rules.can_view_location_results(access, loc.pk) else [],
            teams,
        )
    team = scope.team
    teams = [team] if rules.can_view_team_results(access, team) else []
    locations = [
        loc
        for loc in scope.locations
        if loc.pk == team.location_id and rules.can_view_location_results(access, loc.pk)
    ]
    return (disclosure.team_key(team.pk) if teams else None), locations, teams


def steering(scope) -> list:
    if not rules.can_view_campaigns(scope.access):
        return []
    parts: list = []
    parts += _running_signals(scope)
    main, locations, teams = _groups(scope)
    if not scope.full and scope.level == "organisation":
        # The home card (top signals only) of the organisation compares the organisation
        # and its locations; the hundreds of teams are on the steering page itself.
        teams = []
    org_ok = rules.can_view_organisation_results(scope.access)
    all_series = _series(scope, locations, teams, org_ok)
    parts += _stale_signal(scope, all_series)
    for series in all_series:
        parts += _series_signals(scope, series, main, locations, teams, org_ok)
    if scope.full and all_series:
        parts.append(_panel(scope, all_series, main, locations, teams, org_ok))
    return parts


def _series(scope, locations, teams, org_ok) -> list:
    return block_series(
        scope.organisation,
        reader=scope.viewer,
        organisation_too=org_ok,
        locations=locations,
        teams=teams,
        # The organisation's page compares its teams with the organisation in the newest
        # round; their history is on the location's page.
        team_history=scope.level != "organisation",
    )


def warm(organisation, *, today=None) -> int:
    """Work out, in the worker when a campaign closes, the series the organisation's
    steering pages and the home card read (``block_series``, kept under every input) for
    the leaders whose plans ``results.warm`` works out: the organisation's page and home
    card of everybody who may open the organisation's results, the page of each location a
    locatiemanager covers — each exactly as the page asks, through the same gate, for that
    person. Returns the pages warmed."""
    today = today or timezone.localdate()
    locations = {
        loc.pk: loc for loc in Location.objects.filter(organisation=organisation).order_by("name")
    }
    teams = tuple(
        Team.objects.filter(organisation=organisation)
        .only("pk", "name", "location_id", "organisation_id")
        .order_by("name", "pk")
    )
    for t in teams:
        t.location = locations[t.location_id]
    by_person: dict[int, list] = {}
    for m in (
        Membership.objects.active()
        .filter(organisation=organisation, role__in=WARMED_ROLES)
        .select_related("person", "location", "team")
        .order_by("person_id", "pk")
    ):
        m.organisation = organisation
        by_person.setdefault(m.person_id, []).append(m)
    warmed = 0
    for memberships in by_person.values():
        access = Access(organisation=organisation, memberships=memberships)
        common = {"organisation": organisation, "access": access, "today": today}
        common["viewer"] = memberships[0].person
        scopes = []
        if rules.can_view_organisation_results(access):
            whole = {"locations": tuple(locations.values()), "teams": teams}
            scopes += [
                SteeringScope(level="organisation", full=full, **whole, **common)
                for full in (True, False)
            ]
        for m in memberships:
            if m.role == Role.LOCATIEMANAGER and m.scope == MembershipScope.LOCATION:
                location = locations[m.location_id]
                own = tuple(t for t in teams if t.location_id == location.pk)
                scopes.append(
                    SteeringScope(
                        level="location",
                        location=location,
                        locations=(location,),
                        teams=own,
                        **common,
                    )
                )
        for scope in scopes:
            if not rules.can_view_campaigns(scope.access):
                continue
            main, locs, team_list = _groups(scope)
            if not scope.full and scope.level == "organisation":
                team_list = []
            _series(scope, locs, team_list, rules.can_view_organisation_results(access))
            warmed += 1
    return warmed


# --- signals ----------------------------------------------------------------------------------


def _running_signals(scope) -> list[SteeringSignal]:
    """Low response while a campaign runs, for the groups of this page, as the response
    overview shows them (rates planned on invited counts; a hidden group says nothing)."""
    today = scope.today
    running = Campaign.objects.filter(
        organisation=scope.organisation,
        launched_at__isnull=False,
        closed_at__isnull=True,
        opens_on__lte=today,
        closes_on__gte=today,
    ).order_by("closes_on", "pk")
    if scope.level == "organisation":
        wanted = {disclosure.organisation_key()} | {
            disclosure.location_key(pk) for pk in scope.location_ids
        }
    elif scope.level == "location":
        wanted = {disclosure.location_key(scope.location.pk)} | {
            disclosure.team_key(pk) for pk in scope.team_ids
        }
    else:
        wanted = {disclosure.team_key(scope.team.pk)}
    signals = []
    slug = scope.organisation.slug
    for campaign in running:
        overview = selectors.response_overview(campaign)
        low = [
            row
            for row in overview["rows"]
            if row["key"] in wanted
            and row["rate"] is not None
            and row["rate"].percentage < LOW_RESPONSE
        ]
        low.sort(key=lambda row: (row["rate"].percentage, row["label"]))
        url = reverse("scans:detail", args=[slug, campaign.pk])
        for row in low[:SIGNALS_PER_KIND]:
            signals.append(
                SteeringSignal(
                    ACT if (campaign.closes_on - today).days <= 7 else WATCH,
                    _(
                        "%(campaign)s: %(group)s has answered %(rate)s so far "
                        "(%(responded)s of %(invited)s); it closes on %(closes)s."
                    )
                    % {
                        "campaign": campaign.title,
                        "group": row["label"],
                        "rate": f"{row['rate'].percentage}%",
                        "responded": row["rate"].responded,
                        "invited": row["rate"].invited,
                        "closes": campaign.closes_on.strftime("%d-%m-%Y"),
                    },
                    url,
                )
            )
        if len(low) > SIGNALS_PER_KIND:
            signals.append(
                SteeringSignal(
                    WATCH,
                    _("%(campaign)s: %(count)s more groups below %(rate)s response.")
                    % {
                        "campaign": campaign.title,
                        "count": len(low) - SIGNALS_PER_KIND,
                        "rate": f"{LOW_RESPONSE}%",
                    },
                    url,
                )
            )
    return signals


def _stale_signal(scope, all_series) -> list[SteeringSignal]:
    url = reverse("scans:list", args=[scope.organisation.slug])
    if not all_series:
        return [SteeringSignal(WATCH, _("No scan results yet: start with a scan."), url)]
    latest = max(s.campaigns[-1].closes_on for s in all_series)
    if (scope.today - latest).days > STALE_DAYS:
        return [
            SteeringSignal(
                WATCH,
                _("The last scan closed more than a year ago (%(date)s): time for a new round.")
                % {"date": latest.strftime("%d-%m-%Y")},
                url,
            )
        ]
    return []


@functools.lru_cache(maxsize=64)
def _block_name_in(key: str, language: str | None) -> str:
    try:
        return str(block(key).name)
    except KeyError:
        return key


def _block_name(key) -> str:
    return _block_name_in(key, get_language())


def _series_signals(scope, series, main, locations, teams, org_ok) -> list[SteeringSignal]:
    slug = scope.organisation.slug
    newest = series.campaigns[-1]
    signals = []
    # A block that dropped since the previous round, for the group the page is about.
    if main is not None:
        now, before = series.latest(main), series.previous(main)
        if now and before:
            label = series.labels.get(main, "")
            url = _results_url(slug, newest, main[0], main[1] if len(main) > 1 else None)
            drops = []
            for key in series.blocks:
                a, b = rounded(now.get(key)), rounded(before.get(key))
                if a is not None and b is not None and b - a >= DROPPED:
                    drops.append((a - b, key, a, b))
            drops.sort()
            if drops:
                named = ", ".join(
                    _("%(block)s %(before)s → %(now)s")
                    % {"block": _block_name(key), "before": number(b), "now": number(a)}
                    for _gap, key, a, b in drops[:3]
                )
                signals.append(
                    SteeringSignal(
                        ACT if drops[0][0] <= -2 * DROPPED else WATCH,
                        ngettext(
                            "%(count)s building block dropped in %(group)s since the previous "
                            "round of %(series)s: %(blocks)s.",
                            "%(count)s building blocks dropped in %(group)s since the previous "
                            "round of %(series)s, most: %(blocks)s.",
                            len(drops),
                        )
                        % {
                            "count": len(drops),
                            "group": label,
                            "series": series.name,
                            "blocks": named,
                        },
                        url,
                    )
                )
    # Locations and teams clearly below their reference (the organisation; on a location's
    # page its teams against the location).
    if scope.level == "organisation" and org_ok:
        pairs = [
            (disclosure.location_key(loc.pk), disclosure.organisation_key()) for loc in locations
        ] + [(disclosure.team_key(t.pk), disclosure.organisation_key()) for t in teams]
    elif scope.level == "location" and main is not None:
        pairs = [(disclosure.team_key(t.pk), main) for t in teams]
    elif scope.level == "team" and main is not None:
        reference = (
            disclosure.location_key(locations[0].pk)
            if locations
            else (disclosure.organisation_key() if org_ok else None)
        )
        pairs = [(main, reference)] if reference and reference in series.scores else []
    else:
        pairs = []
    below: dict[tuple, list] = {}
    for subject, reference in pairs:
        mine, theirs = series.latest(subject), series.latest(reference)
        if not mine or not theirs:
            continue
        for key in series.blocks:
            raw_a, raw_b = mine.get(key), theirs.get(key)
            # Rounding moves each value by at most 0.05: a raw gap under BELOW - 0.1 can never
            # be BELOW as shown, so most of hundreds of teams need no rounding at all.
            if raw_a is None or raw_b is None or raw_b - raw_a < float(BELOW) - 0.1:
                continue
            a, b = rounded(raw_a), rounded(raw_b)
            if b - a >= BELOW:
                below.setdefault((subject, reference), []).append((a - b, key, a, b))
    # One signal per group: locations before teams, the largest gap first.
    ranked = sorted(
        below.items(),
        key=lambda item: (item[0][0][0] != "location", min(gap for gap, *_r in item[1])),
    )
    for (subject, reference), gaps in ranked[:SIGNALS_PER_KIND]:
        _gap, key, a, b = min(gaps)
        values = {
            "group": series.labels.get(subject, ""),
            "reference": series.labels.get(reference, ""),
            "block": _block_name(key),
            "score": number(a),
            "ref": number(b),
            "count": len(gaps),
        }
        if len(gaps) == 1:
            text = (
                _("%(group)s scores %(score)s on %(block)s, clearly below %(reference)s (%(ref)s).")
                % values
            )
        else:
            text = (
                _(
                    "%(group)s scores clearly below %(reference)s on %(count)s building blocks, "
                    "most on %(block)s (%(score)s against %(ref)s)."
                )
                % values
            )
        signals.append(
            SteeringSignal(WATCH, text, _results_url(slug, newest, subject[0], subject[1]))
        )
    if len(ranked) > SIGNALS_PER_KIND:
        signals.append(
            SteeringSignal(
                KNOW,
                _("%(count)s more groups score clearly below the reference in %(series)s.")
                % {"count": len(ranked) - SIGNALS_PER_KIND, "series": series.name},
                _results_url(slug, newest, "organisation")
                if scope.level == "organisation"
                else _results_url(slug, newest, main[0], main[1]),
            )
        )
    return signals


# --- the panel --------------------------------------------------------------------------------


def _round_label(campaign) -> str:
    return campaign.closes_on.strftime("%m-%Y")


def _lines(scope, series, main, locations, teams, org_ok) -> list[tuple]:
    """(group key, label, is_reference) in drawing order: broader groups dashed first, then
    the groups side by side when there are not too many of them."""
    org_key = disclosure.organisation_key()
    out = []
    if scope.level == "organisation":
        if org_ok:
            out.append((org_key, series.labels.get(org_key, ""), True))
        subjects = [(disclosure.location_key(loc.pk), loc.name) for loc in locations]
    elif scope.level == "location":
        if org_ok:
            out.append((org_key, series.labels.get(org_key, ""), True))
        if main is not None:
            out.append((main, series.labels.get(main, ""), True))
        subjects = [(disclosure.team_key(t.pk), t.name) for t in teams]
    else:
        if org_ok:
            out.append((org_key, series.labels.get(org_key, ""), True))
        out += [(disclosure.location_key(loc.pk), loc.name, True) for loc in locations]
        subjects = [(disclosure.team_key(t.pk), t.name) for t in teams]
    if len(subjects) <= MAX_LINES:
        out += [(key, label, False) for key, label in subjects]
    # The reference drawn last would hide nothing; first keeps the legend's order readable.
    return out


def _table(series, keys_labels) -> list[dict]:
    """Per group its latest scores per block with the change since its previous round."""
    rows = []
    for key, label in keys_labels:
        now, before = series.latest(key), series.previous(key)
        cells = []
        for block_key in series.blocks:
            a = rounded(now.get(block_key)) if now else None
            b = rounded(before.get(block_key)) if before else None
            change = a - b if a is not None and b is not None else None
            cells.append(
                {
                    "score": number(a),
                    "change": ""
                    if change is None
                    else ("+" if change > 0 else "") + number(change),
                    "direction": ""
                    if change is None or change == 0
                    else ("up" if change > 0 else "down"),
                }
            )
        rows.append({"label": label, "cells": cells, "hidden": now is None})
    return rows


def _panel(scope, all_series, main, locations, teams, org_ok) -> SteeringPanel:
    views = []
    sheet_groups = []
    for series in all_series:
        lines = _lines(scope, series, main, locations, teams, org_ok)
        rounds = [_round_label(c) for c in series.campaigns]
        charts_ = []
        for block_key in series.blocks:
            drawn = [
                (
                    label,
                    [
                        (point or {}).get(block_key)
                        for point in series.scores.get(key, [None] * len(rounds))
                    ],
                    reference,
                )
                for key, label, reference in lines
            ]
            name = _block_name(block_key)
            charts_.append(
                {
                    "name": name,
                    "svg": charts.lines(
                        rounds,
                        drawn,
                        title=_("%(block)s over the rounds of %(series)s")
                        % {"block": name, "series": series.name},
                        value_text=number,
                        legend=False,
                    ),
                    "rows": [
                        {"label": label, "values": [number(v) for v in values]}
                        for label, values, _reference in drawn
                    ],
                }
            )
        if scope.level == "organisation":
            table_groups = [(disclosure.location_key(loc.pk), loc.name) for loc in locations]
        else:
            table_groups = [(disclosure.team_key(t.pk), t.name) for t in teams]
        table_groups = [(key, label) for key, label, _r in lines if _r] + table_groups
        views.append(
            {
                "series": series,
                "name": series.name,
                "rounds": rounds,
                "latest": series.campaigns[-1],
                "legend": charts.legend(
                    [(label, reference) for _key, label, reference in lines],
                    title=_("Legend"),
                )
                if lines
                else "",
                "charts": charts_,
                "blocks": [_block_name(k) for k in series.blocks],
                "table": _table(series, table_groups),
                "too_many": len(lines) < len(table_groups),
            }
        )
        sheet_groups.append((series, table_groups))

    def sheets():
        rows = []
        for series, table_groups in sheet_groups:
            for key, label in table_groups:
                for campaign, point in zip(
                    series.campaigns, series.scores.get(key, []), strict=False
                ):
                    for block_key in series.blocks:
                        value = rounded((point or {}).get(block_key))
                        rows.append(
                            [
                                str(series.name),
                                campaign.title,
                                label,
                                _block_name(block_key),
                                float(value) if value is not None else None,
                            ]
                        )
        return [(_("Building blocks"), header, rows)]

    header = [_("Series"), _("Round"), _("Group"), _("Building block"), _("Score (1-5)")]
    return SteeringPanel(
        order=10,
        key="scans",
        title=_("Where we stand and where we move"),
        template="scans/steering/panel.html",
        report_template="scans/steering/report.html",
        context={"views": views, "today": scope.today, "level": scope.level},
        sheets=sheets,
    )
