import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_redirects_anonymous_to_login(client):
    response = client.get(reverse("web:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_home_sends_single_organisation_member_to_it(client, world):
    client.force_login(world.staff)
    response = client.get(reverse("web:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("web:org_home", args=["regenboog"])


def test_org_home_outsider_gets_404(client, world):
    client.force_login(world.outsider)
    assert client.get(reverse("web:org_home", args=["regenboog"])).status_code == 404


def test_org_home_staff_sees_own_team_and_no_overview(client, world):
    client.force_login(world.staff)
    response = client.get(reverse("web:org_home", args=["regenboog"]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Groep Rups" in body
    assert "Groep Pop" not in body
    assert "organisation overview" not in body.lower() and "Organisatieoverzicht" not in body


def test_org_home_board_sees_overview_counts(client, world):
    client.force_login(world.board)
    response = client.get(reverse("web:org_home", args=["regenboog"]))
    assert response.status_code == 200
    assert response.context["overview"]["teams"] == 2
    assert response.context["overview"]["people"] == 6
