"""A VisitShare counts only while it is live: the person it was shared with and the observed
person both still work in the visit's organisation. When either leaves, the share pauses —
no page, list, home page, calendar feed or export reads on — and nothing is deleted: when
the person comes back the share applies again. The observed sees which shares are paused
and why. Every test first makes the share that could leak and shows it works."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from lerend.collaboration import ical, selectors, services
from lerend.collaboration.models import VisitShare
from lerend.organisations.models import Membership, Role
from tests.factories import MembershipFactory, member

from .conftest import SECRET_FOCUS, SECRET_TOPS, access_of

pytestmark = pytest.mark.django_db


def _share(world, visit, person):
    return services.share_visit(actor=world.staff, visit=visit, person=person)


def _leave(person, org):
    """The person's memberships in ``org`` ended yesterday (how the beheerder ends them)."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Membership.objects.filter(person=person, organisation=org).update(end_date=yesterday)


def _return(person, org, **kwargs):
    MembershipFactory(person=person, organisation=org, start_date=timezone.localdate(), **kwargs)


def _visit_link(visit):
    return f"/bezoeken/{visit.pk}/"


def _reads(client, person, url, visit) -> bool:
    client.force_login(person)
    response = client.get(url("visit_detail", visit_id=visit.pk))
    assert response.status_code in (200, 404)
    return response.status_code == 200 and SECRET_TOPS in response.content.decode()


def _pages_without_detail(url):
    return [
        url("visit_list"),
        url("index"),
        reverse("web:org_home", args=["regenboog"]),
        reverse("learning:my_learning", args=["regenboog"]),
        reverse("accounts:export"),
    ]


def _feed_body(client, person, org):
    """The person's calendar feed (it lists meetings only; a visit must never appear)."""
    token = services.regenerate_feed(organisation=org, person=person)
    path = ical.feed_path(token)
    if path:
        return client.get(path).content.decode()
    from django.test import RequestFactory

    from lerend.collaboration.public_views import meetings_feed

    return meetings_feed(RequestFactory().get("/"), token=token).content.decode()


# --- the recipient leaves ---------------------------------------------------------------------


def test_share_recipient_left_gives_404_and_no_list_shows_it(client, world, visit, url):
    recipient = world.coach
    access = access_of(recipient, world.org)
    _share(world, visit, recipient)
    assert _reads(client, recipient, url, visit)
    assert list(selectors.visits_visible_to(access, recipient)) == [visit]

    _leave(recipient, world.org)

    assert not _reads(client, recipient, url, visit)
    # Even with the access of a request that began before the membership ended.
    assert list(selectors.visits_visible_to(access, recipient)) == []
    for page in _pages_without_detail(url):
        body = client.get(page).content.decode()
        assert _visit_link(visit) not in body, page
        assert SECRET_TOPS not in body, page
        assert SECRET_FOCUS not in body, page
    assert SECRET_TOPS not in json.dumps(client.get(reverse("accounts:export")).json())
    assert VisitShare.objects.filter(visit=visit, person=recipient).exists()


def test_share_recipient_deactivated_pauses_the_share(world, visit):
    recipient = world.coach
    access = access_of(recipient, world.org)
    _share(world, visit, recipient)
    assert list(selectors.visits_visible_to(access, recipient)) == [visit]

    recipient.is_active = False
    recipient.save(update_fields=["is_active"])

    assert list(selectors.visits_visible_to(access, recipient)) == []
    assert VisitShare.objects.filter(visit=visit, person=recipient).exists()


def test_share_recipient_in_other_organisation_only_does_not_read(world, visit):
    """A membership elsewhere does not keep a share here live."""
    recipient = world.coach
    access = access_of(recipient, world.org)
    _share(world, visit, recipient)
    MembershipFactory(person=recipient, organisation=world.other_org)

    _leave(recipient, world.org)

    assert list(selectors.visits_visible_to(access, recipient)) == []


def test_share_recipient_returns_and_reads_again(client, world, visit, url):
    recipient = world.coach
    _share(world, visit, recipient)
    _leave(recipient, world.org)
    assert not _reads(client, recipient, url, visit)

    _return(recipient, world.org, role=Role.COACH)

    assert _reads(client, recipient, url, visit)
    assert _visit_link(visit) in client.get(url("visit_list")).content.decode()


# --- the observed person leaves ---------------------------------------------------------------


def test_share_observed_left_gives_404_and_no_list_shows_it(client, world, visit, url):
    recipient = world.coach
    _share(world, visit, recipient)
    assert _reads(client, recipient, url, visit)
    assert _visit_link(visit) in client.get(url("visit_list")).content.decode()

    _leave(world.staff, world.org)

    assert not _reads(client, recipient, url, visit)
    for page in _pages_without_detail(url):
        response = client.get(page)
        assert response.status_code == 200, page
        body = response.content.decode()
        assert _visit_link(visit) not in body, page
        assert SECRET_TOPS not in body, page
        assert SECRET_FOCUS not in body, page
    feed = _feed_body(client, recipient, world.org)
    assert "BEGIN:VCALENDAR" in feed
    assert "VEVENT" not in feed
    assert list(selectors.visits_visible_to(access_of(recipient, world.org), recipient)) == []
    assert VisitShare.objects.filter(visit=visit, person=recipient).exists()


def test_share_observed_left_observers_keep_reading(client, world, visit, observer, url):
    """The pause is about shares; the observers are parties to the visit."""
    _share(world, visit, world.coach)
    _leave(world.staff, world.org)
    assert _reads(client, observer, url, visit)


def test_share_observed_returns_and_share_applies_again(client, world, visit, url):
    recipient = world.coach
    _share(world, visit, recipient)
    _leave(world.staff, world.org)
    assert not _reads(client, recipient, url, visit)

    _return(world.staff, world.org)

    assert _reads(client, recipient, url, visit)


# --- the observed sees what is paused ---------------------------------------------------------


def test_share_paused_is_labelled_for_the_observed(client, world, visit, teammate, url):
    _share(world, visit, world.coach)
    _share(world, visit, teammate)
    _leave(world.coach, world.org)

    client.force_login(world.staff)
    response = client.get(url("visit_detail", visit_id=visit.pk))
    assert response.status_code == 200
    body = response.content.decode()
    coach = world.coach.name
    assert body.count("gepauzeerd") == 1
    assert (
        f"{coach} werkt niet meer bij deze organisatie en kan dit bezoek daarom niet lezen. "
        f"Komt {coach} terug, dan geldt het delen weer."
    ) in body
    # The paused share can still be taken back: revoking stays the observed person's act.
    share = VisitShare.objects.get(person=world.coach)
    assert f"/bezoek-delen/{share.pk}/intrekken/" in body
    assert client.post(url("visit_share_revoke", visit_share_id=share.pk)).status_code == 302
    assert list(VisitShare.objects.values_list("person_id", flat=True)) == [teammate.pk]


def test_shares_of_says_who_left(world, visit, teammate):
    _share(world, visit, world.coach)
    _share(world, visit, teammate)
    _leave(world.coach, world.org)
    rows = [
        (s.person_id, s.live, s.recipient_here, s.observed_here) for s in selectors.shares_of(visit)
    ]
    assert rows == [(world.coach.pk, False, False, True), (teammate.pk, True, True, True)]

    _leave(world.staff, world.org)
    rows = [(s.person_id, s.live, s.observed_here) for s in selectors.shares_of(visit)]
    assert rows == [(world.coach.pk, False, False), (teammate.pk, False, False)]


# --- who a share can be made to ----------------------------------------------------------------


def test_share_to_former_colleague_is_refused_with_form_error(client, world, visit, url):
    former = member(world.org)
    _leave(former, world.org)
    client.force_login(world.staff)
    response = client.post(url("visit_share", visit_id=visit.pk), {"person": former.pk})
    assert response.status_code == 200
    assert (
        "Kies een collega die nu bij deze organisatie werkt en nog niet bij dit bezoek "
        "betrokken is."
    ) in response.content.decode()
    assert VisitShare.objects.count() == 0


@pytest.mark.parametrize("who", ["observer", "observed", "outsider"])
def test_share_to_party_or_outsider_is_refused_with_form_error(
    client, world, visit, observer, url, who
):
    person = {"observer": observer, "observed": world.staff, "outsider": world.outsider}[who]
    client.force_login(world.staff)
    response = client.post(url("visit_share", visit_id=visit.pk), {"person": person.pk})
    assert response.status_code == 200
    assert "nog niet bij dit bezoek betrokken is" in response.content.decode()
    assert VisitShare.objects.count() == 0


def test_share_form_offers_only_colleagues_outside_the_visit(world, visit, observer, teammate):
    former = member(world.org)
    _leave(former, world.org)
    targets = set(
        selectors.share_target_people(access_of(world.staff, world.org), world.staff, visit)
    )
    assert teammate in targets
    assert world.coach in targets
    assert {world.staff, observer, former, world.outsider} & targets == set()


def test_share_service_refuses_each_case_with_its_reason(world, visit, observer):
    former = member(world.org, person__name="Oud Collega")
    _leave(former, world.org)
    cases = [
        (world.staff, "This visit is yours: you always see it."),
        (observer, f"{observer.name} observes this visit and already sees it."),
        (former, "Oud Collega does not work in this organisation now"),
        (world.outsider, f"{world.outsider.name} does not work in this organisation now"),
    ]
    for person, reason in cases:
        with override("en"), pytest.raises(ValidationError) as caught:
            _share(world, visit, person)
        assert reason in caught.value.message_dict["person"][0]
    assert VisitShare.objects.count() == 0


def test_share_service_in_dutch(world, visit):
    former = member(world.org, person__name="Oud Collega")
    _leave(former, world.org)
    with override("nl"), pytest.raises(ValidationError) as caught:
        _share(world, visit, former)
    assert caught.value.message_dict["person"] == [
        "Oud Collega werkt nu niet bij deze organisatie. "
        "Je kunt dit bezoek daarom niet met deze persoon delen."
    ]


# --- personas on the touched views ------------------------------------------------------------


def test_visit_share_personas(client, world, visit, observer, teammate, url):
    share_url = url("visit_share", visit_id=visit.pk)
    _share(world, visit, world.coach)
    # The observed: 302 on a valid share.
    client.force_login(world.staff)
    assert client.post(share_url, {"person": teammate.pk}).status_code == 302
    # The reader it was shared with and an observer: 403 (they read, they do not share).
    for person in (world.coach, observer):
        client.force_login(person)
        assert client.post(share_url, {"person": world.board.pk}).status_code == 403
    # Others, whatever their role, and outsiders: 404.
    for person in (world.teamleader, world.admin, world.outsider):
        client.force_login(person)
        assert client.post(share_url, {"person": world.board.pk}).status_code == 404
    assert set(VisitShare.objects.values_list("person_id", flat=True)) == {
        world.coach.pk,
        teammate.pk,
    }


def test_visit_detail_personas_with_paused_share(client, world, visit, observer, url):
    _share(world, visit, world.coach)
    _leave(world.staff, world.org)
    detail = url("visit_detail", visit_id=visit.pk)
    client.force_login(observer)
    assert client.get(detail).status_code == 200
    client.force_login(world.coach)
    assert client.get(detail).status_code == 404
    client.force_login(world.outsider)
    assert client.get(detail).status_code == 404


# --- query counts -----------------------------------------------------------------------------


def _visit_links(response):
    return set(re.findall(r"/bezoeken/(\d+)/", response.content.decode()))


def _shared_visits(world, observer, n):
    for day in range(n):
        visit = services.plan_visit(
            organisation=world.org,
            actor=observer,
            observed=world.staff,
            observers=[observer],
            kind="lesbezoek",
            date=datetime.date(2026, 2, 1 + day),
        )
        _share(world, visit, world.coach)


def test_visit_list_queries_same_for_one_and_three_shared(
    client, world, observer, url, django_assert_num_queries
):
    client.force_login(world.coach)
    _shared_visits(world, observer, 1)
    with django_assert_num_queries(8) as ctx:
        response = client.get(url("visit_list"))
    assert len(_visit_links(response)) == 1
    _shared_visits(world, observer, 2)
    with django_assert_num_queries(len(ctx.captured_queries)):
        response = client.get(url("visit_list"))
    assert len(_visit_links(response)) == 3


def test_visits_visible_to_is_one_query_for_one_and_three(
    world, observer, django_assert_num_queries
):
    access = access_of(world.coach, world.org)
    _shared_visits(world, observer, 1)
    with django_assert_num_queries(2):  # the visits, then their observers (prefetch)
        assert len(list(selectors.visits_visible_to(access, world.coach))) == 1
    _shared_visits(world, observer, 2)
    with django_assert_num_queries(2):
        assert len(list(selectors.visits_visible_to(access, world.coach))) == 3


def test_shares_of_is_one_query_for_one_and_three(world, visit, django_assert_num_queries):
    people = [member(world.org) for _ in range(3)]
    _share(world, visit, people[0])
    with django_assert_num_queries(1):
        assert [s.live for s in selectors.shares_of(visit)] == [True]
    for person in people[1:]:
        _share(world, visit, person)
    _leave(people[2], world.org)
    with django_assert_num_queries(1):
        assert [s.live for s in selectors.shares_of(visit)] == [True, True, False]


def test_own_data_lists_whom_the_observed_shared_a_visit_with(world):
    from lerend.collaboration.selectors import own_collaboration_data
    from tests.collaboration.records import make_records

    make_records(world.org, world.staff, world.coach, shared_with=world.teamleader)
    observed = own_collaboration_data(world.staff)["visits"]
    observer = own_collaboration_data(world.coach)["visits"]
    assert [v["shared_with"] for v in observed] == [[world.teamleader.name]]
    assert [v["shared_with"] for v in observer] == [[]]
