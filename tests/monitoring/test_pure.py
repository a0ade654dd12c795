"""The pure rules: when a group's numbers show, an indicator's status, number formatting."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from lerend.monitoring import disclosure, status
from lerend.monitoring.numbers import number, percentage
from lerend.scans import disclosure as gate

thresholds = st.integers(min_value=5, max_value=30)
counts = st.one_of(st.none(), st.integers(min_value=0, max_value=500))


@settings(deadline=None)  # a shared CPU: timing is not what is tested
@given(children=counts, k=thresholds)
def test_group_visible_exactly_from_the_threshold(children, k):
    assert disclosure.group_visible(children, k) is (children is not None and children >= k)


@settings(deadline=None)  # a shared CPU: timing is not what is tested
@given(children=counts, k=thresholds)
def test_missing_children_make_up_the_threshold(children, k):
    missing = disclosure.missing(children, k)
    assert missing >= 0
    assert disclosure.group_visible((children or 0) + missing, k)
    if missing:
        assert not disclosure.group_visible((children or 0) + missing - 1, k)


@settings(deadline=None)  # a shared CPU: timing is not what is tested
@given(children=counts, k=thresholds, more=st.integers(min_value=0, max_value=50))
def test_more_children_never_hide_a_visible_group(children, k, more):
    if disclosure.group_visible(children, k):
        assert disclosure.group_visible(children + more, k)


@settings(deadline=None)  # a shared CPU: timing is not what is tested
@given(k=st.one_of(st.integers(max_value=4), st.integers(min_value=31)))
def test_a_threshold_outside_5_to_30_is_refused(k):
    with pytest.raises(ValueError):
        disclosure.group_visible(50, k)


group_counts = st.dictionaries(
    st.integers(min_value=1, max_value=40), counts, min_size=0, max_size=12
)


@settings(deadline=None)  # a shared CPU: timing is not what is tested
@given(children=group_counts, k=thresholds)
def test_a_page_of_groups_shows_exactly_those_at_the_threshold(children, k):
    shown = disclosure.visible_groups(children, k)
    assert shown == {key for key, n in children.items() if n is not None and n >= k}


@settings(deadline=None)  # a shared CPU: timing is not what is tested
@given(children=group_counts, k=thresholds)
def test_shown_groups_and_their_pooled_total_pass_the_gates_own_check(children, k):
    """The chain pools the shown groups; the one gate's independent checker finds no
    atom with 1..k-1 children in the shown groups together with that pooled total."""
    shown = disclosure.visible_groups(children, k)
    groups = [gate.Group(("group", key), frozenset([key])) for key in shown]
    if shown:
        groups.append(gate.Group(("pooled",), frozenset(shown)))
    counts_ = {key: n for key, n in children.items() if n is not None}
    assert gate.find_violations(groups, counts_, k) == []


def test_the_threshold_is_decided_by_the_gates_core(monkeypatch):
    """No copy of the rule here: with the core's answer replaced, the adapter follows it."""
    calls = []

    def hide_everything(groups, counts, k, *, k_range):
        calls.append((k, k_range))
        return gate.plan_small_groups([], {}, k, k_range=k_range)

    monkeypatch.setattr(disclosure, "plan_small_groups", hide_everything)
    assert disclosure.group_visible(25, 10) is False
    assert calls == [(10, (5, 30))]


def test_the_core_refuses_a_threshold_outside_the_callers_range():
    with pytest.raises(ValueError):
        gate.plan_small_groups([], {}, 31, k_range=(5, 30))
    with pytest.raises(ValueError):
        gate.plan_small_groups([], {}, 4, k_range=(5, 30))


def test_default_threshold_is_ten():
    assert disclosure.group_visible(9, 10) is False
    assert disclosure.group_visible(10, 10) is True
    assert disclosure.group_visible(None, 10) is False


decimals = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False)


@settings(deadline=None)  # a shared CPU: timing is not what is tested
@given(
    baseline=decimals, gap=st.decimals(min_value="0.01", max_value=500, places=2), value=decimals
)
def test_status_is_mirrored_for_lower_is_better(baseline, gap, value):
    higher = status.compute(baseline=baseline, target=baseline + gap, higher=True, value=value)
    lower = status.compute(baseline=-baseline, target=-baseline - gap, higher=False, value=-value)
    assert higher == lower


@settings(deadline=None)  # a shared CPU: timing is not what is tested
@given(
    baseline=decimals, gap=st.decimals(min_value="0.01", max_value=500, places=2), value=decimals
)
def test_status_reached_behind_on_track_without_dates(baseline, gap, value):
    target = baseline + gap
    found = status.compute(baseline=baseline, target=target, higher=True, value=value)
    if value >= target:
        assert found == status.Status.REACHED
    elif value <= baseline:
        assert found == status.Status.BEHIND
    else:
        assert found == status.Status.ON_TRACK


def test_status_with_a_target_date_asks_for_progress_in_time():
    start = datetime.date(2026, 1, 1)
    args = {
        "baseline": Decimal(40),
        "target": Decimal(60),
        "higher": True,
        "baseline_on": start,
        "target_on": datetime.date(2026, 12, 31),
    }
    halfway = datetime.date(2026, 7, 2)
    assert status.compute(value=Decimal(45), measured_on=halfway, **args) == "achter"
    assert status.compute(value=Decimal(51), measured_on=halfway, **args) == "op_koers"
    assert status.compute(value=Decimal(60), measured_on=halfway, **args) == "behaald"
    assert status.compute(value=None, **args) == "geen"


def test_numbers_round_half_away_from_zero_with_a_decimal_comma():
    with translation.override("nl"):
        assert number(Decimal("2.25")) == "2,3"
        assert number(Decimal("-2.25")) == "-2,3"
        assert number(Decimal("12.0")) == "12"
        assert number(None) == "–"
        assert percentage(Decimal("0.125")) == "13%"
    with translation.override("en"):
        assert number(Decimal("2.25")) == "2.3"
