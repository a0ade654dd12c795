"""iCalendar feeds (RFC 5545) through the icalendar library: one place for the calendar
envelope, its name (``X-WR-CALNAME``), the Europe/Amsterdam time zone (a VTIMEZONE, so a
recurring 08:15 stays 08:15 across daylight saving), UIDs in the site's own domain
(``SITE_URL``), and text that cannot break a line: the library escapes commas,
semicolons and newlines and folds long lines; a lone carriage return, which it leaves as it
is, becomes a newline first."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from .site import site_domain

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@dataclass(frozen=True)
class CalendarEvent:
    uid: str  # unique within Lerend ("board-12"); the site's domain is added
    starts: datetime.datetime  # naive, Amsterdam wall-clock time
    minutes: int
    summary: str
    place: str = ""
    weekly: bool = False


def amsterdam() -> Timezone:
    """Europe/Amsterdam with the EU daylight-saving rules as two yearly RRULEs (the form
    calendar apps and parsers without RDATE support read; the library's own generated zone
    lists every change as RDATE, which e.g. dateutil ignores, putting summer at +01:00)."""
    zone = Timezone()
    zone.add("tzid", "Europe/Amsterdam")
    for part, name, start, offsets, month in (
        (TimezoneDaylight, "CEST", datetime.datetime(1970, 3, 29, 2), (1, 2), 3),
        (TimezoneStandard, "CET", datetime.datetime(1970, 10, 25, 3), (2, 1), 10),
    ):
        rule = part()
        rule.add("tzname", name)
        rule.add("dtstart", start)
        rule.add("tzoffsetfrom", datetime.timedelta(hours=offsets[0]))
        rule.add("tzoffsetto", datetime.timedelta(hours=offsets[1]))
        rule.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1SU"})
        zone.add_component(rule)
    return zone


def text(value: str) -> str:
    """``value`` with every line break as "\\n", which the library escapes; a bare CR
    would otherwise end the content line in some readers."""
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def uid(local: str) -> str:
    return f"{local}@{site_domain()}"


def feed(prodid: str, events: Iterable[CalendarEvent], *, name: str) -> str:
    """The whole feed as text with CRLF line ends; ``name`` is the calendar's name in the
    reader's calendar app."""
    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", " ".join(str(name).split()))  # one line, always
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    calendar.add_component(amsterdam())
    stamp = timezone.now().astimezone(datetime.UTC)
    for item in events:
        event = Event()
        event.add("uid", uid(item.uid))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.starts.replace(tzinfo=AMSTERDAM))
        event.add("duration", datetime.timedelta(minutes=item.minutes))
        if item.weekly:
            event.add("rrule", {"freq": "weekly", "byday": BYDAY[item.starts.weekday()]})
        event.add("summary", text(item.summary))
        if item.place:
            event.add("location", text(item.place))
        calendar.add_component(event)
    return calendar.to_ical().decode()
