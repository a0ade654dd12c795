import datetime
import re

import pytest

from lerend.improvement import ical, services
from lerend.improvement.models import TeamBoard
from lerend.kit.tokens import hash_token
from lerend.organisations.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_ical_first_date_is_next_matching_weekday():
    tuesday = datetime.date(2026, 11, 24)
    assert ical.first_date(0, tuesday) == datetime.date(2026, 11, 30)
    assert ical.first_date(1, tuesday) == tuesday


def test_feed_needs_a_valid_token_and_reveals_only_time_and_place(client, world, public_urls):
    services.update_schedule(
        team=world.team,
        actor=world.teamleader,
        weekday=2,
        starts_at=datetime.time(8, 30),
        duration_minutes=15,
        place="Teamkamer",
    )
    token = services.regenerate_feed_token(team=world.team, actor=world.teamleader)
    assert client.get("/bordkalender/verkeerd.ics").status_code == 404
    response = client.get(f"/bordkalender/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert "RRULE:FREQ=WEEKLY;BYDAY=WE\r\n" in body
    assert "DURATION:PT15M\r\n" in body
    assert "SUMMARY:Bordsessie Groep Rups\r\n" in body
    assert "LOCATION:Teamkamer\r\n" in body
    assert "T083000\r\n" in body
    assert body.count("BEGIN:VEVENT") == 1
    assert world.org.name not in body


def test_regenerated_token_switches_old_link_off(client, world, public_urls, url):
    old = services.regenerate_feed_token(team=world.team, actor=world.teamleader)
    client.force_login(world.teamleader)
    response = client.post(url("improvement:regenerate_feed", team_id=world.team.pk))
    assert response.status_code == 302
    page = client.get(url("improvement:schedule", team_id=world.team.pk)).content.decode()
    (new,) = re.findall(r"/bordkalender/([^/\"]+)\.ics", page)
    assert new != old
    # Only the sha256 is kept, and the link is shown once.
    assert TeamBoard.objects.get(team=world.team).feed_token_hash == hash_token(new)
    assert client.get(f"/bordkalender/{old}.ics").status_code == 404
    assert client.get(f"/bordkalender/{new}.ics").status_code == 200
    assert AuditEntry.objects.filter(action="board.feed_token").count() == 2
    again = client.get(url("improvement:schedule", team_id=world.team.pk)).content.decode()
    assert new not in again and "alleen een vingerafdruk" in again


def test_staff_cannot_regenerate_the_link(client, world, url):
    client.force_login(world.staff)
    assert client.post(url("improvement:regenerate_feed", team_id=world.team.pk)).status_code == 403
    assert not TeamBoard.objects.filter(feed_token_hash__isnull=False).exists()
