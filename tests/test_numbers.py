"""The one number rule (lerend/kit/numbers.py): half away from zero on the decimal value as
written, the reader's separators."""

from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from lerend.kit.numbers import count, number, percent, rounded


@pytest.mark.parametrize(
    ("value", "digits", "dutch", "english"),
    [
        (3.38, 1, "3,4", "3.4"),
        (3.35, 1, "3,4", "3.4"),  # the float 3.35 is 3.34999…; written as 3.35 it rounds up
        (3.25, 1, "3,3", "3.3"),  # half away from zero, not to even
        (-0.25, 1, "-0,3", "-0.3"),
        (-0.04, 1, "0,0", "0.0"),
        (2.675, 2, "2,68", "2.68"),
        (Decimal("1678.1"), 1, "1.678,1", "1,678.1"),
        (1234567, 0, "1.234.567", "1,234,567"),
        (4, 1, "4,0", "4.0"),
        (None, 1, "–", "–"),
        (float("nan"), 1, "–", "–"),
    ],
)
def test_number_rounds_half_away_from_zero_in_the_readers_language(value, digits, dutch, english):
    with translation.override("nl"):
        assert number(value, digits) == dutch
    with translation.override("en"):
        assert number(value, digits) == english


def test_percent_and_count():
    with translation.override("nl"):
        assert percent(0.385) == "39%"
        assert percent(0.125) == "13%"
        assert percent(None) == "–"
        assert count(15000) == "15.000"


@given(st.decimals(min_value=-10_000, max_value=10_000, places=4, allow_nan=False))
def test_number_is_the_rounded_value_written_out(value):
    with translation.override("en"):
        text = number(value, 1).replace(",", "")
    assert Decimal(text) == rounded(value, 1)
    assert abs(Decimal(text) - value) <= Decimal("0.05")
