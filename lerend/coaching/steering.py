"""Coaching's part of the steering view (kit.contrib ``steering``): who was coached this year
and the coaching hours realised against the division, per location (issue 13 §3).

Hours and coverage only — never what was said (the selectors read no notes). The numbers
come from the same selectors as the hours and coverage pages (``realised_hours``,
``coverage_counts``), asked with the page's scope: on a location's or team's page the
selectors see the person through a membership narrowed to that location or team, so the
figures are that location's or team's, and never wider than what the person covers (the
steering page has checked that already).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lerend.kit import cache
from lerend.kit.contrib import WATCH, SteeringPanel, SteeringSignal
from lerend.kit.numbers import count, number, percent
from lerend.organisations import wording
from lerend.organisations.access import Access
from lerend.organisations.models import Membership, Role, Scope
from lerend.organisations.selectors import people_namespace

from . import rules, selectors
from .signals import coaching_namespace

NAMED = 5


def _narrowed(scope) -> Access:
    """The viewer's access on the organisation page; on a location's or team's page an
    Access holding one membership for just that location or team (in memory, never saved)."""
    if scope.level == "organisation":
        return scope.access
    if scope.level == "location":
        membership = Membership(
            organisation=scope.organisation,
            role=Role.LOCATIEMANAGER,
            scope=Scope.LOCATION,
            location=scope.location,
        )
    else:
        membership = Membership(
            organisation=scope.organisation,
            role=Role.TEAMLEIDER,
            scope=Scope.TEAM,
            team=scope.team,
        )
    membership.person_id = scope.viewer.pk
    return Access(organisation=scope.organisation, memberships=[membership])


def _coverage(access, year) -> dict:
    """``selectors.coverage_counts`` for the access's scope, kept in the shared cache until
    a membership or a coaching session of the organisation changes (kit.cache, as the home
    task's count): two COUNT(DISTINCT) over every staff membership are the page's costliest
    queries at 15,000 people."""
    scope = selectors.hours_scope(access)
    key = "all" if scope.everything else (sorted(scope.location_ids), sorted(scope.team_ids))
    organisation_id = access.organisation.pk
    return cache.cached(
        f"coverage:{organisation_id}:{year}:{key}",
        [people_namespace(organisation_id), coaching_namespace(organisation_id)],
        lambda: selectors.coverage_counts(access, year),
    )


def steering(scope) -> list:
    if not rules.can_view_hours(scope.access):
        return []
    access = _narrowed(scope)
    year = scope.today.year
    slug = scope.organisation.slug
    coverage = _coverage(access, year)
    parts: list = []
    if selectors.is_signal_period(scope.today) and coverage["not_yet"]:
        parts.append(
            SteeringSignal(
                WATCH,
                ngettext(
                    "%(count)s of %(people)s staff members has not been coached yet this year.",
                    "%(count)s of %(people)s staff members have not been coached yet this year.",
                    coverage["not_yet"],
                )
                % {"count": count(coverage["not_yet"]), "people": count(coverage["people"])},
                reverse("coaching:coverage", args=[slug]),
            )
        )
    hours = selectors.realised_hours(access, year) if scope.level != "team" else []
    behind = [row for row in hours if row.behind]
    for row in behind[:NAMED]:
        parts.append(
            SteeringSignal(
                WATCH,
                _(
                    "%(location)s: %(realised)s of %(planned)s coaching hours realised, "
                    "%(expected)s expected by now."
                )
                % {
                    "location": row.location.name,
                    "realised": number(row.realised),
                    "planned": number(row.planned),
                    "expected": number(row.expected),
                },
                reverse("coaching:hours", args=[slug]),
            )
        )
    if len(behind) > NAMED:
        parts.append(
            SteeringSignal(
                WATCH,
                _("%(count)s more locations are behind on coaching hours.")
                % {"count": count(len(behind) - NAMED)},
                reverse("coaching:hours", args=[slug]),
            )
        )
    if scope.full:
        parts.append(_panel(scope, coverage, hours, year))
    return parts


def _panel(scope, coverage, hours, year) -> SteeringPanel:
    by_location = {row["location_id"]: row for row in coverage["locations"]}
    hours_by_location = {row.location.pk: row for row in hours}
    rows = []
    for loc in scope.locations:
        c = by_location.get(loc.pk)
        h = hours_by_location.get(loc.pk)
        if c is None and h is None:
            continue
        rows.append(
            {
                "label": scope.team.name if scope.level == "team" else loc.name,
                "people": c["people"] if c else 0,
                "coached": c["coached"] if c else 0,
                "share": percent(c["coached"] / c["people"]) if c and c["people"] else "–",
                "planned": number(h.planned) if h and h.planned is not None else "–",
                "realised": number(h.realised) if h else "–",
                "expected": number(h.expected) if h and h.planned is not None else "–",
                "behind": bool(h and h.behind),
                "_raw": (c, h),
            }
        )
    total = {
        "people": coverage["people"],
        "coached": coverage["coached"],
        "share": percent(coverage["coached"] / coverage["people"]) if coverage["people"] else "–",
    }
    header = [
        _("Location"),
        _("Staff"),
        _("Coached this year"),
        _("Planned hours"),
        _("Realised hours"),
        _("Expected by now"),
    ]
    sheet = []
    for row in rows:
        c, h = row.pop("_raw")
        sheet.append(
            [
                row["label"],
                row["people"],
                row["coached"],
                float(h.planned) if h and h.planned is not None else None,
                float(h.realised) if h else None,
                float(h.expected) if h and h.planned is not None else None,
            ]
        )
    return SteeringPanel(
        order=30,
        key="coaching",
        title=_("Coaching: coverage and hours"),
        template="coaching/steering/panel.html",
        report_template="coaching/steering/report.html",
        context={
            "rows": rows,
            "total": total,
            "year": year,
            "staff_label": wording.staff_plural(scope.organisation),
            "team_level": scope.level == "team",
        },
        sheets=((_("Coaching"), header, sheet),),
    )
