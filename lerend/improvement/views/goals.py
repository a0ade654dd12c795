"""Vision, goals and settings. The board and its actions live in ``views.team_board``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from lerend.frameworks.registry import block_keys
from lerend.kit.forms import apply_errors
from lerend.organisations import picker
from lerend.organisations.decorators import org_member, require

from .. import rules, selectors, services
from ..forms.goals import GoalForm, SettingsForm, VisionForm
from ..models import Level

# Loaders: the object a page is about, fetched through the tenant; 404 for whoever may
# not know of it. The rule declared with each on the view decides 403.


def _goal_or_404(request, goal_id):
    return selectors.goal_or_404(request.organisation, goal_id)


def _team_or_404(request, team_id):
    return selectors.team_or_404(request.organisation, team_id)


def _location_or_404(request, location_id):
    return selectors.location_or_404(request.organisation, location_id)


@org_member
def overview(request):
    """Vision and goals at every level this person belongs to, plus all goals."""
    access, org = request.access, request.organisation
    locations = sorted(
        {
            m.team.location if m.team_id else m.location
            for m in access.memberships
            if m.location_id or m.team_id
        },
        key=lambda x: x.name,
    )
    teams = sorted({m.team for m in access.memberships if m.team_id}, key=lambda t: t.name)
    goals = selectors.goals_overview(org)
    selectors.with_measured_status(org, *goals.values())
    context = {
        "vision": selectors.current_vision(org),
        "location_accents": [
            (loc, selectors.current_vision(org, location=loc)) for loc in locations
        ],
        "team_accents": [(t, selectors.current_vision(org, team=t)) for t in teams],
        "goals": goals,
        "can_edit_org": rules.can_edit_organisation_level(access),
        "can_view_advice": rules.can_view_any_advice(access),
        "can_view_dashboard": rules.can_view_dashboard(access),
        "my_teams": teams,
        "public_url": _public_vision_url(org),
    }
    return render(request, "improvement/overview.html", context)


def _public_vision_url(org):
    try:
        return reverse("improvement_public:public_vision", args=[org.slug])
    except NoReverseMatch:  # the public URLs are mounted at the site root by lerend.urls
        return None


def _vision_edit(request, *, location=None, team=None):
    org = request.organisation
    current = selectors.current_vision(org, location=location, team=team)
    allow_public = location is None and team is None
    initial = {}
    if current:
        initial = {
            "vision": current.vision,
            "mission": current.mission,
            "core_values": current.core_values,
            "is_public": current.is_public,
        }
    form = VisionForm(request.POST or None, initial=initial, allow_public=allow_public)
    if request.method == "POST" and form.is_valid():
        services.save_vision(
            organisation=org, actor=request.user, location=location, team=team, **form.cleaned_data
        )
        messages.success(request, _("Saved. The earlier version stays in the history."))
        return redirect(request.path)
    context = {
        "form": form,
        "scope_name": team or location or org,
        "level": Level.TEAM if team else Level.LOCATION if location else Level.ORGANISATION,
        "organisation_vision": selectors.current_vision(org) if (team or location) else None,
        "history": selectors.vision_history(org, location=location, team=team)[:20],
    }
    return render(request, "improvement/vision_form.html", context)


@require(rules.can_edit_organisation_level)
def vision_edit(request):
    return _vision_edit(request)


@require(rules.can_edit_location_level, obj=_location_or_404)
def location_vision_edit(request, location):
    return _vision_edit(request, location=location)


@require(rules.can_edit_team_level, obj=_team_or_404)
def team_vision_edit(request, team):
    return _vision_edit(request, team=team)


# --- goals -----------------------------------------------------------------------------------


def _goal_form(request, *, location=None, team=None, instance=None, initial=None):
    org = request.organisation
    return GoalForm(
        request.POST or None,
        instance=instance,
        initial=initial,
        organisation=org,
        core_values=selectors.core_values_for(
            org, location=location or (team.location if team else None), team=team
        ),
        supportable=selectors.supportable_goals(org, location=location, team=team),
        owners=picker.scope(request, "improvement.people"),
    )


def _warn_if_too_many(request, team) -> None:
    limit = services.settings_for(request.organisation).max_active_goals_per_team
    count = selectors.active_goal_count(team)
    if count > limit:
        messages.warning(
            request,
            _(
                "%(team)s now has %(count)d active goals; your organisation advises at most "
                "%(limit)d. Fewer goals, more focus: consider finishing or stopping one."
            )
            % {"team": team.name, "count": count, "limit": limit},
        )


def _prefill(request) -> dict:
    """A practice from the advice page becomes a goal: ``?block=<key>&title=<name>``."""
    initial = {}
    if request.GET.get("block") in block_keys():
        initial["building_blocks"] = [request.GET["block"]]
    title = request.GET.get("title", "").strip()[:200]
    if title:
        initial["title"] = title
    return initial


def _goal_create(request, *, location=None, team=None):
    org = request.organisation
    form = _goal_form(request, location=location, team=team, initial=_prefill(request))
    if request.method == "POST" and form.is_valid():
        try:
            goal = services.create_goal(
                organisation=org,
                actor=request.user,
                location=location,
                team=team,
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Goal saved."))
            if team is not None:
                _warn_if_too_many(request, team)
            return redirect("improvement:goal_detail", org.slug, goal.pk)
    context = {"form": form, "scope_name": team or location or org, "team": team}
    if team is not None:
        context["active_count"] = selectors.active_goal_count(team)
        context["limit"] = services.settings_for(org).max_active_goals_per_team
    return render(request, "improvement/goal_form.html", context)


@require(rules.can_edit_organisation_level)
def goal_create(request):
    return _goal_create(request)


@require(rules.can_edit_location_level, obj=_location_or_404)
def location_goal_create(request, location):
    return _goal_create(request, location=location)


@require(rules.can_edit_team_level, obj=_team_or_404)
def team_goal_create(request, team):
    return _goal_create(request, team=team)


@require(rules.can_read_goals, obj=_goal_or_404)
def goal_detail(request, goal):
    access = request.access
    actions = list(selectors.goal_actions(goal))
    children = list(selectors.goal_children(goal))
    selectors.with_measured_status(request.organisation, [goal], children)
    context = {
        "goal": goal,
        "children": children,
        "actions": actions,
        "answered": [a for a in actions if a.outcome],
        "can_edit": rules.can_edit_goal(access, goal),
        "can_see_board": goal.team is not None and rules.can_view_board(access, goal.team),
    }
    return render(request, "improvement/goal_detail.html", context)


@require(rules.can_edit_goal, obj=_goal_or_404)
def goal_edit(request, goal):
    org = request.organisation
    form = _goal_form(request, location=goal.location, team=goal.team, instance=goal)
    selectors.with_measured_status(org, [goal])
    if goal.measured and "status" in form.fields:
        form.fields["status"].help_text = _(
            "This goal has indicators: the status shown is computed from them (now: "
            "%(status)s). What you choose here counts only if the indicators are removed."
        ) % {"status": goal.measured.label}
    if request.method == "POST" and form.is_valid():
        try:
            services.update_goal(goal=goal, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Goal saved."))
            if goal.team is not None:
                _warn_if_too_many(request, goal.team)
            return redirect("improvement:goal_detail", org.slug, goal.pk)
    context = {"form": form, "goal": goal, "scope_name": goal.team or goal.location or org}
    return render(request, "improvement/goal_form.html", context)


@require(rules.can_read_goals, obj=_team_or_404)
def team_goals(request, team):
    """A team's goals: readable by every member (see rules)."""
    access, org = request.access, request.organisation
    goals = list(selectors.team_goals(org, team))
    selectors.with_measured_status(org, goals)
    limit = services.settings_for(org).max_active_goals_per_team
    active = [g for g in goals if g.is_active]
    context = {
        "team": team,
        "goals": goals,
        "accent": selectors.current_vision(org, team=team),
        "too_many": len(active) > limit,
        "active_count": len(active),
        "limit": limit,
        "can_edit": rules.can_edit_team_level(access, team),
        "can_see_board": rules.can_view_board(access, team),
    }
    return render(request, "improvement/team_goals.html", context)


@require(rules.can_read_goals, obj=_location_or_404)
def location_goals(request, location):
    access, org = request.access, request.organisation
    goals = list(selectors.location_goals(org, location))
    selectors.with_measured_status(org, goals)
    context = {
        "location": location,
        "goals": goals,
        "accent": selectors.current_vision(org, location=location),
        "can_edit": rules.can_edit_location_level(access, location),
    }
    return render(request, "improvement/location_goals.html", context)


@require(rules.can_edit_organisation_level)
def settings(request):
    org = request.organisation
    form = SettingsForm(request.POST or None, instance=services.settings_for(org))
    if request.method == "POST" and form.is_valid():
        services.update_settings(organisation=org, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Settings saved."))
        return redirect("improvement:settings", org.slug)
    return render(request, "improvement/settings.html", {"form": form})
