import datetime

import factory
import pytest
from django.urls import reverse
from django.utils import timezone

from lerend.improvement.models import (
    Action,
    BoardItem,
    DevelopmentTheme,
    Goal,
    Level,
    SteeringGroupMember,
)
from tests.factories import UserFactory, member


@pytest.fixture
def url():
    """reverse() for the regenboog organisation."""

    def _url(name, **kwargs):
        return reverse(name, kwargs={"org_slug": "regenboog", **kwargs})

    return _url


@pytest.fixture
def public_urls(settings):
    """The public pages (vision, calendar feed) mounted as lerend.urls will mount them."""
    settings.ROOT_URLCONF = "tests.improvement.urls"


def today():
    return timezone.localdate()


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    organisation = factory.LazyAttribute(lambda o: o.team.organisation if o.team else None)
    level = factory.LazyAttribute(
        lambda o: Level.TEAM if o.team else Level.LOCATION if o.location else Level.ORGANISATION
    )
    team = None
    location = None
    title = factory.Sequence(lambda n: f"Doel {n}")
    owner = factory.SubFactory(UserFactory)
    starts_on = factory.LazyFunction(today)
    ends_on = factory.LazyFunction(lambda: today() + datetime.timedelta(days=90))


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    team = None
    organisation = factory.LazyAttribute(lambda o: o.team.organisation)
    title = factory.Sequence(lambda n: f"Actie {n}")
    owner = factory.SubFactory(UserFactory)
    due_on = factory.LazyFunction(lambda: today() + datetime.timedelta(days=14))


class BoardItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardItem

    kind = "succes"
    text = factory.Sequence(lambda n: f"Succes {n}")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentTheme

    title = factory.Sequence(lambda n: f"Thema {n}")
    description = "Samen leren over de groepen heen."
    proposed_by = factory.SubFactory(UserFactory)


class SteeringMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SteeringGroupMember


@pytest.fixture
def other_team_member(world):
    """A staff member of the other team of the same location."""
    return member(world.org, team=world.other_team)
