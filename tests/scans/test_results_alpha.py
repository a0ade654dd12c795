import random

import pandas as pd
import pingouin
import pytest

from lerend.organisations.models import Role
from lerend.scans.results import CampaignResults, team_ref
from lerend.scans.results.stats import ALPHA_MIN_N, Counts, cronbach_alpha
from lerend.scans.services_respond import DONT_KNOW
from tests.factories import member

from .test_campaign_support import launched
from .test_results_support import answer, close


def _respondents(world, count):
    return [member(world.org, Role.MEDEWERKER, team=world.team) for _ in range(count)]


def test_results_alpha_equals_pingouin_on_the_same_data(world):
    rng = random.Random(20261124)
    people = _respondents(world, 40)
    campaign = launched(world, key="lerende-organisatiescan")
    instrument = campaign.instrument_version.instrument
    dimension = next(
        d for d in instrument.dimensions if any(i.reverse for i in instrument.items_for(d.key))
    )
    items = instrument.items_for(dimension.key)
    rows = []
    for number, person in enumerate(people):
        base = rng.randint(1, 5)
        answers = {}
        for item in items:
            answers[item.key] = min(5, max(1, base + rng.choice((-1, 0, 0, 1))))
        if number % 8 == 0:  # incomplete: not a complete case, dropped listwise
            answers[items[0].key] = DONT_KNOW
        answer(campaign, person, answers)
        rows.append(
            {
                item.key: (None if v == DONT_KNOW else item.score(v, instrument.scale))
                for item in items
                for v in [answers[item.key]]
            }
        )
    close(campaign, world)
    frame = pd.DataFrame(rows, dtype=float)
    expected, _ci = pingouin.cronbach_alpha(frame, nan_policy="listwise")

    result = CampaignResults(campaign).group(team_ref(world.team)).dimension(dimension.key)
    assert result.counts.complete_n == 35
    assert result.alpha == pytest.approx(expected, abs=1e-9)
    assert len(items) >= 2 and any(item.reverse for item in items)


def test_results_alpha_is_not_given_below_thirty_complete_cases():
    items = [Counts(complete_total=60, complete_total_sq=200)] * 3
    few = Counts(complete_n=ALPHA_MIN_N - 1, complete_total=180, complete_total_sq=1500)
    assert cronbach_alpha(few, items) is None
    assert cronbach_alpha(Counts(complete_n=40), [Counts()]) is None  # one item
