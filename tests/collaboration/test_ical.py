"""The calendar feed: a secret per person; date, time, place and group name — never notes,
agenda, method or case-bringer."""

import datetime
import re

import pytest
from icalendar import Calendar

from lerend.collaboration import ical, services
from lerend.collaboration.models import CalendarFeed
from lerend.kit.tokens import hash_token
from lerend.organisations.models import Membership

from .conftest import SECRET_NOTES

pytestmark = pytest.mark.django_db

FEED = "/samenkalender/{}.ics"


@pytest.fixture
def feed(world, group):
    return services.regenerate_feed(organisation=world.org, person=world.staff)


def _body(client, token):
    # The public URLs may not be mounted at the root yet; call the view directly then.
    path = ical.feed_path(token)
    if path:
        return client.get(path)
    from django.test import RequestFactory

    from lerend.collaboration.public_views import meetings_feed

    return meetings_feed(RequestFactory().get(FEED.format(token)), token=token)


def test_ical_feed_shows_date_time_place_and_group_only(client, feed):
    response = _body(client, feed)
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "DTSTART;TZID=Europe/Amsterdam:20260402T153000" in body
    # Read back with a real parser, as a calendar app would.
    (event,) = Calendar.from_ical(body).walk("VEVENT")
    assert event.decoded("duration") == datetime.timedelta(minutes=90)
    assert str(event["summary"]) == "Intervisie Rups"
    assert str(event["location"]) == "Teamkamer"
    assert event.decoded("dtstart").utcoffset() == datetime.timedelta(hours=2)
    for secret in (SECRET_NOTES, "Casus over een ouder", "Oudergesprek", "Incident"):
        assert secret not in body


def test_ical_feed_unknown_or_old_token_gives_404(client, world, feed):
    from django.http import Http404

    old = feed
    services.regenerate_feed(organisation=world.org, person=world.staff)
    for token in (old, "geraden"):
        try:
            status = _body(client, token).status_code
        except Http404:
            status = 404
        assert status == 404


def test_ical_feed_stops_when_membership_ends(client, world, feed):
    from django.http import Http404

    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    Membership.objects.filter(person=world.staff).update(end_date=yesterday)
    try:
        status = _body(client, feed).status_code
    except Http404:
        status = 404
    assert status == 404


def test_ical_feed_link_is_made_on_the_index_page_and_shown_once(client, world, url):
    client.force_login(world.staff)
    assert client.post(url("feed_regenerate")).status_code == 302
    assert list(CalendarFeed.objects.values_list("person_id", flat=True)) == [world.staff.pk]
    page = client.get(url("index")).content.decode()
    (token,) = re.findall(r"/samenkalender/([^/\"]+)\.ics", page)
    # Only the sha256 is stored; the link works; the next visit cannot show it again.
    assert CalendarFeed.objects.get().token_hash == hash_token(token)
    assert token not in str(list(CalendarFeed.objects.values_list("token_hash", flat=True)))
    assert _body(client, token).status_code == 200
    again = client.get(url("index")).content.decode()
    assert token not in again
    assert "alleen een vingerafdruk" in again
