"""Issue 15 §1, freshness: other apps' records reach the search when they change, not the
next day. The apps name their models in contrib.py (``search_models``); knowledge listens
through the registry and refreshes that app's part after the commit."""

import datetime

import pytest

from lerend.improvement import services as improvement
from lerend.improvement.models import Goal
from lerend.kit import contrib
from lerend.knowledge import selectors, services
from lerend.knowledge.models import SearchEntry
from lerend.learning import services as learning
from lerend.organisations.access import resolve_access

pytestmark = pytest.mark.django_db


def titles(world, person, query):
    access = resolve_access(person, world.org)
    return [r["entry"].title for r in selectors.search(access, query)]


def test_a_new_goal_is_findable_at_once_and_a_deleted_one_disappears(
    world, django_capture_on_commit_callbacks
):
    services.reindex_organisation(organisation=world.org)
    today = datetime.date.today()
    with django_capture_on_commit_callbacks(execute=True):
        goal = improvement.create_goal(
            organisation=world.org,
            actor=world.board,
            level="organisation",
            title="Kaleidoscoop in elke groep",
            owner=world.board,
            why="Spelen met kaleidoscopen",
            starts_on=today,
            ends_on=today + datetime.timedelta(days=90),
        )
    assert titles(world, world.staff, "kaleidoscoop") == ["Kaleidoscoop in elke groep"]
    with django_capture_on_commit_callbacks(execute=True):
        Goal.objects.filter(pk=goal.pk).first().delete()
    assert titles(world, world.staff, "kaleidoscoop") == []
    assert not SearchEntry.objects.filter(kind="goal", key=str(goal.pk)).exists()


def test_an_unshared_writeup_leaves_the_search_at_once(world, django_capture_on_commit_callbacks):
    org, staff = world.org, world.staff
    access = resolve_access(staff, org)
    with django_capture_on_commit_callbacks(execute=True):
        activity = learning.create_pd_activity(
            organisation=org,
            actor=world.coach,
            title="Cursus fluisterboog",
            kind="course",
            hours=2,
            cost=0,
            starts_on=datetime.date.today(),
        )
        participation = learning.register(
            access=access, actor=staff, activity=activity, person=staff
        )
        learning.save_writeup(participation=participation, writeup="Wat ik leerde", shared=True)
    assert titles(world, world.teamleader, "fluisterboog") == ["Cursus fluisterboog"]
    with django_capture_on_commit_callbacks(execute=True):
        learning.save_writeup(participation=participation, writeup="Wat ik leerde", shared=False)
    assert titles(world, world.teamleader, "fluisterboog") == []


def test_a_rolled_back_change_refreshes_nothing_and_later_changes_still_do(
    world, django_capture_on_commit_callbacks
):
    from django.db import transaction

    today = datetime.date.today()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                Goal.objects.create(
                    organisation=world.org,
                    level="organisation",
                    title="Weg ermee",
                    starts_on=today,
                    ends_on=today,
                )
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == []
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            Goal.objects.create(
                organisation=world.org,
                level="organisation",
                title=f"Windmolen {n}",
                starts_on=today,
                ends_on=today,
            )
    assert sorted(titles(world, world.staff, "windmolen")) == [f"Windmolen {n}" for n in range(3)]


def test_one_refresh_per_app_and_organisation_per_transaction(
    world, django_capture_on_commit_callbacks
):
    today = datetime.date.today()
    with django_capture_on_commit_callbacks() as callbacks:
        for n in range(5):
            Goal.objects.create(
                organisation=world.org,
                level="organisation",
                title=f"Doel {n}",
                starts_on=today,
                ends_on=today,
            )
    assert len(callbacks) == 1


def test_every_search_model_belongs_to_an_app_that_offers_documents():
    offering = set(contrib.search_sources_by_app())
    labels = contrib.search_models()
    assert {"improvement.Goal", "learning.Participation"} <= {label for _a, label, _p in labels}
    assert {app for app, _l, _p in labels} <= offering
