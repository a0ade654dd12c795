import json

import pytest
from django.urls import reverse

from lerend.organisations.models import Role
from tests.factories import MembershipFactory, UserFactory, member

from .conftest import enrol

pytestmark = pytest.mark.django_db

ACCOUNT_PAGES = [
    "accounts:profile",
    "accounts:export",
    "accounts:two_factor",
    "accounts:password_change",
]


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_account_pages_send_anonymous_visitors_to_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")


@pytest.mark.parametrize("persona", ["staff", "board", "admin", "outsider"])
def test_profile_opens_for_every_person(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_profile_lists_my_memberships_only(client, world):
    client.force_login(world.staff)
    body = client.get(reverse("accounts:profile")).content.decode()
    assert "Kinderopvang De Regenboog" in body
    assert "Groep Rups" in body
    # The outsider's organisation exists, with data that could leak; it must not show.
    assert "Stichting Elders" not in body


def test_profile_membership_list_query_count_is_flat(client, world, django_assert_num_queries):
    person = member(world.org, Role.COACH, location=world.location)
    client.force_login(person)
    client.get(reverse("accounts:profile"))
    # + the privacy card (an open erasure request?) and the reminder choices
    with django_assert_num_queries(7) as one:
        client.get(reverse("accounts:profile"))
    MembershipFactory(person=person, organisation=world.other_org, role=Role.MEDEWERKER)
    MembershipFactory(person=person, organisation=world.org, role=Role.TEAMLEIDER)
    with django_assert_num_queries(len(one.captured_queries)):
        body = client.get(reverse("accounts:profile")).content.decode()
    assert "Stichting Elders" in body


def test_profile_saves_name_and_language_and_next_page_is_english(client, world):
    client.force_login(world.staff)
    response = client.post(reverse("accounts:profile"), {"name": "Fatma Yilmaz", "language": "en"})
    assert response["Location"] == reverse("accounts:profile")
    world.staff.refresh_from_db()
    assert world.staff.name == "Fatma Yilmaz"
    assert world.staff.language == "en"
    assert response.cookies["lerend_language"].value == "en"
    page = client.get(reverse("accounts:profile")).content.decode()
    assert '<html lang="en">' in page
    assert "<h1>Profile</h1>" in page
    assert "Your profile has been saved." in page


def test_profile_rejects_unknown_language(client, world):
    client.force_login(world.staff)
    response = client.post(reverse("accounts:profile"), {"name": "X", "language": "fr"})
    assert response.status_code == 200
    world.staff.refresh_from_db()
    assert world.staff.language == "nl"


def test_saved_language_applies_at_next_login(client):
    user = UserFactory(language="en")
    client.post(
        reverse("accounts:login"), {"email": user.email, "password": "correct-horse-battery"}
    )
    page = client.get(reverse("accounts:profile")).content.decode()
    assert '<html lang="en">' in page


def test_footer_language_switch_works_for_anonymous_visitors(client):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("accounts:login")}
    )
    assert response["Location"] == reverse("accounts:login")
    page = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="en">' in page
    assert "<h1>Log in to Lerend</h1>" in page


def test_footer_language_switch_is_remembered_on_the_account(client, world):
    client.force_login(world.staff)
    client.post(reverse("set_language"), {"language": "en", "next": reverse("accounts:profile")})
    world.staff.refresh_from_db()
    assert world.staff.language == "en"
    for _ in range(2):
        assert '<html lang="en">' in client.get(reverse("accounts:profile")).content.decode()


def test_profile_shows_two_factor_status(client, world):
    client.force_login(world.staff)
    body = client.get(reverse("accounts:profile")).content.decode()
    assert "Inloggen in twee stappen aanzetten" in body
    enrol(world.staff)
    client.force_login(world.staff)
    session = client.session
    session["lerend_2fa_ok"] = True
    session.save()
    body = client.get(reverse("accounts:profile")).content.decode()
    assert "Nog 8 ongebruikte herstelcodes." in body
    assert "Inloggen in twee stappen uitzetten" in body


def test_export_gives_my_data_without_secrets(client, world):
    enrol(world.staff)
    client.force_login(world.staff)
    session = client.session
    session["lerend_2fa_ok"] = True
    session.save()
    response = client.get(reverse("accounts:export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="lerend-mijn-gegevens.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == world.staff.email
    assert data["account"]["two_factor_enabled"] is True
    assert [(m["organisation"], m["role"], m["scope"], m["team"]) for m in data["memberships"]] == [
        ("Kinderopvang De Regenboog", "medewerker", "team", "Groep Rups")
    ]
    raw = response.content.decode()
    assert world.staff.totp_secret not in raw
    assert world.staff.password not in raw
    assert world.teamleader.email not in raw
