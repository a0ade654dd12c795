"""The weekly board session as an iCalendar feed (RFC 5545): one event with a weekly
recurrence is all a calendar app needs. It reveals the team's name, day, time and
place — nothing of the board itself."""

import datetime

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from lerend.kit import ical
from lerend.kit.ical import CalendarEvent


def feed_path(token: str) -> str | None:
    """The feed's path, or None while the public URLs are not mounted."""
    try:
        return reverse("improvement_public:board_feed", args=[token])
    except NoReverseMatch:
        return None


def first_date(weekday: int, today: datetime.date) -> datetime.date:
    """The first day on or after ``today`` that falls on ``weekday`` (0 = Monday)."""
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7)


def board_calendar(board, *, summary: str, today=None) -> str:
    """One weekly event from the board's fixed first session (``series_starts_on``, set when
    the schedule is); a board without one starts its series on the next session day."""
    first = board.series_starts_on or first_date(board.weekday, today or timezone.localdate())
    start = datetime.datetime.combine(first, board.starts_at)
    event = CalendarEvent(
        uid=f"board-{board.team_id}",
        starts=start,
        minutes=board.duration_minutes,
        summary=summary,
        place=board.place,
        weekly=True,
    )
    return ical.feed("-//Lerend//Bordsessie//NL", [event], name=summary)
