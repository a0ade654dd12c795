"""iCalendar feeds (RFC 5545) through the icalendar library: one place for the calendar
envelope, the Europe/Amsterdam time zone (so a recurring 08:15 stays 08:15 across daylight
saving) and escaping and line folding, which the library does."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar, Event

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    starts: datetime.datetime  # naive, Amsterdam wall-clock time
    minutes: int
    summary: str
    place: str = ""
    weekly: bool = False


def feed(prodid: str, events: Iterable[CalendarEvent]) -> str:
    """The whole feed as text with CRLF line ends."""
    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    stamp = timezone.now().astimezone(datetime.UTC)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.starts.replace(tzinfo=AMSTERDAM))
        event.add("duration", datetime.timedelta(minutes=item.minutes))
        if item.weekly:
            event.add("rrule", {"freq": "weekly", "byday": BYDAY[item.starts.weekday()]})
        event.add("summary", item.summary)
        if item.place:
            event.add("location", item.place)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()
