"""Item analysis for whoever edits or copies instruments (issue 17 §2): the numbers equal
pingouin's and pandas' on the same answers, nothing below 30 people, never per group, only for
instrument managers, and a fixed number of queries whatever the number of respondents."""

import random

import pandas as pd
import pingouin
import pytest
from django.urls import reverse

from lerend.organisations.models import Role
from lerend.scans.results import CampaignResults, clear_memos
from lerend.scans.results.items import MIN_N, item_analysis
from lerend.scans.services_respond import DONT_KNOW
from tests.factories import member

from .test_campaign_support import launched
from .test_results_support import answer, close

pytestmark = pytest.mark.django_db


def _survey(world, people: int, seed=17):
    """``people`` staff answer the full scan: one block where the last item is noise (it
    measures something else) and the first item often gets "don't know"."""
    rng = random.Random(seed)
    staff = [member(world.org, Role.MEDEWERKER, team=world.team) for _ in range(people)]
    campaign = launched(world, key="lerende-organisatiescan")
    instrument = campaign.instrument_version.instrument
    dimension = next(
        d for d in instrument.dimensions if any(i.reverse for i in instrument.items_for(d.key))
    )
    items = instrument.items_for(dimension.key)
    rows = []
    for number, person in enumerate(staff):
        level = rng.gauss(3.3, 0.9)
        answers, row = {}, {}
        for index, item in enumerate(items):
            if index == 0 and number % 4 == 0:
                answers[item.key], row[item.key] = DONT_KNOW, None
                continue
            score = rng.randint(1, 5) if index == len(items) - 1 else round(rng.gauss(level, 0.6))
            score = min(5, max(1, score))
            answers[item.key] = 6 - score if item.reverse else score
            row[item.key] = score
        answer(campaign, person, answers)
        rows.append(row)
    close(campaign, world)
    return campaign, dimension, items, pd.DataFrame(rows, dtype=float)


def test_item_analysis_equals_pingouin_and_pandas_on_the_same_answers(world):
    campaign, dimension, items, frame = _survey(world, 48)
    analysis = item_analysis(CampaignResults(campaign, reader=world.board))
    found = next(d for d in analysis.dimensions if d.key == dimension.key)

    complete = frame.dropna()
    assert found.complete_n == len(complete) == 36
    expected, _ci = pingouin.cronbach_alpha(complete)
    assert found.alpha == pytest.approx(expected, abs=1e-9)
    for index, item in enumerate(items):
        row = found.items[index]
        rest = complete.drop(columns=item.key).sum(axis=1)
        assert row.item_rest == pytest.approx(complete[item.key].corr(rest), abs=1e-9)
        without, _ci = pingouin.cronbach_alpha(complete.drop(columns=item.key))
        assert row.alpha_without == pytest.approx(without, abs=1e-9)
        seen = frame[item.key]
        assert row.dont_know_share == pytest.approx(seen.isna().mean())
    # The noise item is read as measuring something else; the first as often unknown.
    noise = found.items[-1]
    assert noise.item_rest < 0.3
    assert any("something else" in r or "iets anders" in r for r in noise.readings)
    assert any("know" in r or "weet ik niet" in r for r in found.items[0].readings)


def test_item_analysis_page_in_dutch_with_readings(client, world):
    campaign, dimension, _items, _frame = _survey(world, 40)
    client.force_login(world.board)
    response = client.get(
        reverse("scans:results_item_analysis", args=[world.org.slug, campaign.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Itemanalyse" in html
    assert "Dit item meet iets anders dan de rest van de bouwsteen." in html
    assert "0," in html  # correlations and alphas with a decimal comma


def test_item_analysis_is_not_shown_below_thirty_people(client, world):
    campaign, _dimension, _items, _frame = _survey(world, MIN_N - 1)
    assert item_analysis(CampaignResults(campaign, reader=world.board)) is None
    client.force_login(world.board)
    response = client.get(
        reverse("scans:results_item_analysis", args=[world.org.slug, campaign.pk])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Niet beschikbaar" in html
    assert "<table" not in html


@pytest.mark.parametrize("persona", ["teamleader", "staff", "manager", "coach"])
def test_item_analysis_is_only_for_instrument_managers(client, world, persona):
    campaign, _d, _i, _f = _survey(world, 31)
    client.force_login(getattr(world, persona))
    response = client.get(
        reverse("scans:results_item_analysis", args=[world.org.slug, campaign.pk])
    )
    assert response.status_code == 403


def test_item_analysis_of_another_organisation_is_404(client, world):
    campaign, _d, _i, _f = _survey(world, 31)
    client.force_login(world.outsider)
    url = reverse("scans:results_item_analysis", args=[world.other_org.slug, campaign.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("people", [31, 62])
def test_item_analysis_page_queries_do_not_grow_with_respondents(
    client, world, people, django_assert_max_num_queries
):
    campaign, _d, _i, _f = _survey(world, people, seed=people)
    client.force_login(world.board)
    clear_memos()
    url = reverse("scans:results_item_analysis", args=[world.org.slug, campaign.pk])
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200
