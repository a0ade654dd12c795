"""A visit belongs to the observed person: only the observed and the observers see it;
nobody reaches it by role — not through a page, a list, the home page, the audit log or a
calendar feed. Every test creates the visit first, so there is something that could leak."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import override

from lerend.collaboration import services
from lerend.collaboration.models import Visit, VisitShare

from .conftest import SECRET_FOCUS, SECRET_TOPS

pytestmark = pytest.mark.django_db

NOT_PARTIES = ["teamleader", "manager", "board", "admin", "coach", "teammate", "outsider"]
VISIT_PAGES = ["visit_detail", "visit_edit", "visit_observe", "visit_feedback"]
VISIT_POSTS = ["visit_share", "visit_delete", "visit_edit", "visit_feedback", "visit_observe"]


def _persona(world, request, name):
    return request.getfixturevalue(name) if name == "teammate" else getattr(world, name)


def test_visit_detail_observed_and_observer_get_200(client, world, visit, observer, url):
    for person in (world.staff, observer):
        client.force_login(person)
        response = client.get(url("visit_detail", visit_id=visit.pk))
        assert response.status_code == 200
        assert SECRET_FOCUS in response.content.decode()
        assert SECRET_TOPS in response.content.decode()


@pytest.mark.parametrize("persona", NOT_PARTIES)
def test_visit_pages_give_404_to_everyone_else(client, world, visit, url, request, persona):
    client.force_login(_persona(world, request, persona))
    for name in VISIT_PAGES:
        assert client.get(url(name, visit_id=visit.pk)).status_code == 404, name
    for name in VISIT_POSTS:
        assert client.post(url(name, visit_id=visit.pk), {}).status_code == 404, name
    assert Visit.objects.filter(pk=visit.pk).exists()


@pytest.mark.parametrize("persona", NOT_PARTIES[:-1])
def test_visit_text_appears_on_no_list_page_of_others(client, world, visit, url, request, persona):
    client.force_login(_persona(world, request, persona))
    pages = [
        url("index"),
        url("visit_list"),
        url("methods"),
        reverse("web:org_home", args=["regenboog"]),
        reverse("organisations:audit_log", args=["regenboog"]),
        reverse("learning:my_learning", args=["regenboog"]),
    ]
    for page in pages:
        response = client.get(page)
        body = response.content.decode()
        assert SECRET_FOCUS not in body, page
        assert SECRET_TOPS not in body, page
        assert f"/bezoeken/{visit.pk}/" not in body, page


def test_visit_list_shows_the_visit_to_observed_and_observer(client, world, visit, observer, url):
    for person in (world.staff, observer):
        client.force_login(person)
        assert f"/bezoeken/{visit.pk}/" in client.get(url("visit_list")).content.decode()


def test_visit_share_by_observed_opens_it_and_revoke_closes_it(client, world, visit, url):
    client.force_login(world.staff)
    response = client.post(url("visit_share", visit_id=visit.pk), {"person": world.coach.pk})
    assert response.status_code == 302
    share = VisitShare.objects.get()
    assert (share.visit_id, share.person_id) == (visit.pk, world.coach.pk)

    client.force_login(world.coach)
    response = client.get(url("visit_detail", visit_id=visit.pk))
    assert response.status_code == 200
    assert SECRET_TOPS in response.content.decode()
    assert f"/bezoeken/{visit.pk}/" in client.get(url("visit_list")).content.decode()
    # Read-only: the coach may not change it.
    assert client.get(url("visit_edit", visit_id=visit.pk)).status_code == 403
    assert client.post(url("visit_feedback", visit_id=visit.pk), {}).status_code == 403
    assert client.post(url("visit_share", visit_id=visit.pk), {}).status_code == 403
    assert client.post(url("visit_share_revoke", visit_share_id=share.pk)).status_code == 404

    # The teamleader still gets nothing: a share is for one person.
    client.force_login(world.teamleader)
    assert client.get(url("visit_detail", visit_id=visit.pk)).status_code == 404

    client.force_login(world.staff)
    response = client.post(url("visit_share_revoke", visit_share_id=share.pk))
    assert response.status_code == 302
    client.force_login(world.coach)
    assert client.get(url("visit_detail", visit_id=visit.pk)).status_code == 404
    assert f"/bezoeken/{visit.pk}/" not in client.get(url("visit_list")).content.decode()


def test_visit_observer_cannot_share_onward(client, world, visit, observer, url):
    client.force_login(observer)
    response = client.post(url("visit_share", visit_id=visit.pk), {"person": world.coach.pk})
    assert response.status_code == 403
    assert VisitShare.objects.count() == 0
    with override("en"), pytest.raises(ValidationError, match="Only the observed person"):
        services.share_visit(actor=observer, visit=visit, person=world.coach)


def test_visit_share_revoke_by_observer_gives_404(client, world, visit, observer, url):
    share = services.share_visit(actor=world.staff, visit=visit, person=world.coach)
    client.force_login(observer)
    assert client.post(url("visit_share_revoke", visit_share_id=share.pk)).status_code == 404
    assert VisitShare.objects.count() == 1


def test_visit_cannot_be_planned_behind_someones_back(world, observer):
    """A leader cannot plan a visit in which they are neither observed nor observer."""
    with (
        override("en"),
        pytest.raises(ValidationError, match="observed person or as one of the observers"),
    ):
        services.plan_visit(
            organisation=world.org,
            actor=world.teamleader,
            observed=world.staff,
            observers=[observer],
            kind="lesbezoek",
            date="2026-03-01",
        )


def test_visit_is_always_formative(world, visit):
    assert visit.formative is True
    assert Visit._meta.get_field("formative").editable is False


def test_visit_delete_only_by_observed(client, world, visit, observer, url):
    client.force_login(observer)
    assert client.post(url("visit_delete", visit_id=visit.pk)).status_code == 403
    client.force_login(world.staff)
    assert client.post(url("visit_delete", visit_id=visit.pk)).status_code == 302
    assert Visit.objects.count() == 0


def test_visit_of_other_organisation_gives_404_to_its_own_people(client, world, url):
    """Even a party to a visit in another organisation cannot open it through this one."""
    from tests.factories import member

    a, b = member(world.other_org), member(world.other_org)
    other = services.plan_visit(
        organisation=world.other_org,
        actor=b,
        observed=a,
        observers=[b],
        kind="lesbezoek",
        date="2026-03-01",
    )
    client.force_login(world.staff)
    assert client.get(url("visit_detail", visit_id=other.pk)).status_code == 404
