"""Shared fixtures: an organisation with a location, two teams and one person per role,
plus an outsider from another organisation — the personas of every view test."""

import io
from dataclasses import dataclass

import pytest

from lerend.organisations.models import Role

from .factories import LocationFactory, OrganisationFactory, TeamFactory, member


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache and no memoised scan plans: database ids are
    reused after a rolled-back test, so a count kept by one test must never answer the next
    (in production an id is never reused)."""
    from django.core.cache import cache  # noqa: PLC0415  # settings are ready only in a test

    from lerend.scans.results import plan  # noqa: PLC0415

    cache.clear()
    plan.clear_memos(shared=False)


@dataclass
class World:
    org: object
    other_org: object
    location: object
    team: object
    other_team: object
    staff: object
    teamleader: object
    manager: object
    coach: object
    board: object
    admin: object
    outsider: object


@pytest.fixture
def world(db):
    org = OrganisationFactory(name="Kinderopvang De Regenboog", slug="regenboog")
    other_org = OrganisationFactory(name="Stichting Elders", slug="elders")
    location = LocationFactory(organisation=org, name="De Vlinder")
    team = TeamFactory(location=location, name="Groep Rups")
    other_team = TeamFactory(location=location, name="Groep Pop")
    return World(
        org=org,
        other_org=other_org,
        location=location,
        team=team,
        other_team=other_team,
        staff=member(org, Role.MEDEWERKER, team=team),
        teamleader=member(org, Role.TEAMLEIDER, team=team),
        manager=member(org, Role.LOCATIEMANAGER, location=location),
        coach=member(org, Role.COACH, location=location),
        board=member(org, Role.BESTUURDER),
        admin=member(org, Role.BEHEERDER),
        outsider=member(other_org, Role.BEHEERDER),
    )


@pytest.fixture(scope="module")
def demo_organisations(django_db_setup, django_db_blocker, tmp_path_factory):
    """Both demo organisations, built through ``manage.py demo`` (about a minute) once per
    test module that asks for them, for tests that read the demo as a leader would (the
    one-number test, the demo's reliability). Tests using it must not change it.

    The demo is built inside a transaction that stays open while the module's tests run
    (each test's own transaction is a savepoint in it) and is rolled back after the module:
    every row it made (organisations, people, instruments, answers, search documents, audit
    rows) is gone before the next module, so tests that count rows see an empty database.
    Its commit hooks (e.g. the search index) run at once, as they would after a commit."""
    from django.core.management import call_command  # noqa: PLC0415 -- only these tests
    from django.db import transaction  # noqa: PLC0415
    from django.test import TestCase, override_settings  # noqa: PLC0415
    from django.utils import translation  # noqa: PLC0415

    from lerend.demo import builder  # noqa: PLC0415

    var = override_settings(VAR_DIR=tmp_path_factory.mktemp("var"))
    outer = transaction.atomic()
    with django_db_blocker.unblock():
        outer.__enter__()
        try:
            hooks = TestCase.captureOnCommitCallbacks(execute=True)
            with var, translation.override("nl"), hooks:
                call_command("demo", stdout=io.StringIO())
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield (builder.CHILDCARE_SLUG, builder.SCHOOL_SLUG)
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
