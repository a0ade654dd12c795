import pytest

from lerend.demo import builder
from lerend.monitoring.models import CheckIn, Experiment, Indicator, WellbeingRound
from lerend.monitoring.selectors import wellbeing as selectors
from tests.demo.test_demo_content import run_demo, var_dir  # noqa: F401 -- fixture

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Indicator.objects.count(),
        CheckIn.objects.count(),
        WellbeingRound.objects.count(),
        Experiment.objects.count(),
    )


def test_demo_has_monitoring_content_in_both_sectors_once(var_dir):  # noqa: F811
    run_demo()
    for slug in (builder.CHILDCARE_SLUG, builder.SCHOOL_SLUG):
        assert Indicator.objects.filter(organisation__slug=slug).count() == 5
        # Coaching coverage, computed from the coaching demo that ran before.
        coverage = Indicator.objects.get(organisation__slug=slug, source="coaching")
        assert CheckIn.objects.filter(indicator=coverage).count() == 1
        states = sorted(
            Experiment.objects.filter(organisation__slug=slug).values_list("status", flat=True)
        )
        assert states == ["afgerond", "gepland", "loopt"]
        rounds = WellbeingRound.objects.filter(organisation__slug=slug)
        assert rounds.count() == 6
        # A year of monthly check-ins on the two hand-measured indicators.
        assert (
            CheckIn.objects.filter(
                indicator__organisation__slug=slug, indicator__source="handmatig"
            ).count()
            == 24
        )
        profiles = [
            selectors.profile_of(r, 10)
            for r in selectors._annotated(rounds).order_by("team_id", "first_on")
        ]
        assert sum(1 for p in profiles if not p.visible) == 1  # one group observed too few
    before = _counts()
    run_demo()
    assert _counts() == before
