"""The weekly board session as an iCalendar feed (RFC 5545), written by hand: one VEVENT
with a weekly RRULE is all a calendar app needs. It reveals the team's name, day, time and
place — nothing of the board itself."""

import datetime

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

# Europe/Amsterdam with its EU daylight-saving rules, so that a recurring 08:15 stays 08:15.
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def feed_path(token: str) -> str | None:
    """The feed's path, or None while the public URLs are not mounted."""
    try:
        return reverse("improvement_public:board_feed", args=[token])
    except NoReverseMatch:
        return None


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    out, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > 75:
            out.append(current.decode())
            current = b" "
        current += encoded
    out.append(current.decode())
    return "\r\n".join(out)


def first_date(weekday: int, today: datetime.date) -> datetime.date:
    """The first day on or after ``today`` that falls on ``weekday`` (0 = Monday)."""
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7)


def board_calendar(board, *, summary: str, today=None) -> str:
    today = today or timezone.localdate()
    start = datetime.datetime.combine(first_date(board.weekday, today), board.starts_at)
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Lerend//Bordsessie//NL",
        "CALSCALE:GREGORIAN",
        *VTIMEZONE,
        "BEGIN:VEVENT",
        f"UID:board-{board.team_id}@lerend",
        f"DTSTAMP:{stamp}",
        f"DTSTART;TZID=Europe/Amsterdam:{start:%Y%m%dT%H%M%S}",
        f"DURATION:PT{board.duration_minutes}M",
        f"RRULE:FREQ=WEEKLY;BYDAY={BYDAY[board.weekday]}",
        f"SUMMARY:{_escape(summary)}",
    ]
    if board.place:
        lines.append(f"LOCATION:{_escape(board.place)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
