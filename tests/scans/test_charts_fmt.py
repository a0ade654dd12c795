"""The charts write numbers by the one rule (lerend/kit/numbers.py): the label on a bar and
the figure in the table beside it are the same text. Before, charts cut digits off (3,38 ->
"3,3") while tables rounded ("3,4")."""

import pytest
from django.template import Context, Template
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from lerend.kit.numbers import number
from lerend.scans.charts import fmt, pct


@pytest.mark.parametrize(
    ("value", "dutch"),
    [(3.38, "3,4"), (3.35, "3,4"), (3.25, "3,3"), (2.999999, "3,0"), (None, "–")],
)
def test_chart_labels_round_half_away_from_zero(value, dutch):
    with translation.override("nl"):
        assert fmt(value) == dutch


@given(st.floats(min_value=1, max_value=5, allow_nan=False))
def test_chart_label_equals_the_table_figure(value):
    """The results tables print means with Django's floatformat; both must agree."""
    with translation.override("nl"):
        table = Template("{{ v|floatformat:1 }}").render(Context({"v": value}))
        assert fmt(value) == number(value) == table


def test_chart_percentages_round_half_away_from_zero():
    assert pct(0.125) == "13%"
    assert pct(0.385) == "39%"
    assert pct(None) == "–"
