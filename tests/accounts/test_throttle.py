import threading
from datetime import timedelta

import pyotp
import pytest
from django.contrib.auth import SESSION_KEY
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from lerend.accounts import throttle
from lerend.accounts.middleware import SESSION_2FA_OK
from lerend.accounts.models import AttemptCounter
from lerend.accounts.tasks import purge_attempt_counters
from lerend.kit import contrib
from tests.factories import UserFactory

from .conftest import enrol, post_login

ONLY_POSTGRESQL = (
    "needs PostgreSQL (TEST_DATABASE_URL): SQLite's shared in-memory test database makes "
    "concurrent writers fail with 'database table is locked' instead of waiting"
)


def _count(key: str) -> int:
    return AttemptCounter.objects.get(key=key).count


def _in_threads(work, threads: int = 8) -> list[Exception]:
    """Run ``work()`` in ``threads`` threads started together; returns their exceptions.
    Every thread closes its own database connection at the end."""
    barrier = threading.Barrier(threads)
    errors = []

    def run():
        try:
            barrier.wait()
            work()
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connection.close()

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return errors


# --- the counter --------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_hit_counts_exactly_under_concurrent_requests():
    if connection.vendor != "postgresql":
        pytest.skip(ONLY_POSTGRESQL)
    key = throttle.key_for("test", "parallel")
    counts = []

    def work():
        for _ in range(25):
            counts.append(throttle.hit(key, 300))

    assert _in_threads(work) == []
    assert _count(key) == 200
    # Every hit saw its own count: none lost, none seen twice.
    assert sorted(counts) == list(range(1, 201))


@pytest.mark.django_db(transaction=True)
def test_attempt_lets_exactly_the_limit_through_when_requests_arrive_together():
    if connection.vendor != "postgresql":
        pytest.skip(ONLY_POSTGRESQL)
    limits = [throttle.Limit(throttle.key_for("test", "guesses"), 5, 300)]
    allowed = []

    def work():
        for _ in range(3):
            allowed.append(throttle.attempt(limits))

    assert _in_threads(work) == []
    assert allowed.count(True) == 5
    assert len(allowed) == 24
    # The refused attempts gave their reservations back.
    assert _count(limits[0].key) == 5


@pytest.mark.django_db
def test_hit_window_is_fixed_from_the_first_hit_and_restarts_after_it_ends():
    key = throttle.key_for("test", "window")
    before = timezone.now()
    assert [throttle.hit(key, 300) for _ in range(3)] == [1, 2, 3]
    expires_at = AttemptCounter.objects.get(key=key).expires_at
    assert before + timedelta(seconds=300) <= expires_at <= timezone.now() + timedelta(seconds=300)
    assert throttle.hit(key, 300) == 4
    assert AttemptCounter.objects.get(key=key).expires_at == expires_at  # not extended
    AttemptCounter.objects.filter(key=key).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert throttle.hit(key, 300) == 1
    assert throttle.hit(key, 300) == 2
    assert AttemptCounter.objects.get(key=key).expires_at > timezone.now()
    assert AttemptCounter.objects.count() == 1


@pytest.mark.django_db
def test_give_back_never_goes_below_zero_and_ignores_ended_windows():
    key = throttle.key_for("test", "give-back")
    throttle.hit(key, 300)
    throttle.give_back(key)
    throttle.give_back(key)
    assert _count(key) == 0
    throttle.hit(key, 300)
    throttle.hit(key, 300)
    AttemptCounter.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    throttle.give_back(key)
    assert _count(key) == 2
    throttle.give_back(throttle.key_for("test", "never-hit"))
    assert AttemptCounter.objects.count() == 1


@pytest.mark.django_db
def test_counter_keys_hold_no_address_in_clear(client):
    post_login(client, "Sanne@Example.nl", password="fout")
    keys = list(AttemptCounter.objects.values_list("key", flat=True))
    assert len(keys) == 2
    assert not any("sanne" in key.lower() or "127.0.0.1" in key for key in keys)
    assert throttle.key_for("email", "sanne@example.nl") in keys


# --- reserve before check -------------------------------------------------------------------


@pytest.mark.django_db
def test_login_with_right_password_is_refused_after_five_reservations_still_in_flight(client):
    # Five parallel guesses have reserved their attempts and not finished yet.
    user = UserFactory()
    limits = throttle.login_limits(user.email, "10.0.0.1")
    assert [throttle.attempt(limits) for _ in range(5)] == [True] * 5
    response = post_login(client, user.email, ip="10.0.0.2")
    assert response.status_code == 429
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_login_code_right_code_is_refused_after_five_reservations_still_in_flight(client):
    user = UserFactory()
    secret, _codes = enrol(user)
    assert post_login(client, user.email).status_code == 302
    for _ in range(5):
        assert throttle.attempt(throttle.code_limits(user.pk))
    response = client.post(reverse("accounts:login_code"), {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 429
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_two_factor_check_right_code_is_refused_after_five_reservations(client):
    user = UserFactory()
    secret, _codes = enrol(user)
    client.force_login(user)
    for _ in range(5):
        assert throttle.attempt(throttle.code_limits(user.pk))
    response = client.post(reverse("accounts:two_factor"), {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 429
    assert SESSION_2FA_OK not in client.session


@pytest.mark.django_db
def test_disable_two_factor_right_code_is_refused_after_five_reservations(client):
    user = UserFactory()
    secret, _codes = enrol(user)
    client.force_login(user)
    for _ in range(5):
        assert throttle.attempt(throttle.code_limits(user.pk))
    client.post(reverse("accounts:two_factor_disable"), {"code": pyotp.TOTP(secret).now()})
    user.refresh_from_db()
    assert user.has_two_factor


@pytest.mark.django_db
def test_login_code_form_without_a_code_does_not_count(client):
    user = UserFactory()
    enrol(user)
    post_login(client, user.email)
    for _ in range(6):
        assert client.post(reverse("accounts:login_code"), {"code": ""}).status_code == 200
    assert _count(throttle.code_limits(user.pk)[0].key) == 0


# --- shared addresses -----------------------------------------------------------------------


@pytest.mark.django_db
def test_successful_logins_of_twenty_people_never_block_their_shared_ip(client):
    people = [UserFactory(email=f"collega{n}@example.nl") for n in range(20)]
    for person in people:
        assert post_login(client, person.email, ip="192.0.2.7").status_code == 302
        client.logout()
    ip_key = throttle.key_for("ip", "192.0.2.7")
    assert _count(ip_key) == 0
    assert not AttemptCounter.objects.exclude(key=ip_key).exists()


@pytest.mark.django_db
def test_success_gives_back_only_its_own_reservation_on_a_shared_ip(client):
    user = UserFactory()
    for n in range(3):
        post_login(client, f"gok{n}@example.nl", password="fout", ip="192.0.2.7")
    assert post_login(client, user.email, ip="192.0.2.7").status_code == 302
    # The three failures still count: logging in to one's own account wipes nothing out.
    assert _count(throttle.key_for("ip", "192.0.2.7")) == 3


@pytest.mark.django_db
def test_refused_login_gives_its_reservations_back(client):
    user = UserFactory()
    for n in range(5):
        post_login(client, user.email, password="fout", ip=f"10.0.0.{n}")
    assert post_login(client, user.email, ip="192.0.2.7").status_code == 429
    # Nothing was checked: neither the locked address nor the school's IP counts it.
    assert _count(throttle.key_for("email", user.email)) == 5
    assert _count(throttle.key_for("ip", "192.0.2.7")) == 0
    assert post_login(client, UserFactory().email, ip="192.0.2.7").status_code == 302


# --- the daily purge ------------------------------------------------------------------------


@pytest.mark.django_db
def test_purge_task_deletes_only_expired_counters():
    now = timezone.now()
    for name, expires_at in [
        ("ended-long-ago", now - timedelta(days=2)),
        ("just-ended", now - timedelta(seconds=1)),
        ("running", now + timedelta(seconds=60)),
        ("fresh", now + timedelta(hours=1)),
    ]:
        AttemptCounter.objects.create(key=f"test:{name}", count=3, expires_at=expires_at)
    assert purge_attempt_counters.enqueue().return_value == 2
    assert sorted(AttemptCounter.objects.values_list("key", flat=True)) == [
        "test:fresh",
        "test:running",
    ]
    assert "lerend.accounts.tasks.purge_attempt_counters" in contrib.daily_tasks()
