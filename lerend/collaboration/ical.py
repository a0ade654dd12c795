"""The meetings of a person's learning groups as an iCalendar feed (RFC 5545).

It reveals date, time, place and the group's name — never the agenda, notes, method or who
brings a case: a calendar app syncs to servers we do not control."""

import datetime

from django.urls import NoReverseMatch, reverse

from lerend.kit import ical
from lerend.kit.ical import CalendarEvent


def feed_path(token: str) -> str | None:
    """The feed's path, or None while the public URLs are not mounted."""
    try:
        return reverse("collaboration_public:meetings_feed", args=[token])
    except NoReverseMatch:
        return None


def meetings_calendar(meetings, *, name: str) -> str:
    events = [
        CalendarEvent(
            uid=f"group-meeting-{meeting.pk}",
            starts=datetime.datetime.combine(meeting.date, meeting.starts_at),
            minutes=meeting.duration_minutes,
            summary=meeting.group.name,
            place=meeting.place,
        )
        for meeting in meetings
    ]
    return ical.feed("-//Lerend//Samen leren//NL", events, name=name)
