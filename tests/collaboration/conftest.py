import datetime

import pytest
from django.urls import reverse

from lerend.collaboration import services
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Role
from tests.factories import member

SECRET_FOCUS = "Hoe houd ik Daan bij de les zonder hem steeds te corrigeren"
SECRET_TOPS = "Je rustige stem bij de overgang naar buiten spelen"
SECRET_NOTES = "Mijn collega vertelde over haar burn-out van vorig jaar"


@pytest.fixture
def url():
    def _url(name, **kwargs):
        return reverse(f"collaboration:{name}", kwargs={"org_slug": "regenboog", **kwargs})

    return _url


@pytest.fixture
def teammate(world):
    return member(world.org, Role.MEDEWERKER, team=world.team)


@pytest.fixture
def observer(world):
    """A colleague from the other team who visits staff."""
    return member(world.org, Role.MEDEWERKER, team=world.other_team)


def access_of(user, org):
    return resolve_access(user, org)


@pytest.fixture
def visit(world, observer):
    """A held visit of staff by observer, with observation and feedback: the record that
    must not leak."""
    visit = services.plan_visit(
        organisation=world.org,
        actor=observer,
        observed=world.staff,
        observers=[observer],
        kind="groepsobservatie",
        date=datetime.date(2026, 3, 10),
        rubric_key="interactievaardigheden",
        focus_question=SECRET_FOCUS,
        team=world.team,
    )
    from lerend.collaboration import catalogue

    rubric = catalogue.rubric_for("interactievaardigheden")
    services.record_observation(
        visit=visit,
        rubric=rubric,
        entries={"sensitieve-responsiviteit.signalen": ("zie-ik", "Ziet Daan meteen")},
    )
    services.record_feedback(
        visit=visit,
        tops=SECRET_TOPS,
        tips="Meer benoemen",
        feedback_notes="Goed gesprek",
        held=True,
    )
    return visit


@pytest.fixture
def group(world, teammate):
    """An intervision group of staff and teammate with one meeting with confidential notes."""
    group = services.create_group(
        organisation=world.org,
        actor=world.staff,
        kind="intervisie",
        name="Intervisie Rups",
        members=[teammate],
    )
    services.plan_meeting(
        group=group,
        date=datetime.date(2026, 4, 2),
        starts_at=datetime.time(15, 30),
        duration_minutes=90,
        place="Teamkamer",
        agenda="Casus over een ouder",
        method_key="incidentmethode",
        facilitator=teammate,
        case_bringer=world.staff,
        notes=SECRET_NOTES,
        action_points="Oudergesprek voorbereiden met coach",
    )
    return group
