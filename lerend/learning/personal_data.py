"""Erasure of a person's learning records in one organisation (see contrib.py); their
download is ``selectors.own_learning_data``.

Journal, POP (with evidence files), shares, reminders, PD participations and budgets, and
feedback they asked for or were asked for are the person's own and go. Feedback they gave
someone else stays with its receiver without their name; PD activities and team reflections
they set up stay for the team without their name; a review conversation they held about
someone else's POP stays in that person's POP."""

from django.db import transaction
from django.db.models import Q

from lerend.kit.contrib import deleted

from .models import (
    DevelopmentPlan,
    Evidence,
    FeedbackAnswer,
    FeedbackInvite,
    FeedbackRequest,
    JournalEntry,
    JournalReminder,
    Participation,
    PdActivity,
    PdBudget,
    Share,
    TeamReflection,
)


@transaction.atomic
def erase(person, organisation) -> dict[str, int]:
    """Side effects: deletes the person's own learning records in ``organisation`` and the
    evidence files stored for them; unlinks them from what they made for others there."""
    org = {"organisation": organisation}
    files = [
        e.file
        for e in Evidence.objects.filter(plan__owner=person, plan__organisation=organisation)
        if e.file
    ]
    counts = {
        "shares": deleted(Share.objects.filter(Q(owner=person) | Q(person=person), **org)),
        "journal_entries": deleted(JournalEntry.objects.filter(owner=person, **org)),
        "development_plans": deleted(DevelopmentPlan.objects.filter(owner=person, **org)),
        "journal_reminders": deleted(JournalReminder.objects.filter(person=person, **org)),
        "feedback_requests": deleted(FeedbackRequest.objects.filter(requester=person, **org)),
        "feedback_invites": deleted(
            FeedbackInvite.objects.filter(person=person, request__organisation=organisation)
        ),
        "pd_participations": deleted(
            Participation.objects.filter(person=person, activity__organisation=organisation)
        ),
        "pd_budgets": deleted(PdBudget.objects.filter(person=person, **org)),
    }
    unnamed = (
        FeedbackAnswer.objects.filter(author=person, request__organisation=organisation).update(
            author=None
        )
        + Participation.objects.filter(
            registered_by=person, activity__organisation=organisation
        ).update(registered_by=None)
        + PdActivity.objects.filter(created_by=person, **org).update(created_by=None)
        + TeamReflection.objects.filter(created_by=person, **org).update(created_by=None)
    )
    for reflection in TeamReflection.objects.filter(participants=person, **org):
        reflection.participants.remove(person)
        unnamed += 1
    counts["unnamed"] = unnamed
    # The files go once their rows are gone for good (on_commit: a rollback keeps both).
    transaction.on_commit(lambda: [f.storage.delete(f.name) for f in files])
    return counts
