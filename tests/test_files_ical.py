"""Both calendar feeds read back with a second, independent parser (vobject; the feeds are
written with icalendar): the calendar's name, UIDs in the site's domain, the Amsterdam
VTIMEZONE, a weekly series with a fixed first session, and text with a carriage return that
cannot break a line. Also: an old feed link keeps working after the migration that hashes
the stored tokens."""

import datetime
import importlib

import pytest
import vobject
from django.apps import apps
from django.test import override_settings

from lerend.collaboration import services as collaboration_services
from lerend.collaboration.models import CalendarFeed, GroupMeeting, LearningGroup
from lerend.improvement import services as improvement_services
from lerend.improvement.models import TeamBoard
from lerend.kit import ical
from lerend.kit.tokens import hash_token

pytestmark = pytest.mark.django_db

SITE = "https://lerend.example.nl"


def _parse(body: str):
    assert "\r\n" in body and "\n" not in body.replace("\r\n", "")
    return vobject.readOne(body)


def test_kit_feed_escapes_a_bare_carriage_return_and_names_the_calendar():
    event = ical.CalendarEvent(
        uid="x-1",
        starts=datetime.datetime(2026, 12, 7, 8, 15),
        minutes=15,
        summary="Bord\rDINSTAG;extra, nog iets",
        place="Kamer\r\n2",
    )
    with override_settings(SITE_URL=SITE + "/"):
        body = ical.feed("-//Lerend//Test//NL", [event], name="Bordsessie\rGroep Rups")
    # No content line starts with text that came after the carriage return.
    assert not any(line.startswith("DINSTAG") for line in body.split("\r\n"))
    calendar = _parse(body)
    assert calendar.contents["x-wr-calname"][0].value == "Bordsessie Groep Rups"
    (parsed,) = calendar.vevent_list
    assert parsed.summary.value == "Bord\nDINSTAG;extra, nog iets"
    assert parsed.location.value == "Kamer\n2"
    assert parsed.uid.value == "x-1@lerend.example.nl"
    assert parsed.dtstart.value.tzinfo.utcoffset(parsed.dtstart.value) == datetime.timedelta(
        hours=1
    )


@override_settings(SITE_URL=SITE)
def test_board_feed_has_a_fixed_series_start_across_days(client, world):
    improvement_services.update_schedule(
        team=world.team,
        actor=world.teamleader,
        weekday=1,
        starts_at=datetime.time(8, 15),
        duration_minutes=15,
        place="Teamkamer",
    )
    token = improvement_services.regenerate_feed_token(team=world.team, actor=world.teamleader)
    board = TeamBoard.objects.get(team=world.team)
    first = board.series_starts_on
    assert first.weekday() == 1 and 0 <= (first - datetime.date.today()).days < 7
    body = client.get(f"/bordkalender/{token}.ics").content.decode()
    calendar = _parse(body)
    assert calendar.contents["x-wr-calname"][0].value == "Bordsessie Groep Rups"
    assert calendar.vtimezone.tzid.value == "Europe/Amsterdam"
    (event,) = calendar.vevent_list
    assert event.uid.value == f"board-{world.team.pk}@lerend.example.nl"
    assert event.dtstart.value.date() == first
    assert event.dtstart.value.time() == datetime.time(8, 15)
    assert event.rrule.value == "FREQ=WEEKLY;BYDAY=TU"
    # The series keeps its start when other details change; a new weekday moves it.
    improvement_services.update_schedule(team=world.team, actor=world.teamleader, place="Speelzaal")
    assert TeamBoard.objects.get(team=world.team).series_starts_on == first
    improvement_services.update_schedule(team=world.team, actor=world.teamleader, weekday=3)
    assert TeamBoard.objects.get(team=world.team).series_starts_on.weekday() == 3


@override_settings(SITE_URL=SITE)
def test_group_feed_reads_back_with_a_second_parser(client, world):
    group = LearningGroup.objects.create(organisation=world.org, name="Intervisie\rRups")
    group.members.add(world.staff)
    meeting = GroupMeeting.objects.create(
        group=group,
        date=datetime.date(2026, 7, 2),
        starts_at=datetime.time(15, 30),
        duration_minutes=90,
        place="Teamkamer",
    )
    token = collaboration_services.regenerate_feed(organisation=world.org, person=world.staff)
    body = client.get(f"/samenkalender/{token}.ics").content.decode()
    calendar = _parse(body)
    assert calendar.contents["x-wr-calname"][0].value == ("Leergroepen · Kinderopvang De Regenboog")
    (event,) = calendar.vevent_list
    assert event.uid.value == f"group-meeting-{meeting.pk}@lerend.example.nl"
    assert event.summary.value == "Intervisie\nRups"
    assert event.dtstart.value == datetime.datetime(
        2026, 7, 2, 15, 30, tzinfo=event.dtstart.value.tzinfo
    )
    assert event.dtstart.value.utcoffset() == datetime.timedelta(hours=2)
    assert event.duration.value == datetime.timedelta(minutes=90)


def test_migrations_hash_existing_feed_tokens_and_old_links_keep_working(client, world):
    """Before the migration the clear token was stored; the migration stores its sha256
    in its place, so the link in someone's calendar app still opens the same feed."""
    board = improvement_services.board_for(world.team)
    TeamBoard.objects.filter(pk=board.pk).update(feed_token_hash="oud-bordtoken")
    CalendarFeed.objects.create(
        organisation=world.org, person=world.staff, token_hash="oud-groepstoken"
    )
    importlib.import_module(
        "lerend.improvement.migrations.0003_board_feed_token_hash_series_start"
    ).hash_tokens(apps, None)
    importlib.import_module(
        "lerend.collaboration.migrations.0002_calendarfeed_token_hash"
    ).hash_tokens(apps, None)
    assert TeamBoard.objects.get(pk=board.pk).feed_token_hash == hash_token("oud-bordtoken")
    assert CalendarFeed.objects.get().token_hash == hash_token("oud-groepstoken")
    assert TeamBoard.objects.get(pk=board.pk).series_starts_on is not None
    assert client.get("/bordkalender/oud-bordtoken.ics").status_code == 200
    assert client.get("/samenkalender/oud-groepstoken.ics").status_code == 200
