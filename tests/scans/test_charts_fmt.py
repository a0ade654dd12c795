"""charts.fmt is a fast path of Django's number_format: it must give the very same text."""

import pytest
from django.test import override_settings
from django.utils import formats, translation
from hypothesis import given
from hypothesis import strategies as st

from lerend.scans.charts import fmt

EDGES = [None, 0, 3, -2, 0.0, -0.0, 3.0, 3.05, 3.45, 2.999999, -0.05, 1e-7, 1.5e-5, 1e20]
EDGES += [123456.789, float("inf"), float("nan"), True]


def _django(value, digits):
    return "–" if value is None else formats.number_format(value, digits)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("digits", [0, 1, 2])
def test_fmt_edges_equal_number_format(language, digits):
    with translation.override(language):
        assert [fmt(v, digits) for v in EDGES] == [_django(v, digits) for v in EDGES]


@given(st.floats(allow_nan=False, allow_infinity=False), st.sampled_from([0, 1, 2]))
def test_fmt_any_float_equals_number_format(value, digits):
    with translation.override("nl"):
        assert fmt(value, digits) == formats.number_format(value, digits)


def test_fmt_with_thousand_separator_still_equals_number_format():
    with override_settings(USE_THOUSAND_SEPARATOR=True), translation.override("nl"):
        assert fmt(123456.789, 1) == formats.number_format(123456.789, 1) == "123.456,7"
