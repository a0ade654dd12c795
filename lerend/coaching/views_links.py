"""Coaching's links to the other apps' records (issue 13 §3): a coaching goal becomes a
POP goal (the coachee's act) or an action on the team board (a team plan's goal); a visit
or observation becomes part of the trajectory (the observed coachee's act, shown to coachee
and coach only); PD activities of kind "coaching" count as coaching hours (the houder's
decision). Everything goes through ``services``, which reach the other apps only through
the kit's offers."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.organisations.decorators import any_member, require

from . import rules, selectors, services
from .forms import ActionFromGoalForm, PdCountForm, VisitLinkForm


def _goal_for_editor(request, coaching_goal_id):
    return selectors.goal_for_editor(request.access, request.user, coaching_goal_id)


def _plan_for_coachee(request, coaching_plan_id):
    return selectors.plan_for_coachee(request.access, request.user, coaching_plan_id)


def _visit_link_for_coachee(request, coaching_visit_id):
    return selectors.visit_link_for_coachee(request.access, request.user, coaching_visit_id)


def _back(request, plan_id):
    return redirect("coaching:plan_detail", request.organisation.slug, plan_id)


def _fail(request, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)


@require_POST
@require(any_member, obj=_goal_for_editor)
def goal_to_pop(request, goal):
    """Only the coachee (the service refuses anyone else; the coach edits the plan too)."""
    try:
        services.goal_to_pop(actor=request.user, goal=goal)
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(request, _("The goal is in your POP now; only you see your POP."))
    return _back(request, goal.plan_id)


@require_POST
@require(any_member, obj=_goal_for_editor)
def goal_to_action(request, goal):
    form = ActionFromGoalForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a due date."))
        return _back(request, goal.plan_id)
    try:
        services.goal_to_action(actor=request.user, goal=goal, due_on=form.cleaned_data["due_on"])
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(request, _("The goal is an action on the team board now."))
    return _back(request, goal.plan_id)


@require_POST
@require(any_member, obj=_plan_for_coachee)
def visit_link(request, plan):
    visits = selectors.visits_to_link(request.organisation, request.user)
    form = VisitLinkForm(request.POST, visits=visits, goals=plan.goals.all())
    if not form.is_valid():
        messages.error(request, _("Choose a visit in which you were observed."))
        return _back(request, plan.pk)
    goal_id = form.cleaned_data["goal"]
    goal = plan.goals.filter(pk=goal_id).first() if goal_id else None
    try:
        services.link_visit(
            actor=request.user, plan=plan, visit_id=form.cleaned_data["visit"], goal=goal
        )
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(request, _("The visit is part of your coaching now."))
    return _back(request, plan.pk)


@require_POST
@require(any_member, obj=_visit_link_for_coachee)
def visit_unlink(request, link):
    plan_id = link.plan_id
    services.unlink_visit(link=link)
    messages.success(request, _("The visit is no longer part of your coaching."))
    return _back(request, plan_id)


@require(rules.can_manage_coaching)
def pd_hours(request):
    """PD activities of kind "coaching" this year, and whether each counts as coaching."""
    org = request.organisation
    year = timezone.localdate().year
    locations = selectors.locations_in_scope(request.access)
    form = PdCountForm(request.POST or None, locations=locations)
    if request.method == "POST":
        raw = request.POST.get("activity", "")
        undo = request.POST.get("uncount", "")
        try:
            if undo.isdigit():
                session = selectors.pd_session(org, int(undo))
                services.uncount_pd(organisation=org, actor=request.user, session=session)
                messages.success(request, _("These hours no longer count as coaching."))
                return redirect("coaching:pd_hours", org.slug)
            if raw.isdigit() and form.is_valid():
                services.count_pd_as_coaching(
                    organisation=org,
                    actor=request.user,
                    pd_activity_id=int(raw),
                    location=form.cleaned_data["location"],
                )
                messages.success(request, _("These hours count as coaching now, once."))
                return redirect("coaching:pd_hours", org.slug)
        except ValidationError as error:
            _fail(request, error)
        else:
            messages.error(request, _("Choose the location these hours count toward."))
    context = {
        "year": year,
        "activities": services.coaching_pd(org, year),
        "form": PdCountForm(locations=locations),
    }
    return render(request, "coaching/pd_hours.html", context)
