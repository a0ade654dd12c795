"""Everything learning holds that is a person's, for their own-data download."""

from django.db.models import Q

from lerend.organisations.access import Access
from lerend.organisations.models import Organisation

from ..models import (
    DevelopmentPlan,
    FeedbackAnswer,
    FeedbackRequest,
    JournalEntry,
    Participation,
    ReviewConversation,
)
from .feedback import feedback_answers, own_feedback_requests


def _iso(value):
    return value.isoformat() if value else None


def _own_feedback(user) -> list[dict]:
    """Requests ``user`` made, with the answers exactly as the requester page shows them:
    named answers with author, anonymous ones only above both thresholds (in random order)
    and otherwise only their number. Goes through own_feedback_requests and
    feedback_answers, so the export can never show more than the page."""
    orgs = Organisation.objects.filter(
        pk__in=FeedbackRequest.objects.filter(requester=user).values("organisation_id")
    ).order_by("name", "id")
    rows = []
    for org in orgs:
        for request in own_feedback_requests(Access(organisation=org), user):
            answers = feedback_answers(request)
            rows.append(
                {
                    "organisation": org.name,
                    "question": request.question,
                    "allow_anonymous": request.allow_anonymous,
                    "created_at": _iso(request.created_at),
                    "asked": request.asked,
                    "answered": request.answered,
                    "named_answers": [
                        {"author": a.author.name if a.author_id else None, "text": a.text}
                        for a in answers["named"]
                    ],
                    "anonymous_answers": answers["anonymous"],
                    "anonymous_answer_count": answers["anonymous_count"],
                }
            )
    return rows


def own_learning_data(user) -> dict:
    """Everything learning holds that is ``user``'s, across organisations, for their own-data
    download: journal, POPs (goals, activities, evidence metadata — not the file bytes),
    review conversations they take part in, PD participations, feedback they asked for and
    the named answers they gave. Anonymous answers they gave are left out: nothing links
    them to their author, not even for the author."""
    entries = (
        JournalEntry.objects.filter(owner=user)
        .select_related("organisation")
        .order_by("-written_on", "-id")
    )
    plans = (
        DevelopmentPlan.objects.filter(owner=user)
        .select_related("organisation")
        .prefetch_related("goals__activities", "evidence")
        .order_by("-year", "-id")
    )
    reviews = (
        ReviewConversation.objects.filter(Q(plan__owner=user) | Q(reviewer=user))
        .select_related("plan__owner", "plan__organisation", "reviewer")
        .order_by("-held_on", "-id")
    )
    participations = (
        Participation.objects.filter(person=user)
        .select_related("activity__organisation")
        .order_by("-activity__starts_on", "-id")
    )
    given = (
        FeedbackAnswer.objects.filter(author=user, anonymous=False)
        .select_related("request__requester", "request__organisation")
        .order_by("id")
    )
    return {
        "journal_entries": [
            {
                "organisation": e.organisation.name,
                "title": e.title,
                "body": e.body,
                "phase": e.phase,
                "building_blocks": e.building_blocks,
                "written_on": _iso(e.written_on),
            }
            for e in entries
        ],
        "development_plans": [
            {
                "organisation": p.organisation.name,
                "year": p.year,
                "goals": [
                    {
                        "title": g.title,
                        "description": g.description,
                        "building_blocks": g.building_blocks,
                        "start_score": g.start_score,
                        "start_note": g.start_note,
                        "end_score": g.end_score,
                        "end_note": g.end_note,
                        "activities": [
                            {
                                "description": a.description,
                                "planned_for": _iso(a.planned_for),
                                "done": a.done,
                            }
                            for a in g.activities.all()
                        ],
                    }
                    for g in p.goals.all()
                ],
                "evidence": [
                    {
                        "kind": ev.kind,
                        "title": ev.title,
                        "text": ev.text,
                        "file_name": ev.original_name,
                        "content_type": ev.content_type,
                        "size": ev.size,
                        "created_at": _iso(ev.created_at),
                    }
                    for ev in p.evidence.all()
                ],
            }
            for p in plans
        ],
        "review_conversations": [
            {
                "organisation": r.plan.organisation.name,
                "kind": r.kind,
                "held_on": _iso(r.held_on),
                "plan_owner": r.plan.owner.name,
                "reviewer": r.reviewer.name if r.reviewer_id else None,
                "notes": r.notes,
                "owner_confirmed_at": _iso(r.owner_confirmed_at),
                "reviewer_confirmed_at": _iso(r.reviewer_confirmed_at),
            }
            for r in reviews
        ],
        "pd_participations": [
            {
                "organisation": p.activity.organisation.name,
                "activity": p.activity.title,
                "starts_on": _iso(p.activity.starts_on),
                "status": p.status,
                "hours": str(p.hours),
                "cost_share": str(p.cost_share),
                "writeup": p.writeup,
                "writeup_shared": p.writeup_shared,
                "applied": p.applied,
                "applied_note": p.applied_note,
            }
            for p in participations
        ],
        "feedback_requests": _own_feedback(user),
        "feedback_answers_given": [
            {
                "organisation": a.request.organisation.name,
                "requester": a.request.requester.name,
                "question": a.request.question,
                "text": a.text,
            }
            for a in given
        ],
    }
