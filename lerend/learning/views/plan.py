"""The development plan (POP): goals, activities, evidence and sharing. Owner-only pages give
404 to everyone else; readers see a plan only after its owner shared it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.frameworks.registry import block
from lerend.kit.forms import apply_errors
from lerend.organisations.decorators import any_member, require

from .. import selectors, services
from ..forms.plan import ActivityForm, EvidenceForm, GoalForm
from ..models import EvidenceKind
from .sharing import _share_form, share_search

# Loaders: the object a page is about, fetched through the tenant; 404 for whoever may
# not know of it. The rule declared with each on the view decides 403.


def _pop_for_viewer(request, plan_id):
    return selectors.pop_for_viewer(request.access, request.user, plan_id)


def _pop_for_owner(request, plan_id):
    return selectors.pop_for_owner(request.access, request.user, plan_id)


def _goal_for_owner(request, plan_goal_id):
    return selectors.goal_for_owner(request.access, request.user, plan_goal_id)


def _activity_for_owner(request, activity_id):
    return selectors.activity_for_owner(request.access, request.user, activity_id)


def _evidence_for_viewer(request, evidence_id):
    return selectors.evidence_for_viewer(request.access, request.user, evidence_id)


def _evidence_for_owner(request, evidence_id):
    return selectors.evidence_for_owner(request.access, request.user, evidence_id)


def _has_current_plan(request):
    year = timezone.localdate().year
    return selectors.current_pop(request.access, request.user, year) is not None


@require(any_member, redirects=_has_current_plan)
def plan_current(request):
    """This year's POP; the owner starts it with one click (POST)."""
    access, user, org = request.access, request.user, request.organisation
    year = timezone.localdate().year
    if request.method == "POST":
        plan = services.get_or_create_plan(organisation=org, owner=user, year=year)
        return redirect("learning:plan_detail", org.slug, plan.pk)
    plan = selectors.current_pop(access, user, year)
    if plan is not None:
        return redirect("learning:plan_detail", org.slug, plan.pk)
    context = {"year": year, "earlier": list(selectors.own_plans(access, user))}
    return render(request, "learning/plan_start.html", context)


@require(any_member, obj=_pop_for_viewer)
def plan_detail(request, plan):
    access, user = request.access, request.user
    is_owner = plan.owner_id == user.pk
    goals = list(selectors.plan_goals(plan))
    for goal in goals:
        goal.blocks = [block(k) for k in goal.building_blocks]
    context = {
        "plan": plan,
        "goals": goals,
        "evidence": list(plan.evidence.select_related("goal")),
        "is_owner": is_owner,
        "shares": list(selectors.shares_of(plan)) if is_owner else [],
        "share_form": _share_form(request, with_teams=False) if is_owner else None,
        "reviews": list(selectors.reviews_visible_to(access, user).filter(plan=plan)),
        "activity_form": ActivityForm() if is_owner else None,
    }
    return render(request, "learning/plan_detail.html", context)


@require_POST
@require(any_member, obj=_pop_for_owner)
def plan_share(request, plan):
    form = _share_form(request, request.POST, with_teams=False)
    searched = share_search(
        form, request, "learning:plan_detail", request.organisation.slug, plan.pk
    )
    if searched:
        return searched
    target = form.cleaned_data["target"] if form.is_valid() else None
    if target and "person" in target:
        try:
            services.share(access=request.access, owner=request.user, plan=plan, **target)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Shared. You can take it back at any time."))
    else:
        messages.error(request, _("Choose a coach or leader to share your POP with."))
    return redirect("learning:plan_detail", request.organisation.slug, plan.pk)


@require(any_member, obj=_pop_for_owner)
def goal_create(request, plan):
    form = GoalForm(request.POST or None, with_end=False)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_goal(plan=plan, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Goal added."))
            return redirect("learning:plan_detail", request.organisation.slug, plan.pk)
    return render(request, "learning/goal_form.html", {"form": form, "plan": plan})


@require(any_member, obj=_goal_for_owner)
def goal_edit(request, goal):
    form = GoalForm(request.POST or None, instance=goal)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_goal(goal=goal, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Goal saved."))
            return redirect("learning:plan_detail", request.organisation.slug, goal.plan_id)
    return render(request, "learning/goal_form.html", {"form": form, "goal": goal})


@require_POST
@require(any_member, obj=_goal_for_owner)
def activity_create(request, goal):
    form = ActivityForm(request.POST)
    if form.is_valid():
        services.add_activity(goal=goal, **form.cleaned_data)
        messages.success(request, _("Activity added."))
    else:
        messages.error(request, _("Describe the activity."))
    return redirect("learning:plan_detail", request.organisation.slug, goal.plan_id)


@require_POST
@require(any_member, obj=_activity_for_owner)
def activity_toggle(request, activity):
    services.toggle_activity(activity=activity)
    return redirect("learning:plan_detail", request.organisation.slug, activity.goal.plan_id)


@require(any_member, obj=_pop_for_owner)
def evidence_create(request, plan):
    form = EvidenceForm(request.POST or None, request.FILES or None, goals=list(plan.goals.all()))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_evidence(
                plan=plan,
                goal=data["goal"],
                kind=data["kind"],
                title=data["title"],
                text=data["text"],
                url=data["url"],
                uploaded=data["file"] if data["kind"] == EvidenceKind.FILE else None,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Evidence added to your portfolio."))
            return redirect("learning:plan_detail", request.organisation.slug, plan.pk)
    return render(request, "learning/evidence_form.html", {"form": form, "plan": plan})


@require(any_member, obj=_evidence_for_viewer)
def evidence_file(request, evidence):
    """The only way to a stored file: through the same rule as its plan."""
    if not evidence.file:
        raise Http404
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name or evidence.file.name.rsplit("/", 1)[-1],
        content_type=evidence.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@require(any_member, obj=_evidence_for_owner)
def evidence_delete(request, evidence):
    plan_id = evidence.plan_id
    services.delete_evidence(evidence=evidence)
    messages.success(request, _("Evidence deleted."))
    return redirect("learning:plan_detail", request.organisation.slug, plan_id)
