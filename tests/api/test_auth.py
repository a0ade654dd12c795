"""Who gets in through the API: keys that work, keys that must not, and tenancy."""

import datetime

import pytest
from django.utils import timezone

from lerend.api import services
from lerend.api.models import ApiToken
from lerend.organisations.models import Membership
from lerend.web.api import api


def test_me_answers_with_the_keys_person_and_roles(world, make_key, api_get):
    response = api_get("/o/regenboog/me", make_key(world.teamleader))
    assert response.status_code == 200
    body = response.json()
    assert body["email"] == world.teamleader.email
    assert body["organisation"] == {"slug": "regenboog", "name": "Kinderopvang De Regenboog"}
    assert body["memberships"] == [
        {"role": "teamleider", "scope": "team", "location_id": None, "team_id": world.team.pk}
    ]


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nonsense", "Bearer lerend_x" * 2])
def test_no_or_a_wrong_key_is_401(world, client, header):
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/v1/o/regenboog/me", headers=headers)
    assert response.status_code == 401


def test_a_session_log_in_is_not_enough(world, client):
    client.force_login(world.admin)
    assert client.get("/api/v1/o/regenboog/me").status_code == 401


def test_a_key_works_only_in_its_own_organisation(world, make_key, api_get):
    key = make_key(world.admin)
    response = api_get("/o/elders/me", key)
    assert (response.status_code, response.json()) == (404, {"detail": "Niet gevonden."})
    assert api_get("/o/bestaat-niet/me", key).status_code == 404
    assert api_get("/o/elders/scans", key).status_code == 404
    assert api_get("/o/elders/goals", key).status_code == 404


def test_a_revoked_key_stops_at_once(world, make_key, api_get):
    key = make_key(world.admin)
    token = ApiToken.objects.get(person=world.admin)
    services.revoke_token(token=token, actor=world.admin)
    assert api_get("/o/regenboog/me", key).status_code == 401


def test_an_expired_key_stops(world, make_key, api_get):
    key = make_key(world.admin, days=30)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    ApiToken.objects.filter(person=world.admin).update(expires_on=yesterday)
    assert api_get("/o/regenboog/me", key).status_code == 401


def test_a_deactivated_person_or_an_ended_role_stops_the_key(world, make_key, api_get):
    staff_key, admin_key = make_key(world.staff), make_key(world.admin)
    world.staff.is_active = False
    world.staff.save()
    assert api_get("/o/regenboog/me", staff_key).status_code == 401
    Membership.objects.filter(person=world.admin).update(
        end_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert api_get("/o/regenboog/me", admin_key).status_code == 401


def test_only_a_digest_is_stored_and_last_use_is_written_once_a_day(
    world, make_key, api_get, django_assert_num_queries
):
    key = make_key(world.admin)
    token = ApiToken.objects.get(person=world.admin)
    assert key not in (token.digest, token.hint) and len(token.digest) == 64
    assert token.last_used_on is None
    api_get("/o/regenboog/me", key)
    token.refresh_from_db()
    assert token.last_used_on == timezone.localdate()
    # Second call the same day: the key and the memberships, and the rate-limit counter
    # (its UPDATE and read-back in a savepoint) — but no UPDATE of the key's last use.
    with django_assert_num_queries(6) as captured:
        api_get("/o/regenboog/me", key)
    updates = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1 and "attemptcounter" in updates[0]


def test_too_many_requests_per_key_get_429(world, make_key, api_get, monkeypatch):
    throttle = api.throttle[0]
    monkeypatch.setattr(throttle, "limit", 3)
    key, other = make_key(world.admin), make_key(world.board)
    codes = [api_get("/o/regenboog/me", key).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert api_get("/o/regenboog/me", other).status_code == 200
