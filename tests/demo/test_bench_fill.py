"""The benchmark's bulk fill must produce exactly what the submit service produces."""

import random

import pytest
from django.utils import timezone

from bench.scan_fill import bulk_submit, rebuild_aggregates
from lerend.scans import services
from lerend.scans.models import Aggregate, DimensionAggregate, ItemAggregate, ScanInvitation
from lerend.scans.services_respond import DONT_KNOW, submit
from tests.factories import member

pytestmark = pytest.mark.django_db

ITEM_COLUMNS = (
    "location_key", "team_key", "role_group", "item_key", "dimension_key", "n", "total",
    "total_sq", "h1", "h2", "h3", "h4", "h5", "dont_know", "complete_total", "complete_total_sq",
)  # fmt: skip
DIMENSION_COLUMNS = (
    "location_key", "team_key", "role_group", "dimension_key", "n", "total", "total_sq",
    "h1", "h2", "h3", "h4", "h5", "dont_know", "respondents", "complete_n", "complete_total",
    "complete_total_sq",
)  # fmt: skip

# Every integer column of the one table, both kinds: the zeros of the other kind's columns
# must match too (the float score sums are compared approximately below).
ALL_COLUMNS = (
    "location_key", "team_key", "role_group", "item_key", "dimension_key",
    *(c for c in Aggregate.COUNT_COLUMNS if c not in ("score_total", "score_total_sq")),
)  # fmt: skip


def _campaign(world):
    today = timezone.localdate()
    campaign = services.create_campaign(
        organisation=world.org,
        actor=world.board,
        instrument_version=services.shipped_version("lerende-organisatiescan"),
        title="Scan",
        audience="staff",
        opens_on=today,
        closes_on=today,
        role_groups=["leiding", "medewerkers"],
    )
    return services.launch_campaign(campaign=campaign, actor=world.board)


def _drafts(campaign, seed):
    rng = random.Random(seed)
    items = campaign.instrument_version.instrument.items
    drafts = []
    for invitation in ScanInvitation.objects.filter(campaign=campaign).order_by("person_id"):
        answers = {}
        for item in items:
            roll = rng.random()
            if roll < 0.1:
                continue  # not answered
            answers[item.key] = DONT_KNOW if roll < 0.2 else rng.randint(1, 5)
        # Some answer everything, so that complete cases exist in every dimension.
        if rng.random() < 0.4:
            answers = {item.key: rng.randint(1, 5) for item in items}
        drafts.append((invitation, answers))
    return drafts


def _rows(model, campaign, columns):
    return sorted(model.objects.filter(campaign=campaign).values_list(*columns))


def _floats(campaign):
    return sorted(
        DimensionAggregate.objects.filter(campaign=campaign).values_list(
            "location_key",
            "team_key",
            "role_group",
            "dimension_key",
            "score_total",
            "score_total_sq",
        )
    )


def test_bench_bulk_fill_equals_the_submit_service(world):
    for _ in range(6):
        member(world.org, team=world.team)
        member(world.org, team=world.other_team)
    real, bulk = _campaign(world), _campaign(world)
    instrument = real.instrument_version.instrument
    for invitation, answers in _drafts(real, seed=7):
        invitation.draft = {"answers": answers, "comments": {}}
        submit(invitation=invitation, instrument=instrument)
    written = bulk_submit(bulk, _drafts(bulk, seed=7))
    rebuild_aggregates(bulk)

    assert written > 0
    assert _rows(ItemAggregate, bulk, ITEM_COLUMNS) == _rows(ItemAggregate, real, ITEM_COLUMNS)
    assert _rows(DimensionAggregate, bulk, DIMENSION_COLUMNS) == _rows(
        DimensionAggregate, real, DIMENSION_COLUMNS
    )
    assert _rows(Aggregate, bulk, ALL_COLUMNS) == _rows(Aggregate, real, ALL_COLUMNS)
    for got, want in zip(_floats(bulk), _floats(real), strict=True):
        assert got[:4] == want[:4]
        assert got[4:] == pytest.approx(want[4:])
    assert ScanInvitation.objects.filter(campaign=bulk, used_on__isnull=True).count() == 0
    assert sorted(bulk.responses.values_list("location_key", "team_key", "role_group")) == sorted(
        real.responses.values_list("location_key", "team_key", "role_group")
    )
