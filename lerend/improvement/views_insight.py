"""Advice that follows the model, the organisation dashboard, exports and the team plan PDF."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.frameworks import registry
from lerend.organisations.decorators import org_member, require
from lerend.organisations.models import Location, Team
from lerend.scans.charts import trend as trend_chart

from . import advice, charts, exports, rules, scan_scores, selectors, selectors_dashboard
from .models import Origin

# --- advice ----------------------------------------------------------------------------------

# A few concrete options per block invite a choice; the whole library would bury it.
PRACTICES_PER_BLOCK = 3


def _scopes(access, org) -> list[dict]:
    """The groups this person may ask advice for: organisation, locations, teams."""
    scopes = []
    if rules.can_view_advice(access):
        scopes.append({"value": "organisation", "label": org.name, "location": None, "team": None})
    for location in Location.objects.filter(organisation=org).order_by("name"):
        if rules.can_view_advice(access, location=location):
            scopes.append(
                {"value": f"location-{location.pk}", "label": location.name, "location": location}
            )
    teams = Team.objects.filter(organisation=org).select_related("location")
    for team in teams.order_by("location__name", "name"):
        if rules.can_view_advice(access, team=team):
            scopes.append(
                {
                    "value": f"team-{team.pk}",
                    "label": f"{team.location.name} — {team.name}",
                    "team": team,
                }
            )
    return scopes


def _chosen(request, scopes):
    value = request.GET.get("scope", "")
    if not value:
        return scopes[0]
    for scope in scopes:
        if scope["value"] == value:
            return scope
    kind, _sep, pk = value.partition("-")
    org = request.organisation
    # Another organisation's id or nonsense: 404; one of ours that this person may not see: 403.
    if kind == "team" and pk.isdigit():
        selectors.team_or_404(org, int(pk))
    elif kind == "location" and pk.isdigit():
        selectors.location_or_404(org, int(pk))
    elif kind != "organisation":
        raise Http404
    raise PermissionDenied


def _prefill_links(request, scope, block_key, title) -> dict:
    access, org = request.access, request.organisation
    team, location = scope.get("team"), scope.get("location")
    query = urlencode({"block": block_key, "title": title})
    links = {}
    if rules.can_edit_level(access, location=location, team=team):
        if team is not None:
            url = reverse("improvement:team_goal_create", args=[org.slug, team.pk])
        elif location is not None:
            url = reverse("improvement:location_goal_create", args=[org.slug, location.pk])
        else:
            url = reverse("improvement:goal_create", args=[org.slug])
        links["goal"] = f"{url}?{query}"
    if team is None or rules.can_work_board(access, team):
        extra = {"origin": Origin.SCAN, **({"team": team.pk} if team else {})}
        url = reverse("improvement:action_create", args=[org.slug])
        links["action"] = f"{url}?{query}&{urlencode(extra)}"
    return links


def _name(key: str) -> str:
    return str(registry.block(key).name)


@require(rules.can_view_any_advice)
def advice_page(request):
    access, org = request.access, request.organisation
    scopes = _scopes(access, org)
    if not scopes:
        raise PermissionDenied
    scope = _chosen(request, scopes)
    campaign = scan_scores.latest_closed_campaign(org)
    scores = org_scores = None
    ranked = []
    if campaign is not None:
        scores = scan_scores.block_scores(
            org,
            reader=request.user,
            team=scope.get("team"),
            location=scope.get("location"),
            campaign=campaign,
        )
        if scope["value"] != "organisation":
            org_scores = scan_scores.block_scores(org, reader=request.user, campaign=campaign)
    if scores:
        ranked = advice.rank(
            scores,
            registry.relation_graph(),
            organisation_scores=org_scores,
            order=registry.block_keys(),
            practices_for=registry.practices_for_block,
        )
    items = []
    for position, item in enumerate(ranked):
        practices = [
            {"practice": p, "links": _prefill_links(request, scope, item.block, str(p.name))}
            for p in item.practices[:PRACTICES_PER_BLOCK]
        ]
        items.append(
            {
                "position": position + 1,
                "advice": item,
                "block": registry.block(item.block),
                "sentences": advice.explain(item, _name),
                "practices": practices,
            }
        )
    table = []
    if scores:
        for b in registry.building_blocks():
            table.append(
                {
                    "block": b,
                    "score": scores.get(b.key),
                    "organisation": org_scores.get(b.key) if org_scores else None,
                }
            )
    context = {
        "scopes": scopes,
        "scope": scope,
        "campaign": campaign,
        "hidden": campaign is not None and scores is None,
        "top": items[:3],
        "rest": items[3:],
        "table": table,
        "low": advice.LOW_DEFAULT,
        "compare": org_scores is not None,
    }
    return render(request, "improvement/advice.html", context)


# --- dashboard -------------------------------------------------------------------------------


def _trend(org, location_ids, reader):
    groups = (
        [(org.name, None)]
        if location_ids is None
        else [(loc.name, loc) for loc in selectors_dashboard.locations(org, location_ids)]
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
        found.append(
            {
                "label": label,
                "columns": columns,
                "rows": rows,
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
    goals = selectors_dashboard.goals_by_status(org, location_ids)
    follow = selectors_dashboard.follow_up_outcomes(org, location_ids)
    context = {
        "goals": goals,
        "goals_chart": charts.bars(
            [(g["label"], g["count"]) for g in goals], title=_("Goals by status")
        ),
        "goal_total": sum(g["count"] for g in goals),
        "teams": selectors_dashboard.actions_per_team(org, location_ids),
        "follow": follow,
        "follow_chart": charts.bars(
            [(r["label"], r["count"]) for r in follow["rows"]],
            title=_("Did it work? Answers to the follow-up question"),
            colours=("#1d6b3a", "#8a5a00", "#a61b1b"),
        ),
        "trends": _trend(org, location_ids, request.user),
        "scope_locations": (
            None if location_ids is None else list(selectors_dashboard.locations(org, location_ids))
        ),
    }
    return render(request, "improvement/dashboard.html", context)


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require(rules.can_view_dashboard)
def export_csv(request):
    """``?what=actions`` for the actions; the goals otherwise."""
    org = request.organisation
    location_ids = rules.dashboard_location_ids(request.access)
    if request.GET.get("what") == "actions":
        rows = exports.action_rows(selectors_dashboard.export_actions(org, location_ids))
        content, name = exports.to_csv(exports.action_header(), rows), "acties"
    else:
        rows = exports.goal_rows(selectors_dashboard.export_goals(org, location_ids))
        content, name = exports.to_csv(exports.goal_header(), rows), "doelen"
    return _download(content, "text/csv; charset=utf-8", f"{org.slug}-{name}.csv")


@require(rules.can_view_dashboard)
def export_xlsx(request):
    org = request.organisation
    location_ids = rules.dashboard_location_ids(request.access)
    content = exports.to_xlsx(
        selectors_dashboard.export_goals(org, location_ids),
        selectors_dashboard.export_actions(org, location_ids),
    )
    return _download(
        content,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"{org.slug}-doelen-en-acties.xlsx",
    )


@org_member
def team_plan_pdf(request, team_id):
    team = selectors.team_or_404(request.organisation, team_id)
    if not rules.can_download_team_plan(request.access, team):
        raise PermissionDenied
    context = {
        "team": team,
        "organisation": request.organisation,
        "today": timezone.localdate(),
        "accent": selectors.current_vision(request.organisation, team=team),
        **selectors_dashboard.team_plan(team),
    }
    content = exports.team_plan_pdf(request, context)
    return _download(content, "application/pdf", f"teamplan-{team.pk}.pdf")
