"""The demo's answers come from a realistic model (issue 17 §2): Cronbach's alpha per building
block on the organisation-wide results of the demo's closed scan lies between 0.70 and 0.90,
as for a real validated scale. Computed twice: by pingouin on the stored answers (reverse-
worded items turned, complete cases) and by the read model from its write-time sums — they
must agree, and both must be in the range."""

from collections import defaultdict

import pandas as pd
import pingouin
import pytest

from lerend.organisations.models import Organisation
from lerend.scans.models import Answer
from lerend.scans.results import CampaignResults, latest_closed_campaign, organisation_ref

pytestmark = pytest.mark.django_db

LOW, HIGH = 0.70, 0.90


def _frames(campaign) -> dict[str, pd.DataFrame]:
    """Per dimension a respondents x items frame of scores (reverse-worded items turned,
    "don't know" as missing)."""
    instrument = campaign.instrument_version.instrument
    rows: dict[int, dict] = defaultdict(dict)
    for response_id, item_key, value in Answer.objects.filter(
        response__campaign=campaign
    ).values_list("response_id", "item_key", "value"):
        item = instrument.item(item_key)
        rows[response_id][item_key] = None if value is None else item.score(value, instrument.scale)
    frame = pd.DataFrame.from_dict(rows, orient="index", dtype=float)
    return {
        d.key: frame[[i.key for i in instrument.items_for(d.key)]] for d in instrument.dimensions
    }


@pytest.mark.parametrize("index", [0, 1])
def test_demo_alpha_per_block_is_that_of_a_validated_scale(demo_organisations, index):
    organisation = Organisation.objects.get(slug=demo_organisations[index])
    campaign = latest_closed_campaign(organisation)
    instrument = campaign.instrument_version.instrument
    assert any(i.reverse for i in instrument.items), "reverse-worded items are in the test"
    group = CampaignResults(campaign).group(organisation_ref(organisation))
    alphas = {}
    for key, frame in _frames(campaign).items():
        expected, _ci = pingouin.cronbach_alpha(frame, nan_policy="listwise")
        alphas[key] = round(expected, 3)
        dimension = group.dimension(key)
        assert dimension.alpha == pytest.approx(expected, abs=1e-9), key
    print(organisation.slug, alphas)  # the figures for the report (pytest -s)
    assert len(alphas) == 12
    assert all(LOW <= a <= HIGH for a in alphas.values()), alphas
