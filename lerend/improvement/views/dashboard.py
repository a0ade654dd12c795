"""The organisation dashboard, its exports and the team plan PDF."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.frameworks import registry
from lerend.kit import charts, downloads
from lerend.kit.numbers import number
from lerend.organisations.decorators import require
from lerend.scans.charts import trend as trend_chart

from .. import advice, exports, rules, scan_scores, selectors

# Loaders: the object a page is about, fetched through the tenant; 404 for whoever may
# not know of it. The rule declared with each on the view decides 403.


def _team_or_404(request, team_id):
    return selectors.team_or_404(request.organisation, team_id)


def _trend(org, location_ids, reader):
    groups = (
        [(org.name, None)]
        if location_ids is None
        else [(loc.name, loc) for loc in selectors.locations(org, location_ids)]
    )
    found = []
    for label, location in groups:
        points = scan_scores.trend(org, reader=reader, location=location)
        if not points:
            continue
        columns = [str(c.title) for c, _s in points]
        rows = [
            (str(b.name), [s.get(b.key) if s else None for _c, s in points])
            for b in registry.building_blocks()
        ]
        # The latest round, read with the one rule of the scan report and the advice.
        latest = points[-1][1] or {}
        verdicts = advice.levels.verdicts(latest, registry.block_keys())
        found.append(
            {
                "label": label,
                "columns": columns,
                "rows": rows,
                "table": [
                    {
                        "label": name,
                        "cells": [number(v) for v in values],
                        "level": advice.levels.label(verdicts.get(b.key)),
                    }
                    for (name, values), b in zip(rows, registry.building_blocks(), strict=True)
                ],
                "chart": trend_chart(
                    rows, columns, title=_("Scan trend per building block: %s") % label
                ),
            }
        )
    return found


@require(rules.can_view_dashboard)
def dashboard(request):
    access, org = request.access, request.organisation
    location_ids = rules.dashboard_location_ids(access)
    goals = selectors.goals_by_status(org, location_ids)
    follow = selectors.follow_up_outcomes(org, location_ids)
    context = {
        "goals": goals,
        "goals_chart": charts.bars(
            [(g["label"], g["count"]) for g in goals], title=_("Goals by status")
        ),
        "goal_total": sum(g["count"] for g in goals),
        "teams": selectors.actions_per_team(org, location_ids),
        "follow": follow,
        "follow_chart": charts.bars(
            [(r["label"], r["count"]) for r in follow["rows"]],
            title=_("Did it work? Answers to the follow-up question"),
            colours=("#1d6b3a", "#8a5a00", "#a61b1b"),
        ),
        "trends": _trend(org, location_ids, request.user),
        "scope_locations": (
            None if location_ids is None else list(selectors.locations(org, location_ids))
        ),
    }
    return render(request, "improvement/dashboard.html", context)


# Exports read their rows in chunks while the file is written: flat memory at any size.
CHUNK = 2000


@require(rules.can_view_dashboard)
def export_csv(request):
    """``?what=actions`` for the actions; the goals otherwise."""
    org = request.organisation
    location_ids = rules.dashboard_location_ids(request.access)
    if request.GET.get("what") == "actions":
        rows = exports.action_rows(selectors.export_actions(org, location_ids).iterator(CHUNK))
        header, name = exports.action_header(), "acties"
    else:
        rows = exports.goal_rows(selectors.export_goals(org, location_ids).iterator(CHUNK))
        header, name = exports.goal_header(), "doelen"
    return downloads.csv_response(header, rows, f"{org.slug}-{name}.csv")


@require(rules.can_view_dashboard)
def export_xlsx(request):
    org = request.organisation
    location_ids = rules.dashboard_location_ids(request.access)
    sheets = exports.sheets(
        selectors.export_goals(org, location_ids).iterator(CHUNK),
        selectors.export_actions(org, location_ids).iterator(CHUNK),
    )
    return downloads.xlsx_response(sheets, f"{org.slug}-doelen-en-acties.xlsx")


@require(rules.can_download_team_plan, obj=_team_or_404)
def team_plan_pdf(request, team):
    context = {
        "team": team,
        "organisation": request.organisation,
        "today": timezone.localdate(),
        "accent": selectors.current_vision(request.organisation, team=team),
        **selectors.team_plan(team),
    }
    content = exports.team_plan_pdf(request, context)
    return downloads.download(content, f"teamplan-{team.pk}.pdf")
