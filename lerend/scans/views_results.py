"""Results pages at /o/<slug>/scans/<campaign_id>/resultaten/...: organisation, location,
team (+ PDF), team heatmap and comment search. Access -> results (through the plan) -> render.
Who may open what: rules.py; what is shown: results/ (plan.py decides, core.py reads,
pages.py lays out)."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from lerend.kit import downloads
from lerend.kit.numbers import number
from lerend.organisations.decorators import org_member, require
from lerend.organisations.models import Location, Team

from . import rules, selectors
from .pdf import team_report_pdf
from .results import items
from .results.core import (
    campaign_for_results,
    location_ref,
    organisation_ref,
    results_for,
    team_ref,
)
from .results.items import item_analysis
from .results.pages import (
    _matrix,
    group_context,
    hidden_message,
    location_context,
    organisation_context,
)
from .results.perspectives import Scope, perception_context


def _campaign(request, campaign_id):
    campaign = campaign_for_results(request.organisation, campaign_id)
    if campaign is None:
        raise Http404
    return campaign


# Loaders: what a results page is about, through the tenant (a campaign not launched, or
# another organisation's campaign, location or team: 404); the rule declared with each
# decides 403 (rules.py).
def _organisation_results(request, campaign_id):
    return selectors.ResultsGroup(_campaign(request, campaign_id))


def _location_results(request, campaign_id, location_id):
    campaign = _campaign(request, campaign_id)
    return selectors.ResultsGroup(campaign, location=_location(request, location_id))


def _team_results(request, campaign_id, team_id):
    campaign = _campaign(request, campaign_id)
    return selectors.ResultsGroup(campaign, team=_team(request, team_id))


def _comment_results(request, campaign_id):
    """The group named by ``?groep=`` (organisatie, locatie-<id>, team-<id>)."""
    campaign = _campaign(request, campaign_id)
    value = request.GET.get("groep", "")
    if value == "organisatie":
        return selectors.ResultsGroup(campaign)
    kind, _sep, pk = value.partition("-")
    if kind == "locatie" and pk.isdigit():
        return selectors.ResultsGroup(campaign, location=_location(request, int(pk)))
    if kind == "team" and pk.isdigit():
        return selectors.ResultsGroup(campaign, team=_team(request, int(pk)))
    raise Http404


def _heatmap(request, campaign_id):
    location_id = request.GET.get("locatie", "")
    return selectors.Heatmap(
        results_for(request, _campaign(request, campaign_id)),
        location_id=int(location_id) if location_id.isdigit() else None,
    )


def _location(request, location_id):
    location = Location.objects.filter(organisation=request.organisation, pk=location_id).first()
    if location is None:
        raise Http404
    return location


def _team(request, team_id):
    team = (
        Team.objects.filter(organisation=request.organisation, pk=team_id)
        .select_related("location")
        .first()
    )
    if team is None:
        raise Http404
    return team


def _base(request, campaign, results, level):
    return {
        "campaign": campaign,
        "results": results,
        "level": level,
        "slug": request.organisation.slug,
        "can_view_organisation": rules.can_view_organisation_results(request.access),
    }


@org_member
def results_index(request):
    """Campaigns with results and the groups this person may open (no numbers here)."""
    access = request.access
    campaigns = [c for c in selectors.campaigns_for(request.organisation) if c.launched_at]
    locations = Location.objects.filter(organisation=request.organisation)
    my_locations = [loc for loc in locations if rules.can_view_location_results(access, loc.pk)]
    covered = {loc.pk for loc in my_locations}
    # Teams of a covered location are reached through its page; list only the others.
    teams = (
        Team.objects.filter(organisation=request.organisation)
        .exclude(location_id__in=covered)
        .select_related("location")
    )
    my_teams = [t for t in teams if rules.can_view_team_results(access, t)]
    context = {
        "campaigns": campaigns,
        "my_teams": my_teams,
        "my_locations": my_locations,
        "can_view_organisation": rules.can_view_organisation_results(access),
    }
    return render(request, "scans/results/index.html", context)


@require(rules.can_view_group_results, obj=_organisation_results)
def results_organisation(request, group):
    campaign = group.campaign
    results = results_for(request, campaign)
    context = _base(request, campaign, results, "organisation")
    if results.is_ready:
        context |= organisation_context(
            results,
            request.organisation,
            slug=request.organisation.slug,
            comments_allowed=rules.can_read_comments(request.access),
        )
        if context["group"].visible:
            scope = Scope("organisation", request.organisation)
            context |= perception_context(request, results, scope)
    context["comment_group"] = "organisatie"
    context["can_analyse_items"] = rules.can_analyse_items(request.access)
    return render(request, "scans/results/group.html", context)


@require(rules.can_view_group_results, obj=_location_results)
def results_location(request, group):
    campaign, location = group.campaign, group.location
    results = results_for(request, campaign)
    context = _base(request, campaign, results, "location")
    context["location"] = location
    if results.is_ready:
        context |= location_context(
            results,
            location,
            slug=request.organisation.slug,
            organisation_group=results.group(organisation_ref(request.organisation), items=False),
            comments_allowed=rules.can_read_comments(request.access, location_id=location.pk),
        )
        if context["group"].visible:
            scope = Scope("location", request.organisation, location=location)
            context |= perception_context(request, results, scope)
    context["comment_group"] = f"locatie-{location.pk}"
    return render(request, "scans/results/group.html", context)


def team_page_context(request, campaign, team) -> dict:
    """The team's results (page and PDF alike)."""
    results = results_for(request, campaign)
    context = _base(request, campaign, results, "team")
    context["team"] = team
    context["comment_group"] = f"team-{team.pk}"
    if results.is_ready:
        context |= group_context(
            results,
            results.group(team_ref(team)),
            slug=request.organisation.slug,
            compare=results.group(organisation_ref(request.organisation), items=False),
            team=team,
            comments_allowed=rules.can_read_comments(request.access, team=team),
            inline_comments=True,
        )
        if context["group"].visible:
            scope = Scope("team", request.organisation, team=team)
            context |= perception_context(request, results, scope)
    return context


@require(rules.can_view_group_results, obj=_team_results)
def results_team(request, group):
    context = team_page_context(request, group.campaign, group.team)
    return render(request, "scans/results/group.html", context)


@require(rules.can_view_group_results, obj=_team_results)
def results_team_pdf(request, group):
    campaign, team = group.campaign, group.team
    pdf = team_report_pdf(request, team_page_context(request, campaign, team))
    return downloads.download(pdf, f"resultaten-{campaign.pk}-team-{team.pk}.pdf", private=True)


@require(rules.can_view_heatmap, obj=_heatmap)
def results_heatmap(request, heatmap):
    """Teams x dimensions for every team the reader covers, in one GROUP BY."""
    campaign, results = heatmap.campaign, heatmap.results
    teams = [t for t in heatmap.teams if rules.can_view_team_results(request.access, t)]
    context = _base(request, campaign, results, "heatmap")
    context["hidden_message"] = hidden_message()
    if results.is_ready:
        groups = results.many([team_ref(t) for t in teams], "team_key")
        context["heatmap"] = _matrix(results, groups, _("Mean per team and dimension"))
    return render(request, "scans/results/heatmap.html", context)


def _group_ref(group):
    if group.team is not None:
        return team_ref(group.team)
    if group.location is not None:
        return location_ref(group.location)
    return organisation_ref(group.campaign.organisation)


@require(rules.can_search_comments, obj=_comment_results)
def results_comments(request, group):
    """Search the open comments of one group the reader may read (icontains on the text)."""
    campaign = group.campaign
    results = results_for(request, campaign)
    ref = _group_ref(group)
    query = request.GET.get("q", "")[:200]
    context = _base(request, campaign, results, "comments")
    context |= {
        "group_ref": ref,
        "group_param": request.GET.get("groep", ""),
        "query": query,
        "visible": results.is_visible(ref),
        "hidden_message": hidden_message(),
        "comments": results.comments(ref, role_allowed=True, query=query),
        "dimensions": {d.key: d.name for d in results.instrument.dimensions},
    }
    return render(request, "scans/results/comments.html", context)


@require(rules.can_analyse_items, obj=_campaign)
def results_item_analysis(request, campaign):
    """Item analysis for whoever edits or copies instruments (organisation-wide, n >= 30)."""
    results = results_for(request, campaign)
    context = {
        "campaign": campaign,
        "slug": request.organisation.slug,
        "results": results,
        "analysis": item_analysis(results) if results.is_ready else None,
        "min_n": items.MIN_N,
        "weak": number(items.WEAK_ITEM_REST, 2),
    }
    return render(request, "scans/results/item_analysis.html", context)
