import datetime

import factory
from django.utils import timezone

from lerend.accounts.models import User
from lerend.organisations.models import Location, Membership, Organisation, Role, Scope, Team

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.nl")
    name = factory.Sequence(lambda n: f"Persoon {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Stichting {n}")
    slug = factory.Sequence(lambda n: f"stichting-{n}")
    sector = "kinderopvang"
    two_factor_roles = factory.LazyFunction(list)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Locatie {n}")
    kind = "kindercentrum"
    place = "Utrecht"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    location = factory.SubFactory(LocationFactory)
    organisation = factory.LazyAttribute(lambda o: o.location.organisation)
    name = factory.Sequence(lambda n: f"Groep {n}")
    kind = "groep"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.MEDEWERKER
    scope = Scope.ORGANISATION
    fte = "0.80"
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))


def member(organisation, role=Role.MEDEWERKER, team=None, location=None, **kwargs):
    """A person with one active membership; the scope follows from team/location."""
    if team is not None:
        scope = Scope.TEAM
    elif location is not None:
        scope = Scope.LOCATION
    else:
        scope = Scope.ORGANISATION
    return MembershipFactory(
        organisation=organisation, role=role, scope=scope, team=team, location=location, **kwargs
    ).person
