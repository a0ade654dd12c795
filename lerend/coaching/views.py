"""My coaching, the coach's work (assignments, plans, the session log) and the houder's
assignments. The norm, division, hours, coverage and GGD pack live in ``views_hours``.

Every record is fetched through ``selectors``: someone who may not read it gets 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.accounts.models import User
from lerend.frameworks.registry import block
from lerend.kit.forms import apply_errors
from lerend.learning.models import PlanGoal as PopGoal
from lerend.organisations import picker, team_picker
from lerend.organisations.decorators import any_member, org_member, require
from lerend.organisations.models import Location, Membership, Role, Team

from . import rules, selectors, services
from .forms import (
    DURATIONS,
    ActionFromGoalForm,
    AssignmentForm,
    EvaluationForm,
    GoalForm,
    NotesForm,
    PlanForm,
    SessionForm,
    ShareForm,
    VisitLinkForm,
)


# Loaders: the record a page is about, fetched through ``selectors``; 404 for whoever may
# not know of it (plans and sessions are personal records: no role opens them). The rule
# declared with each decides 403.
def _assignment_for_manager(request, assignment_id):
    return selectors.assignment_for_manager(request.access, assignment_id)


def _assignment_for_logger(request, assignment_id):
    access = request.access
    return selectors.assignment_for_logger(
        access, request.user, assignment_id, may_manage=rules.can_manage_coaching(access)
    )


def _session_for_viewer(request, session_id):
    return selectors.session_for_viewer(request.access, request.user, session_id)


def _session_for_logger(request, session_id):
    return selectors.session_for_logger(request.access, request.user, session_id)


def _plan_for_viewer(request, coaching_plan_id):
    return selectors.plan_for_viewer(request.access, request.user, coaching_plan_id)


def _plan_for_editor(request, coaching_plan_id):
    return selectors.plan_for_editor(request.access, request.user, coaching_plan_id)


def _plan_for_coachee(request, coaching_plan_id):
    return selectors.plan_for_coachee(request.access, request.user, coaching_plan_id)


def _goal_for_editor(request, coaching_goal_id):
    return selectors.goal_for_editor(request.access, request.user, coaching_goal_id)


def _share_for_coachee(request, coaching_share_id):
    return selectors.share_for_coachee(request.access, request.user, coaching_share_id)


def _year(request) -> int:
    today = timezone.localdate().year
    try:
        year = int(request.GET.get("jaar", today))
    except ValueError:
        return today
    return year if 2000 <= year <= today + 1 else today


@org_member
def home(request):
    """What coaching is for me: as coachee my plans and sessions, as coach whom I support,
    as leader the links to hours and coverage."""
    access, user = request.access, request.user
    year = timezone.localdate().year
    context = {
        "year": year,
        "my_plans": list(selectors.own_plans(access, user)[:5]),
        "my_sessions": list(selectors.my_sessions(access, user, year)[:10]),
        "my_coaches": list(selectors.my_coaches(access, user)),
        "is_coach": rules.is_coach(access),
        "assignments": list(selectors.assignments_of_coach(access, user)),
        "coach_plans": list(selectors.plans_as_coach(access, user).filter(year=year)),
        "shared_plans": list(selectors.plans_shared_with(access, user)[:20]),
        "can_view_hours": rules.can_view_hours(access),
        "can_manage": rules.can_manage_coaching(access),
    }
    return render(request, "coaching/home.html", context)


# --- assignments ------------------------------------------------------------------------------


@require(rules.can_manage_coaching)
def assignments(request):
    organisation = request.organisation
    context = {
        "active": list(selectors.active_assignments(organisation).order_by("coach__name", "id")),
    }
    return render(request, "coaching/assignments.html", context)


@require(rules.can_manage_coaching)
def assignment_create(request):
    organisation = request.organisation
    coaches = User.objects.filter(
        pk__in=Membership.objects.active()
        .filter(organisation=organisation, role=Role.COACH)
        .values("person_id")
    ).order_by("name")
    form = AssignmentForm(
        request.POST or None,
        initial={"starts_on": timezone.localdate()},
        coaches=coaches,
        people=picker.scope(request, "coaching.members"),
        teams=team_picker.scope(request, "coaching.assignment_teams"),
        locations=Location.objects.filter(organisation=organisation),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.create_assignment(
                organisation=organisation,
                actor=request.user,
                coach=data["coach"],
                external_coach=data["external_coach"],
                person=data["person"],
                team=data["team"],
                location=data["location"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The coach is assigned."))
            return redirect("coaching:assignments", organisation.slug)
    return render(request, "coaching/assignment_form.html", {"form": form})


@require_POST
@require(rules.can_manage_assignment, obj=_assignment_for_manager)
def assignment_end(request, assignment):
    services.end_assignment(assignment=assignment, actor=request.user)
    messages.success(request, _("The assignment has ended; its sessions stay."))
    return redirect("coaching:assignments", request.organisation.slug)


# --- sessions ---------------------------------------------------------------------------------


@require(any_member, obj=_assignment_for_logger)
def session_create(request, assignment):
    user = request.user
    team_id = request.GET.get("groep", "")
    team_id = int(team_id) if team_id.isdigit() else None
    teams = []
    if assignment.location_id:
        teams = list(Team.objects.filter(location_id=assignment.location_id).order_by("name"))
        if team_id not in {t.pk for t in teams}:
            team_id = None
    people = selectors.assignment_people(assignment, team_id=team_id)
    locations = None
    if assignment.person_id:
        locations = Location.objects.filter(organisation=request.organisation).order_by("name")
    initial = {"held_on": timezone.localdate(), "minutes": 60}
    if assignment.person_id:
        initial["attendees"] = [assignment.person_id]
    form = SessionForm(request.POST or None, initial=initial, attendees=people, locations=locations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = services.log_session(
                actor=user,
                assignment=assignment,
                attendees=data["attendees"],
                held_on=data["held_on"],
                minutes=data["minutes"],
                form=data["form"],
                notes=data["notes"],
                agreements=data["agreements"],
                location=data.get("location"),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Session logged. Only you and who took part read it."))
            return redirect("coaching:session_detail", request.organisation.slug, session.pk)
    context = {
        "form": form,
        "assignment": assignment,
        "teams": teams,
        "team_id": team_id,
        "durations": DURATIONS,
    }
    return render(request, "coaching/session_form.html", context)


@require(any_member, obj=_session_for_viewer)
def session_detail(request, session):
    user = request.user
    is_logger = session.coach_id == user.pk or session.logged_by_id == user.pk
    context = {
        "session": session,
        "attendees": [a.person for a in session.attendees.select_related("person")],
        "is_logger": is_logger,
    }
    return render(request, "coaching/session_detail.html", context)


@require(any_member, obj=_session_for_logger)
def session_edit(request, session):
    form = NotesForm(
        request.POST or None, initial={"notes": session.notes, "agreements": session.agreements}
    )
    if request.method == "POST" and form.is_valid():
        services.update_session_notes(session=session, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("coaching:session_detail", request.organisation.slug, session.pk)
    return render(request, "coaching/session_edit.html", {"form": form, "session": session})


@require_POST
@require(any_member, obj=_session_for_logger)
def session_delete(request, session):
    services.delete_session(session=session)
    messages.success(request, _("Session deleted."))
    return redirect("coaching:home", request.organisation.slug)


# --- plans ------------------------------------------------------------------------------------


def _share_form(request, plan, data=None):
    people = picker.scope(request, "coaching.plan_share", plan_id=plan.pk)
    return ShareForm(data, people=people)


def _plan_page(request, plan, **extra):
    access, user = request.access, request.user
    is_coachee = plan.coachee_id == user.pk
    may_edit = selectors.may_edit_plan(access, user, plan)
    goals = list(plan.goals.select_related("pop_goal").order_by("id"))
    focus = services.focus_choices(plan.organisation)
    focus_names = dict(focus)
    for goal in goals:
        goal.blocks = [block(k) for k in goal.building_blocks]
        goal.focus_names = [focus_names[k] for k in goal.focus_areas if k in focus_names]
    pop_goals = None
    if is_coachee:
        found = selectors.pop_goals_of(access, user, plan.year)
        pop_goals = _pop_goal_queryset(found)
    trajectory = selectors.trajectory_visits(access, user, plan)
    linkable = selectors.visits_to_link(plan.organisation, user) if is_coachee else []
    linked = {link.visit_id for link in trajectory}
    linkable = [visit for visit in linkable if visit.id not in linked]
    context = {
        "plan": plan,
        "goals": goals,
        "trajectory": trajectory,
        "visit_form": VisitLinkForm(visits=linkable, goals=goals) if linkable else None,
        "action_form": ActionFromGoalForm() if may_edit and plan.team_id else None,
        "sessions": list(
            selectors.with_attendees(selectors.sessions_visible_to(access, user).filter(plan=plan))
        ),
        "may_edit": may_edit,
        "is_coachee": is_coachee,
        "goal_form": GoalForm(pop_goals=pop_goals, focus=focus) if may_edit else None,
        "evaluation_form": EvaluationForm(initial={"evaluation": plan.evaluation})
        if may_edit
        else None,
        "shares": list(selectors.shares_of(plan)) if is_coachee else [],
        "share_form": _share_form(request, plan).search_from(request.GET) if is_coachee else None,
    }
    context.update(extra)
    return render(request, "coaching/plan_detail.html", context)


def _pop_goal_queryset(goals):
    return PopGoal.objects.filter(pk__in=[g.pk for g in goals]).order_by("id")


@require(any_member, obj=_plan_for_viewer)
def plan_detail(request, plan):
    return _plan_page(request, plan)


@org_member
def plan_create(request):
    """A coachee starts their own plan for this year, or a coach starts one for a person or
    team they support (``?begeleiding=<id>``)."""
    access, user = request.access, request.user
    year = timezone.localdate().year
    assignment = None
    raw = request.GET.get("begeleiding", "")
    if raw.isdigit():
        assignment = selectors.assignment_for_logger(access, user, int(raw), may_manage=False)
        if assignment.location_id:
            assignment = None
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if assignment is not None:
            subject = {"coachee": assignment.person, "team": assignment.team, "coach": user}
        else:
            coaches = [a.coach for a in selectors.my_coaches(access, user) if a.person_id]
            subject = {"coachee": user, "coach": coaches[0] if coaches else None}
        try:
            plan = services.create_plan(
                organisation=request.organisation, year=year, **subject, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The coachplan is made. Add the goals."))
            return redirect("coaching:plan_detail", request.organisation.slug, plan.pk)
    context = {"form": form, "assignment": assignment, "year": year}
    return render(request, "coaching/plan_form.html", context)


@require(any_member, obj=_plan_for_editor)
def plan_edit(request, plan):
    form = PlanForm(
        request.POST or None,
        initial={"question": plan.question, "planned_forms": plan.planned_forms},
    )
    if request.method == "POST" and form.is_valid():
        services.update_plan(plan=plan, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("coaching:plan_detail", request.organisation.slug, plan.pk)
    context = {"form": form, "plan": plan, "year": plan.year}
    return render(request, "coaching/plan_form.html", context)


@require_POST
@require(any_member, obj=_plan_for_editor)
def goal_create(request, plan):
    access, user = request.access, request.user
    pop_goals = None
    if plan.coachee_id == user.pk:
        pop_goals = _pop_goal_queryset(selectors.pop_goals_of(access, user, plan.year))
    form = GoalForm(
        request.POST, pop_goals=pop_goals, focus=services.focus_choices(plan.organisation)
    )
    if form.is_valid():
        try:
            services.add_goal(access=access, actor=user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Goal added."))
            return redirect("coaching:plan_detail", request.organisation.slug, plan.pk)
    return _plan_page(request, plan, goal_form=form)


@require_POST
@require(any_member, obj=_goal_for_editor)
def goal_reached(request, goal):
    services.set_goal_reached(goal=goal, reached=not goal.reached)
    return redirect("coaching:plan_detail", request.organisation.slug, goal.plan_id)


@require_POST
@require(any_member, obj=_plan_for_editor)
def plan_evaluate(request, plan):
    form = EvaluationForm(request.POST)
    if form.is_valid():
        try:
            services.evaluate_plan(plan=plan, evaluation=form.cleaned_data["evaluation"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The evaluation is saved."))
            return redirect("coaching:plan_detail", request.organisation.slug, plan.pk)
    return _plan_page(request, plan, evaluation_form=form)


@require_POST
@require(any_member, obj=_plan_for_coachee)
def plan_share(request, plan):
    access, user = request.access, request.user
    form = _share_form(request, plan, request.POST)
    if form.picker_searching():
        slug = request.organisation.slug
        return picker.search_redirect(request, "coaching:plan_detail", slug, plan.pk)
    if form.is_valid():
        try:
            services.share_plan(
                access=access, actor=user, plan=plan, person=form.cleaned_data["person"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Shared. You can take it back at any time."))
    else:
        messages.error(request, _("Choose someone to share with."))
    return redirect("coaching:plan_detail", request.organisation.slug, plan.pk)


@require_POST
@require(any_member, obj=_share_for_coachee)
def share_revoke(request, share):
    plan_id = share.plan_id
    services.revoke_share(share=share)
    messages.success(request, _("No longer shared."))
    return redirect("coaching:plan_detail", request.organisation.slug, plan_id)
