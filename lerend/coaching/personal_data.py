"""A person's coaching records: their part of the own-data download and their erasure in one
organisation (see contrib.py).

Erasure removes what is the person's own — their coachplans, their attendance, the shares
of their plans and to them, assignments to or of them — and keeps the hours: a session stays
in the log for the houder's accounting, without the person's name, and with its notes
emptied when nobody who took part is left to own them."""

from django.db import transaction
from django.db.models import Count, Q

from lerend.kit.contrib import deleted

from .models import (
    Assignment,
    Attendee,
    CoachingPlan,
    CoachingSession,
    CoverageReminder,
    Division,
    PlanShare,
)


def _iso(value):
    return value.isoformat() if value else None


def own_data(person) -> dict:
    """Every coaching record about or by ``person``, across organisations: their plans with
    goals, the sessions they took part in or coached (with notes: these are theirs), and
    whom they coach or are coached by."""
    plans = (
        CoachingPlan.objects.filter(coachee=person)
        .select_related("organisation", "coach")
        .prefetch_related("goals", "visits__goal")
        .order_by("year", "id")
    )
    sessions = (
        CoachingSession.objects.filter(
            Q(attendees__person=person) | Q(coach=person) | Q(logged_by=person)
        )
        .distinct()
        .select_related("organisation", "location", "coach")
        .prefetch_related("attendees__person")
        .order_by("held_on", "id")
    )
    assignments = (
        Assignment.objects.filter(Q(coach=person) | Q(person=person))
        .select_related("organisation", "coach", "person", "team", "location")
        .order_by("starts_on", "id")
    )
    return {
        "plans": [
            {
                "organisation": p.organisation.name,
                "year": p.year,
                "coach": p.coach.name if p.coach else None,
                "question": p.question,
                "planned_forms": p.planned_forms,
                "goals": [
                    {
                        "title": g.title,
                        "description": g.description,
                        "reached": g.reached,
                        "building_blocks": g.building_blocks,
                        "interaction_skills_or_lesson_domains": g.focus_areas,
                        "pop_goal_id": g.pop_goal_id,
                        "team_board_action_id": g.action_id,
                    }
                    for g in p.goals.all()
                ],
                "visits_in_this_coaching": [
                    {"visit_id": v.visit_id, "goal": v.goal.title if v.goal else None}
                    for v in p.visits.all()
                ],
                "evaluation": p.evaluation,
                "shared_with": list(p.shares.values_list("person__name", flat=True)),
            }
            for p in plans
        ],
        "sessions": [
            {
                "organisation": s.organisation.name,
                "date": _iso(s.held_on),
                "minutes": s.minutes,
                "form": s.form,
                "location": s.location.name,
                "coach": s.coach_name,
                "with": [a.person.name for a in s.attendees.all()],
                "notes": s.notes,
                "agreements": s.agreements,
                "counted_from_pd_activity_id": s.pd_activity_id,
            }
            for s in sessions
        ],
        "assignments": [
            {
                "organisation": a.organisation.name,
                "coach": a.coach_name,
                "supports": a.target_name,
                "from": _iso(a.starts_on),
                "until": _iso(a.ends_on),
            }
            for a in assignments
        ],
    }


@transaction.atomic
def erase(person, organisation) -> dict[str, int]:
    """Side effects: deletes the person's coaching records in ``organisation``; unlinks them
    from sessions, plans and decisions that stay; empties the notes of sessions nobody who
    took part is left for."""
    org = {"organisation": organisation}
    attended = list(
        Attendee.objects.filter(person=person, **org).values_list("session_id", flat=True)
    )
    counts = {
        "plans": deleted(CoachingPlan.objects.filter(coachee=person, **org)),
        "plan_shares": deleted(PlanShare.objects.filter(person=person, **org)),
        "attendance": deleted(Attendee.objects.filter(person=person, **org)),
        "assignments": deleted(
            Assignment.objects.filter(Q(coach=person) | Q(person=person), **org)
        ),
        "reminders": deleted(CoverageReminder.objects.filter(person=person, **org)),
    }
    orphaned = (
        CoachingSession.objects.filter(pk__in=attended)
        .annotate(left=Count("attendees"))
        .filter(left=0)
        .values_list("pk", flat=True)
    )
    counts["notes_emptied"] = CoachingSession.objects.filter(pk__in=list(orphaned)).update(
        notes="", agreements=""
    )
    counts["unnamed"] = (
        CoachingSession.objects.filter(coach=person, **org).update(coach=None)
        + CoachingSession.objects.filter(logged_by=person, **org).update(logged_by=None)
        + CoachingPlan.objects.filter(coach=person, **org).update(coach=None)
        + Assignment.objects.filter(created_by=person, **org).update(created_by=None)
        + Division.objects.filter(decided_by=person, **org).update(decided_by=None)
    )
    return counts
