"""The Wet IKK hours norm: exact on hand-worked examples, monotone by properties, and the
same figures from the database as by hand."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lerend.coaching import norm, selectors, services
from lerend.organisations.models import Membership, Role
from tests.factories import LocationFactory, TeamFactory, member


def test_norm_worked_example_19_locations_72_81_fte():
    # The example: 19 kindercentra and 72.81 FTE.
    result = norm.calculate(registrations=19, staff_fte=Decimal("72.81"))
    assert result.policy_hours == Decimal("950")
    assert result.coaching_hours == Decimal("728.1")
    assert result.ve_hours == Decimal("0")
    assert result.total == Decimal("1678.1")


def test_norm_worked_example_combined_kdv_bso_and_ve():
    # 3 locations, one with a KDV and a BSO registration: 4 registrations = 200 h.
    # 12.5 FTE contracts + flexible 27 h a week (0.75 FTE): 13.25 FTE = 132.5 h.
    # 7 VE-children: 70 h. Total 402.5 h.
    flexible = norm.fte_from_weekly_hours(27)
    assert flexible == Decimal("0.75")
    result = norm.calculate(
        registrations=4, staff_fte=Decimal("12.5"), flexible_fte=flexible, ve_children=7
    )
    assert [s.hours for s in result.steps] == [Decimal("200"), Decimal("132.5"), Decimal("70")]
    assert result.total == Decimal("402.5")


def test_norm_rounds_fte_to_two_decimals_half_up():
    # 10 hours a week flexible = 0.2777… FTE -> 0.28 FTE -> 2.8 hours.
    assert norm.fte_from_weekly_hours(10) == Decimal("0.28")
    # 0.125 FTE rounds half up to 0.13, not to the even 0.12.
    assert norm.fte(Decimal("0.125")) == Decimal("0.13")
    assert norm.calculate(registrations=0, flexible_fte=Decimal("0.125")).total == Decimal("1.3")


def test_norm_refuses_negative_counts():
    with pytest.raises(ValueError):
        norm.calculate(registrations=-1)
    with pytest.raises(ValueError):
        norm.calculate(registrations=1, staff_fte=Decimal("-0.5"))


counts = st.integers(min_value=0, max_value=500)
ftes = st.decimals(min_value=0, max_value=5000, places=2, allow_nan=False, allow_infinity=False)


@settings(deadline=None)  # a shared 2-CPU machine; the property is what counts
@given(counts, counts, ftes, ftes, counts, counts)
def test_norm_is_monotone_in_locations_fte_and_ve_children(r1, r2, f1, f2, v1, v2):
    low = norm.calculate(registrations=min(r1, r2), staff_fte=min(f1, f2), ve_children=min(v1, v2))
    high = norm.calculate(registrations=max(r1, r2), staff_fte=max(f1, f2), ve_children=max(v1, v2))
    assert low.total <= high.total
    assert low.policy_hours <= high.policy_hours
    assert low.coaching_hours <= high.coaching_hours
    assert low.ve_hours <= high.ve_hours


@settings(deadline=None)  # a shared 2-CPU machine; the property is what counts
@given(counts, ftes, counts)
def test_norm_total_is_the_sum_of_its_steps(registrations, fte, ve):
    result = norm.calculate(registrations=registrations, staff_fte=fte, ve_children=ve)
    assert result.total == 50 * registrations + norm.hours(10 * fte) + 10 * ve
    assert result.total == sum(s.hours for s in result.steps)


@settings(deadline=None)  # a shared 2-CPU machine; the property is what counts
@given(counts, ftes, counts)
def test_norm_one_more_location_adds_exactly_50_hours(registrations, fte, ve):
    before = norm.calculate(registrations=registrations, staff_fte=fte, ve_children=ve)
    after = norm.calculate(registrations=registrations + 1, staff_fte=fte, ve_children=ve)
    assert after.total - before.total == 50


def test_norm_from_the_database_uses_1_january_and_entered_figures(world):
    year = datetime.date.today().year
    org = world.org
    second = LocationFactory(organisation=org, name="De Egel", kind="kdv")
    LocationFactory(organisation=org, name="Kantoor", kind="bureau")  # not a kindercentrum
    team = TeamFactory(location=second, name="Groep Egel")
    peildatum = datetime.date(year, 1, 1)
    Membership.objects.filter(organisation=org).update(start_date=peildatum)
    # world.staff: 0.80 FTE in Groep Rups (De Vlinder). Two more at De Egel, one who left
    # before 1 January and one who started after: neither counts.
    member(org, team=team, fte="0.90", start_date=peildatum)
    member(org, location=second, fte="0.50", start_date=datetime.date(year - 1, 6, 1))
    member(
        org,
        team=team,
        fte="1.00",
        start_date=datetime.date(year - 1, 1, 1),
        end_date=datetime.date(year - 1, 12, 31),
    )
    member(org, team=team, fte="1.00", start_date=datetime.date(year, 1, 2))
    member(org, Role.TEAMLEIDER, team=team, fte="1.00", start_date=peildatum)  # not a pm
    services.save_norm_figures(
        organisation=org,
        actor=world.admin,
        year=year,
        flexible_hours_per_week=Decimal("18"),
        locations={world.location: (2, 4), second: (1, 0)},
    )
    result, figures, unplaced, _row = selectors.norm_for(org, year)
    assert [(f.location.name, f.registrations, f.fte, f.ve_children) for f in figures] == [
        ("De Egel", 1, Decimal("1.40"), 0),
        ("De Vlinder", 2, Decimal("0.80"), 4),
    ]
    assert unplaced == 0
    assert result.staff_fte == Decimal("2.20")
    assert result.flexible_fte == Decimal("0.50")
    # 3 registrations × 50 + 2.70 FTE × 10 + 4 VE-children × 10
    assert result.total == Decimal("150") + Decimal("27.0") + Decimal("40")
