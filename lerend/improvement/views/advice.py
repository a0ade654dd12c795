"""Advice that follows the model, for the organisation, a location or a team."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from lerend.frameworks import registry
from lerend.kit.numbers import number
from lerend.organisations.decorators import require
from lerend.organisations.models import Location, Team

from .. import advice, rules, scan_scores, selectors
from ..models import Origin

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
                "why": advice.why(item, _name),
                "practices": practices,
            }
        )
    table = []
    if scores:
        verdicts = advice.levels.verdicts(scores, registry.block_keys())
        for b in registry.building_blocks():
            table.append(
                {
                    "block": b,
                    "score": number(scores.get(b.key)),
                    "level": advice.levels.label(verdicts.get(b.key)),
                    "organisation": number(org_scores.get(b.key) if org_scores else None),
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
        "low": number(advice.LOW_DEFAULT),
        "strong": number(advice.levels.strong_from()),
        "start_here": [
            registry.block(k) for k in advice.levels.start_here(scores or {}, registry.block_keys())
        ],
        "compare": org_scores is not None,
    }
    return render(request, "improvement/advice.html", context)
