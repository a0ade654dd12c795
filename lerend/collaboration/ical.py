"""The meetings of a person's learning groups as an iCalendar feed (RFC 5545).

It reveals date, time, place and the group's name — never the agenda, notes, method or who
brings a case: a calendar app syncs to servers we do not control."""

import datetime

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from lerend.improvement.ical import VTIMEZONE, _escape, _fold


def feed_path(token: str) -> str | None:
    """The feed's path, or None while the public URLs are not mounted."""
    try:
        return reverse("collaboration_public:meetings_feed", args=[token])
    except NoReverseMatch:
        return None


def meetings_calendar(meetings) -> str:
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Lerend//Samen leren//NL",
        "CALSCALE:GREGORIAN",
        *VTIMEZONE,
    ]
    for meeting in meetings:
        start = datetime.datetime.combine(meeting.date, meeting.starts_at)
        lines += [
            "BEGIN:VEVENT",
            f"UID:group-meeting-{meeting.pk}@lerend",
            f"DTSTAMP:{stamp}",
            f"DTSTART;TZID=Europe/Amsterdam:{start:%Y%m%dT%H%M%S}",
            f"DURATION:PT{meeting.duration_minutes}M",
            f"SUMMARY:{_escape(meeting.group.name)}",
        ]
        if meeting.place:
            lines.append(f"LOCATION:{_escape(meeting.place)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
