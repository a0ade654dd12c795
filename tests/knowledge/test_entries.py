"""Knowledge entries: the template, draft -> published, audiences, the review reminder.
Every persona first meets drafts and team-only entries holding a search-worthy word."""

import datetime

import pytest
from django.core import mail

from lerend.knowledge import selectors, services, tasks
from lerend.knowledge.models import KnowledgeEntry
from lerend.organisations.access import resolve_access
from lerend.organisations.models import AuditEntry

from .conftest import write

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(world):
    draft = write(
        world.staff,
        world.org,
        publish=False,
        team=world.team,
        title="Zandloperconcept",
        learned="Zandloper geheim",
    )
    team_only = write(
        world.staff,
        world.org,
        team=world.team,
        title="Zandloper op de groep",
        learned="De zandloper helpt bij opruimen",
    )
    org_wide = write(
        world.staff,
        world.org,
        visibility="organisation",
        title="Buiten spelen",
        learned="Elke dag naar buiten",
    )
    return {"draft": draft, "team": team_only, "org": org_wide}


def test_the_author_reads_drafts_and_published(client, world, entries, url):
    client.force_login(world.staff)
    for entry in entries.values():
        assert client.get(url("knowledge:detail", knowledge_id=entry.pk)).status_code == 200
    page = client.get(url("knowledge:index")).text
    assert "Zandloperconcept" in page


def test_a_teammate_reads_the_team_entry_never_the_draft(client, world, entries, teammate, url):
    client.force_login(teammate)
    assert client.get(url("knowledge:detail", knowledge_id=entries["team"].pk)).status_code == 200
    assert client.get(url("knowledge:detail", knowledge_id=entries["draft"].pk)).status_code == 404
    assert client.get(url("knowledge:edit", knowledge_id=entries["team"].pk)).status_code == 404
    assert "Zandloperconcept" not in client.get(url("knowledge:index")).text


def test_a_colleague_of_another_team_gets_404(client, world, entries, other_team_staff, url):
    client.force_login(other_team_staff)
    assert client.get(url("knowledge:detail", knowledge_id=entries["team"].pk)).status_code == 404
    assert client.get(url("knowledge:detail", knowledge_id=entries["draft"].pk)).status_code == 404
    assert client.get(url("knowledge:detail", knowledge_id=entries["org"].pk)).status_code == 200
    page = client.get(url("knowledge:index")).text
    assert "Zandloper" not in page and "Buiten spelen" in page


@pytest.mark.parametrize("persona", ["teamleader", "manager", "coach", "board"])
def test_leaders_covering_the_team_read_it_never_the_draft(client, world, entries, url, persona):
    client.force_login(getattr(world, persona))
    assert client.get(url("knowledge:detail", knowledge_id=entries["team"].pk)).status_code == 200
    assert client.get(url("knowledge:detail", knowledge_id=entries["draft"].pk)).status_code == 404


def test_outsider_gets_404(client, world, entries, url):
    client.force_login(world.outsider)
    for entry in entries.values():
        assert client.get(url("knowledge:detail", knowledge_id=entry.pk)).status_code == 404
    assert client.get(url("knowledge:index")).status_code == 404


def test_create_edit_publish_through_the_pages_is_audited(client, world, url):
    client.force_login(world.staff)
    response = client.post(
        url("knowledge:create"),
        {
            "title": "Kringgesprek",
            "learned": "Korte kring werkt beter",
            "visibility": "team",
            "team": world.team.pk,
            "building_blocks": ["team"],
        },
    )
    entry = KnowledgeEntry.objects.get(title="Kringgesprek")
    assert response.status_code == 302 and entry.status == "concept"
    assert entry.review_on > datetime.date.today()
    client.post(url("knowledge:publish", knowledge_id=entry.pk))
    entry.refresh_from_db()
    assert entry.is_published
    actions = set(
        AuditEntry.objects.filter(organisation=world.org).values_list("action", flat=True)
    )
    assert {"knowledge.entry.create", "knowledge.entry.publish"} <= actions


def test_a_team_of_someone_else_cannot_be_chosen(world, other_team_staff):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        write(other_team_staff, world.org, team=world.team)


def test_review_reminder_mails_once_and_shows_a_home_task(client, world, url):
    entry = write(
        world.staff,
        world.org,
        team=world.team,
        review_on=datetime.date.today() - datetime.timedelta(days=1),
    )
    assert tasks.ask_whether_still_right.call() == 1
    assert tasks.ask_whether_still_right.call() == 0
    assert len(mail.outbox) == 1 and "/o/regenboog/kennis/" in mail.outbox[0].body
    client.force_login(world.staff)
    assert (
        "still right" in client.get(url("web:org_home")).text.lower()
        or "klopt" in client.get(url("web:org_home")).text.lower()
    )
    services.confirm_review(
        access=resolve_access(world.staff, world.org), actor=world.staff, entry=entry
    )
    assert not selectors.entries_to_review(resolve_access(world.staff, world.org), world.staff)


@pytest.mark.parametrize("n", [1, 3])
def test_index_and_detail_queries_are_flat(client, world, url, django_assert_max_num_queries, n):
    for i in range(n):
        write(
            world.staff,
            world.org,
            visibility="organisation",
            title=f"Item {i}",
            origin_kind="leergroep",
            origin_id=999,
        )
    client.force_login(world.staff)
    with django_assert_max_num_queries(12):
        assert client.get(url("knowledge:index")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(url("knowledge:search"), {"q": "item"}).status_code == 200
