import sqlite3
import threading
from contextlib import closing, contextmanager

import pytest
from django.db import connection, connections
from django.db.models import ForeignKey
from django.test.utils import CaptureQueriesContext

from lerend.scans.models import (
    Aggregate,
    Answer,
    DimensionAggregate,
    ItemAggregate,
    Response,
    ScanInvitation,
)
from lerend.scans.services_respond import DONT_KNOW, AlreadySubmitted, submit
from tests.factories import member

from .test_campaign_support import invitation_of, launched


def _fill(invitation, answers, comments=None):
    invitation.draft = {"answers": answers, "comments": comments or {}, "page": 1}
    ScanInvitation.objects.filter(pk=invitation.pk).update(draft=invitation.draft)


def _row(agg):
    return (agg.n, agg.total, agg.total_sq, agg.histogram, agg.dont_know)


def test_submit_writes_item_and_dimension_aggregates(world):
    campaign = launched(world)
    instrument = campaign.instrument_version.instrument
    keys = [item.key for item in instrument.items]
    first = invitation_of(campaign, world.staff)
    _fill(first, {keys[0]: 5, keys[1]: DONT_KNOW, keys[2]: 2})
    submit(invitation=first, instrument=instrument)
    other = ScanInvitation.objects.get(campaign=campaign, person=world.teamleader)
    _fill(other, {keys[0]: 3, keys[1]: 4})
    submit(invitation=other, instrument=instrument)

    staff_cell = {
        "location_key": world.location.pk,
        "team_key": world.team.pk,
        "role_group": "medewerkers",
    }
    item0 = ItemAggregate.objects.get(campaign=campaign, item_key=keys[0], **staff_cell)
    assert _row(item0) == (1, 5, 25, (0, 0, 0, 0, 1), 0)
    item1 = ItemAggregate.objects.get(campaign=campaign, item_key=keys[1], **staff_cell)
    assert _row(item1) == (0, 0, 0, (0, 0, 0, 0, 0), 1)
    lead_cell = dict(staff_cell, role_group="leiding")
    item1_lead = ItemAggregate.objects.get(campaign=campaign, item_key=keys[1], **lead_cell)
    assert _row(item1_lead) == (1, 4, 16, (0, 0, 0, 1, 0), 0)
    assert ItemAggregate.objects.filter(campaign=campaign).count() == 5

    # The pulse has all twelve dimensions on one page, one item each.
    dim0 = DimensionAggregate.objects.get(
        campaign=campaign, dimension_key=instrument.items[0].dimension, **staff_cell
    )
    assert _row(dim0) == (1, 5, 25, (0, 0, 0, 0, 1), 0)
    assert (dim0.respondents, dim0.score_total, dim0.score_total_sq) == (1, 5.0, 25.0)
    dim1 = DimensionAggregate.objects.get(
        campaign=campaign, dimension_key=instrument.items[1].dimension, **staff_cell
    )
    assert (_row(dim1), dim1.respondents) == ((0, 0, 0, (0, 0, 0, 0, 0), 1), 0)


def test_submit_adds_up_in_one_cell_and_reverses_reversed_items(world):
    people = [world.staff, member(world.org, team=world.team)]
    campaign = launched(world, key="lerende-organisatiescan")
    instrument = campaign.instrument_version.instrument
    reversed_item = next(item for item in instrument.items if item.reverse)
    sibling = next(
        item for item in instrument.items_for(reversed_item.dimension) if not item.reverse
    )
    for person, (rev, plain) in zip(people, [(1, 4), (2, DONT_KNOW)], strict=True):
        invitation = invitation_of(campaign, person)
        _fill(invitation, {reversed_item.key: rev, sibling.key: plain})
        submit(invitation=invitation, instrument=instrument)

    cell = {
        "location_key": world.location.pk,
        "team_key": world.team.pk,
        "role_group": "medewerkers",
    }
    rev = ItemAggregate.objects.get(campaign=campaign, item_key=reversed_item.key, **cell)
    # answered 1 and 2 on a 5-point scale -> scores 5 and 4
    assert _row(rev) == (2, 9, 41, (0, 0, 0, 1, 1), 0)
    assert rev.dimension_key == reversed_item.dimension
    plain = ItemAggregate.objects.get(campaign=campaign, item_key=sibling.key, **cell)
    assert _row(plain) == (1, 4, 16, (0, 0, 0, 1, 0), 1)
    dim = DimensionAggregate.objects.get(
        campaign=campaign, dimension_key=reversed_item.dimension, **cell
    )
    assert _row(dim) == (3, 13, 57, (0, 0, 0, 2, 1), 1)
    # person 1: mean (5 + 4) / 2 = 4.5; person 2: 4
    assert (dim.respondents, dim.score_total, dim.score_total_sq) == (2, 8.5, 36.25)
    # the answers keep the value as given, not reversed
    assert sorted(
        Answer.objects.filter(item_key=reversed_item.key, response__campaign=campaign).values_list(
            "value", flat=True
        )
    ) == [1, 2]


def _full_answers(instrument):
    return {item.key: (i % 5) + 1 for i, item in enumerate(instrument.items)}


@pytest.mark.parametrize("key", ["pulse", "lerende-organisatiescan"])
def test_submit_query_count_is_fixed_and_at_most_six(world, key):
    campaign = launched(world, key=key)
    instrument = campaign.instrument_version.instrument
    invitation = invitation_of(campaign, world.staff)
    questions = {q.key: "Meer tijd samen" for q in instrument.open_questions}
    _fill(invitation, _full_answers(instrument), questions)
    with CaptureQueriesContext(connection) as queries:
        submit(invitation=invitation, instrument=instrument)
    # Inside the test's transaction: no BEGIN/COMMIT, only the submit's own four statements.
    assert len(queries) == 4, [q["sql"][:70] for q in queries]
    assert Answer.objects.filter(response__campaign=campaign).count() == len(instrument.items)
    assert ItemAggregate.objects.filter(campaign=campaign).count() == len(instrument.items)
    assert DimensionAggregate.objects.filter(campaign=campaign).count() == len(
        instrument.dimensions
    )
    assert Aggregate.objects.filter(campaign=campaign).count() == len(instrument.items) + len(
        instrument.dimensions
    )


def test_submit_twice_stores_one_response(world):
    campaign = launched(world)
    instrument = campaign.instrument_version.instrument
    invitation = invitation_of(campaign, world.staff)
    _fill(invitation, _full_answers(instrument))
    stale = ScanInvitation.objects.get(pk=invitation.pk)  # the second tab
    submit(invitation=invitation, instrument=instrument)
    with pytest.raises(AlreadySubmitted):
        submit(invitation=stale, instrument=instrument)
    assert Response.objects.filter(campaign=campaign).count() == 1
    assert (
        ItemAggregate.objects.get(
            campaign=campaign, item_key=instrument.items[0].key, role_group="medewerkers"
        ).n
        == 1
    )
    invitation.refresh_from_db()
    assert invitation.draft == {}


def test_response_has_no_person_time_or_client_fields(world):
    fields = {f.name: f for f in Response._meta.get_fields()}
    assert not any(
        isinstance(f, ForeignKey) and f.related_model._meta.label == "accounts.User"
        for f in fields.values()
    )
    concrete = {f.name for f in Response._meta.concrete_fields}
    assert concrete == {
        "id",
        "campaign",
        "location_key",
        "team_key",
        "role_group",
        "submitted_on",
        "comments",
    }
    assert type(fields["submitted_on"]).__name__ == "DateField"


def test_submit_stores_comments_with_their_dimension(world):
    campaign = launched(world, key="lerende-organisatiescan")
    instrument = campaign.instrument_version.instrument
    question = instrument.open_questions[0]
    invitation = invitation_of(campaign, world.staff)
    _fill(invitation, {}, {question.key: "Meer samen leren", "bestaat.niet": "x"})
    response = submit(invitation=invitation, instrument=instrument)
    response.refresh_from_db()
    assert response.comments == [
        {"question": question.key, "dimension": question.dimension, "text": "Meer samen leren"}
    ]


@contextmanager
def _file_database_for_threads(tmp_path):
    """Threads must hit a real SQLite file in WAL mode (the in-memory test database uses
    shared-cache table locks, which production never sees): copy the prepared database to
    a file and let new connections (one per thread) open that file. PostgreSQL: as is."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield None
        return
    path = tmp_path / "concurrent.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    # Production's file has been in WAL mode since its first connection; switching modes
    # needs exclusive access, so do it now rather than in 16 racing threads.
    target.execute("PRAGMA journal_mode=WAL")
    target.close()
    settings_dict = connections.settings["default"]
    old_name = settings_dict["NAME"]
    settings_dict["NAME"] = str(path)
    try:
        yield path
    finally:
        settings_dict["NAME"] = old_name


def _count(path, sql, params=()):
    if path is None:
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("?", "%s"), params)
            return cursor.fetchone()[0]
    with closing(sqlite3.connect(path)) as db:
        return db.execute(sql, params).fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_submit_concurrently_loses_nothing(world, tmp_path):
    people = [member(world.org, team=world.team) for _ in range(16)]
    campaign = launched(world)
    instrument = campaign.instrument_version.instrument
    invitations = [invitation_of(campaign, p) for p in people]
    for invitation in invitations:
        _fill(invitation, _full_answers(instrument))
    errors = []
    barrier = threading.Barrier(len(invitations))

    def work(invitation):
        try:
            barrier.wait()
            submit(invitation=invitation, instrument=instrument)
        except Exception as error:  # noqa: BLE001 — reported below
            errors.append(repr(error))
        finally:
            connection.close()

    with _file_database_for_threads(tmp_path) as path:
        threads = [threading.Thread(target=work, args=(i,)) for i in invitations]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    table = ItemAggregate._meta.db_table
    assert (
        _count(path, "SELECT COUNT(*) FROM scans_response WHERE campaign_id = ?", [campaign.pk])
        == 16
    )
    assert (
        _count(
            path,
            f"SELECT n FROM {table} WHERE campaign_id = ? AND item_key = ?",
            [campaign.pk, instrument.items[0].key],
        )
        == 16
    )


def _statements_of_a_fresh_submit(world, key):
    campaign = launched(world, key=key)
    instrument = campaign.instrument_version.instrument
    invitation = invitation_of(campaign, world.staff)
    _fill(invitation, _full_answers(instrument))
    with CaptureQueriesContext(connection) as queries:
        submit(invitation=invitation, instrument=instrument)
    return len(instrument.items), [q["sql"].split()[0].upper() for q in queries]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("key", ["pulse", "lerende-organisatiescan"])
def test_submit_outside_a_transaction_is_six_statements_with_begin_and_commit(world, key):
    # As in bench/scan.py and a real request: submit opens the transaction itself and Django
    # logs BEGIN and COMMIT too. Six by any count: one upsert for items AND dimensions.
    _items, statements = _statements_of_a_fresh_submit(world, key)
    assert statements == ["BEGIN", "UPDATE", "INSERT", "INSERT", "INSERT", "COMMIT"]


@pytest.mark.django_db(transaction=True)
def test_submit_statements_are_the_same_for_12_and_59_items(world):
    small = _statements_of_a_fresh_submit(world, "pulse")
    large = _statements_of_a_fresh_submit(world, "lerende-organisatiescan")
    assert (small[0], large[0]) == (12, 59)
    assert small[1] == large[1] == ["BEGIN", "UPDATE", "INSERT", "INSERT", "INSERT", "COMMIT"]


def test_submit_keeps_item_and_dimension_rows_apart_in_the_one_table(world):
    campaign = launched(world, key="lerende-organisatiescan")
    instrument = campaign.instrument_version.instrument
    invitation = invitation_of(campaign, world.staff)
    _fill(invitation, _full_answers(instrument))
    submit(invitation=invitation, instrument=instrument)
    items = ItemAggregate.objects.filter(campaign=campaign)
    dimensions = DimensionAggregate.objects.filter(campaign=campaign)
    assert sorted(items.values_list("item_key", flat=True)) == sorted(
        item.key for item in instrument.items
    )
    assert sorted(dimensions.values_list("dimension_key", flat=True)) == sorted(
        d.key for d in instrument.dimensions
    )
    assert set(dimensions.values_list("item_key", flat=True)) == {""}
    # The other kind's columns stay zero on item rows.
    assert set(items.values_list("respondents", "score_total", "score_total_sq", "complete_n")) == {
        (0, 0.0, 0.0, 0)
    }
