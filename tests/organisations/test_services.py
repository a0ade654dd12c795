import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lerend.organisations import services
from lerend.organisations.models import AuditEntry, Membership, Role, Scope

pytestmark = pytest.mark.django_db


def test_record_writes_entry(world):
    entry = services.record(
        organisation=world.org,
        actor=world.admin,
        action="team.update",
        target=world.team,
        before={"name": "a"},
        after={"name": "b"},
    )
    assert (entry.target_type, entry.target_id, entry.target_repr) == (
        "team",
        str(world.team.pk),
        "Groep Rups",
    )


def test_update_team_audits_before_after(world):
    services.update_team(team=world.team, actor=world.admin, name="Groep Vlinder")
    entry = AuditEntry.objects.get(action="team.update")
    assert entry.before == {"name": "Groep Rups"}
    assert entry.after == {"name": "Groep Vlinder"}
    assert entry.actor == world.admin


def test_create_location_checks_brin(world):
    with pytest.raises(ValidationError):
        services.create_location(
            organisation=world.org, actor=world.admin, name="X", kind="school", brin="XX12"
        )
    assert AuditEntry.objects.count() == 0


def test_delete_team_with_people_raises_in_use(world):
    with pytest.raises(services.InUse):
        services.delete_team(team=world.team, actor=world.admin)


def test_update_membership_audits_fte(world):
    membership = Membership.objects.get(person=world.staff)
    services.update_membership(
        membership=membership,
        actor=world.admin,
        fte=Decimal("1.00"),
        scope=Scope.TEAM,
        team=world.team,
        role=Role.MEDEWERKER,
    )
    entry = AuditEntry.objects.get(action="membership.update")
    assert entry.before == {"fte": "0.80"}
    assert entry.after == {"fte": "1.00"}


def test_membership_scope_team_from_other_org_refused(world):
    from tests.factories import LocationFactory, TeamFactory

    foreign = TeamFactory(location=LocationFactory(organisation=world.other_org))
    with pytest.raises(ValidationError):
        services.create_membership(
            organisation=world.org,
            actor=world.admin,
            person=world.staff,
            role=Role.COACH,
            scope=Scope.TEAM,
            team=foreign,
        )


def test_end_membership_started_today_closes_as_one_day(world):
    membership = Membership.objects.create(
        person=world.staff,
        organisation=world.org,
        role=Role.COACH,
        scope=Scope.ORGANISATION,
        start_date=timezone.localdate(),
    )
    services.end_membership(membership=membership, actor=world.admin)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    membership.refresh_from_db()
    assert (membership.start_date, membership.end_date) == (yesterday, yesterday)


def test_update_settings_audits(world):
    services.update_settings(
        organisation=world.org,
        actor=world.admin,
        anonymity_threshold=8,
        two_factor_roles=["beheerder", "bestuurder"],
    )
    entry = AuditEntry.objects.get(action="settings.update")
    assert entry.before == {"anonymity_threshold": 5, "two_factor_roles": []}
    assert entry.after == {
        "anonymity_threshold": 8,
        "two_factor_roles": ["beheerder", "bestuurder"],
    }


def test_update_settings_k_out_of_range_refused(world):
    with pytest.raises(ValidationError):
        services.update_settings(organisation=world.org, actor=world.admin, anonymity_threshold=2)
