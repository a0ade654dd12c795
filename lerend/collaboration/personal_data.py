"""Erasure of a person's collaboration records in one organisation (see contrib.py); their
download is ``selectors.own_collaboration_data``.

Visits of the person (they are the observed person, who owns the record) go with their
observations and shares. In visits of others they observed, in learning groups, meetings
and lesson designs they only lose the person's name: those records are the group's or the
observed colleague's."""

from django.db import transaction

from lerend.kit.contrib import deleted

from .models import (
    CalendarFeed,
    GroupMeeting,
    GroupMembership,
    LessonDesign,
    Visit,
    VisitShare,
)


@transaction.atomic
def erase(person, organisation) -> dict[str, int]:
    """Side effects: deletes the person's visits, shares with them, group memberships and
    calendar feed in ``organisation``; unlinks them from others' visits, meetings and
    lesson designs there."""
    org = {"organisation": organisation}
    counts = {
        "visits": deleted(Visit.objects.filter(observed=person, **org)),
        "visit_shares": deleted(
            VisitShare.objects.filter(person=person, visit__organisation=organisation)
        ),
        "group_memberships": deleted(
            GroupMembership.objects.filter(person=person, group__organisation=organisation)
        ),
        "calendar_feeds": deleted(CalendarFeed.objects.filter(person=person, **org)),
    }
    meetings = GroupMeeting.objects.filter(group__organisation=organisation)
    unnamed = (
        meetings.filter(facilitator=person).update(facilitator=None)
        + meetings.filter(case_bringer=person).update(case_bringer=None)
        + LessonDesign.objects.filter(created_by=person, **org).update(created_by=None)
        + Visit.objects.filter(created_by=person, **org).update(created_by=None)
    )
    for visit in Visit.objects.filter(observers=person, **org):
        visit.observers.remove(person)
        unnamed += 1
    for design in LessonDesign.objects.filter(participants=person, **org):
        design.participants.remove(person)
        unnamed += 1
    counts["unnamed"] = unnamed
    return counts
