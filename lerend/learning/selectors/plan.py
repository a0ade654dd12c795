"""The development plan (POP), its goals, activities and evidence."""

from django.http import Http404
from django.utils import timezone

from ..models import (
    DevelopmentPlan,
    Evidence,
    PlanGoal,
    PlannedActivity,
)
from .sharing import _visible


def plans_visible_to(access, user):
    return DevelopmentPlan.objects.filter(
        _visible("plan", access, user), organisation=access.organisation
    ).select_related("owner")


def plans_shared_with(access, user):
    return plans_visible_to(access, user).exclude(owner=user)


def pop_for_viewer(access, user, plan_id) -> DevelopmentPlan:
    plan = plans_visible_to(access, user).filter(pk=plan_id).first()
    if plan is None:
        raise Http404
    return plan


def pop_for_owner(access, user, plan_id) -> DevelopmentPlan:
    plan = DevelopmentPlan.objects.filter(
        organisation=access.organisation, owner=user, pk=plan_id
    ).first()
    if plan is None:
        raise Http404
    return plan


def current_pop(access, user, year=None) -> DevelopmentPlan | None:
    year = year or timezone.localdate().year
    return DevelopmentPlan.objects.filter(
        organisation=access.organisation, owner=user, year=year
    ).first()


def own_plans(access, user):
    return DevelopmentPlan.objects.filter(organisation=access.organisation, owner=user)


def goal_for_owner(access, user, goal_id) -> PlanGoal:
    goal = (
        PlanGoal.objects.select_related("plan")
        .filter(plan__organisation=access.organisation, plan__owner=user, pk=goal_id)
        .first()
    )
    if goal is None:
        raise Http404
    return goal


def activity_for_owner(access, user, activity_id) -> PlannedActivity:
    activity = (
        PlannedActivity.objects.select_related("goal__plan")
        .filter(
            goal__plan__organisation=access.organisation, goal__plan__owner=user, pk=activity_id
        )
        .first()
    )
    if activity is None:
        raise Http404
    return activity


def evidence_for_viewer(access, user, evidence_id) -> Evidence:
    """Evidence is readable by whoever may read its plan."""
    evidence = (
        Evidence.objects.select_related("plan")
        .filter(plan__in=plans_visible_to(access, user), pk=evidence_id)
        .first()
    )
    if evidence is None:
        raise Http404
    return evidence


def evidence_for_owner(access, user, evidence_id) -> Evidence:
    evidence = (
        Evidence.objects.select_related("plan")
        .filter(plan__organisation=access.organisation, plan__owner=user, pk=evidence_id)
        .first()
    )
    if evidence is None:
        raise Http404
    return evidence


def plan_goals(plan):
    return plan.goals.prefetch_related("activities").order_by("id")
