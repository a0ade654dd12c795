"""Search in Dutch over what a person may see. Every test first creates private and
out-of-scope records holding the search word: a private journal entry, an unshared PD
write-up, a POP goal, a team-only action and knowledge entry, a learning group's theme, a
draft — and checks they never come back for anyone who may not read them. These tests run
on SQLite and on PostgreSQL (TEST_DATABASE_URL)."""

import datetime

import pytest

from lerend.collaboration.models import GroupMembership, LearningGroup
from lerend.improvement.models import Action, DevelopmentTheme, Goal
from lerend.knowledge import selectors, services, text
from lerend.learning import services as learning
from lerend.organisations.access import resolve_access

from .conftest import write

pytestmark = pytest.mark.django_db
WORD = "zandloper"


@pytest.fixture
def indexed(world, other_team_staff):
    org, staff = world.org, world.staff
    access = resolve_access(staff, org)
    today = datetime.date.today()
    learning.create_entry(organisation=org, owner=staff, body=f"Privé: de {WORD} geheim")
    plan = learning.get_or_create_plan(organisation=org, owner=staff, year=today.year)
    learning.add_goal(plan=plan, title=f"POP {WORD}doel")
    activity = learning.create_pd_activity(
        organisation=org,
        actor=world.coach,
        title="Cursus rust op de groep",
        kind="course",
        hours=4,
        cost=0,
        starts_on=today,
    )
    unshared = learning.register(access=access, actor=staff, activity=activity, person=staff)
    learning.save_writeup(participation=unshared, writeup=f"Ongedeeld over de {WORD}", shared=False)
    sharer = other_team_staff
    shared = learning.register(
        access=resolve_access(sharer, org), actor=sharer, activity=activity, person=sharer
    )
    learning.save_writeup(
        participation=shared, writeup="Gedeeld: de betrokkenheid steeg", shared=True
    )
    goal = Goal.objects.create(
        organisation=org,
        level="organisation",
        title="Meer ideeën van kinderen",
        starts_on=today,
        ends_on=today,
        building_blocks=["cultuur"],
    )
    Action.objects.create(
        organisation=org,
        team=world.team,
        goal=goal,
        due_on=today,
        title=f"De {WORD} bij het opruimen",
        owner=staff,
    )
    DevelopmentTheme.objects.create(
        organisation=org,
        title="VVE op alle locaties",
        description="Voorschoolse educatie samen voorbereiden",
    )
    group = LearningGroup.objects.create(
        organisation=org, kind="plg", name="Leerkring", theme=f"Onze {WORD} en de overgangen"
    )
    GroupMembership.objects.create(group=group, person=staff)
    write(staff, org, publish=False, team=world.team, title=f"Concept {WORD}", learned="x")
    write(staff, org, team=world.team, title=f"Team: {WORD} helpt", learned="Rustig opruimen")
    write(
        world.teamleader,
        org,
        visibility="organisation",
        title="Samen met de pm'ers",
        learned="De IB'er schoof aan bij de PLG",
        building_blocks=["team"],
    )
    services.reindex_organisation(organisation=org)
    # The same word in another organisation, visible to all its members.
    write(
        world.outsider,
        world.other_org,
        visibility="organisation",
        title=f"Elders {WORD}",
        learned="andere organisatie",
    )
    services.reindex_organisation(organisation=world.other_org)
    return world


def titles(world, person, query, org=None, **filters):
    access = resolve_access(person, org or world.org)
    return [r["entry"].title for r in selectors.search(access, query, **filters)]


def test_the_author_finds_team_items_and_own_group_never_private_records(indexed):
    found = titles(indexed, indexed.staff, WORD)
    assert sorted(found) == sorted(
        [f"De {WORD} bij het opruimen", "Leerkring", f"Team: {WORD} helpt"]
    )


def test_a_teammate_finds_team_items_not_the_group_they_are_not_in(indexed, teammate):
    assert sorted(titles(indexed, teammate, WORD)) == sorted(
        [f"De {WORD} bij het opruimen", f"Team: {WORD} helpt"]
    )


def test_another_team_and_the_outsider_find_nothing(indexed, other_team_staff):
    assert titles(indexed, other_team_staff, WORD) == []
    assert titles(indexed, indexed.outsider, WORD, org=indexed.other_org) == [f"Elders {WORD}"]


@pytest.mark.parametrize("persona", ["teamleader", "manager", "coach", "board", "admin"])
def test_leaders_find_team_items_never_private_ones(indexed, persona):
    found = titles(indexed, getattr(indexed, persona), WORD)
    assert sorted(found) == sorted([f"De {WORD} bij het opruimen", f"Team: {WORD} helpt"])


def test_stemming_and_prefix_betrokken_finds_betrokkenheid(indexed, teammate):
    assert titles(indexed, teammate, "betrokken") == ["Cursus rust op de groep"]


def test_diacritics_fold_both_ways(indexed):
    assert titles(indexed, indexed.staff, "ideeen") == ["Meer ideeën van kinderen"]
    assert titles(indexed, indexed.staff, "ideeën") == ["Meer ideeën van kinderen"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("VE", "VVE op alle locaties"),
        ("voorschoolse educatie", "VVE op alle locaties"),
        ("pedagogisch medewerkers", "Samen met de pm'ers"),
        ("intern begeleider", "Samen met de pm'ers"),
        ("professionele leergemeenschap", "Samen met de pm'ers"),
    ],
)
def test_synonyms(indexed, query, expected):
    assert expected in titles(indexed, indexed.staff, query)


def test_filters_by_type_and_block(indexed):
    assert titles(indexed, indexed.staff, "ideeen", kind="action") == []
    assert titles(indexed, indexed.staff, "ideeen", block="cultuur") == ["Meer ideeën van kinderen"]
    assert titles(indexed, indexed.staff, "ideeen", block="team") == []


def test_practices_are_found(indexed):
    assert "practice" in {
        r["entry"].kind
        for r in selectors.search(resolve_access(indexed.staff, indexed.org), "intervisie")
    }


def test_ranking_puts_a_title_hit_first(indexed):
    write(
        indexed.staff,
        indexed.org,
        visibility="organisation",
        title="Opruimen",
        learned="Over de tafel",
    )
    write(
        indexed.staff,
        indexed.org,
        visibility="organisation",
        title="Iets anders",
        learned="Soms ook opruimen, terloops genoemd in een langere tekst over van alles",
    )
    found = titles(indexed, indexed.staff, "opruimen", kind="knowledge")
    assert found[0] == "Opruimen"


def test_snippets_escape_html_and_mark_the_word(indexed):
    write(
        indexed.staff,
        indexed.org,
        visibility="organisation",
        title="<script>alert(1)</script>",
        learned="<img src=x onerror=alert(1)> de zandloperstand",
    )
    result = next(
        r
        for r in selectors.search(resolve_access(indexed.staff, indexed.org), "zandloper")
        if r["entry"].kind == "knowledge" and "script" in r["entry"].title
    )
    assert "<script>" not in str(result["title"]) and "&lt;script&gt;" in str(result["title"])
    assert "<img" not in str(result["snippet"])
    assert "<mark>zandloperstand</mark>" in str(result["snippet"])


def test_operators_in_the_query_are_plain_words(indexed):
    for query in ['"', "a AND OR NOT (", "*", "'", "zand:*", "NEAR(", "-- ;"]:
        titles(indexed, indexed.staff, query)  # no error


def test_unpublishing_and_editing_follow_at_once(indexed):
    access = resolve_access(indexed.staff, indexed.org)
    entry = write(
        indexed.staff, indexed.org, visibility="organisation", title="Kringgesprek", learned="kort"
    )
    assert titles(indexed, indexed.admin, "kringgesprek") == ["Kringgesprek"]
    services.update_entry(
        access=access,
        actor=indexed.staff,
        entry=entry,
        title="Kringgesprek",
        learned="kort",
        visibility="team",
        team=indexed.team,
    )
    assert titles(indexed, indexed.board, "kringgesprek") == ["Kringgesprek"]
    services.delete_entry(access=access, actor=indexed.staff, entry=entry)
    assert titles(indexed, indexed.board, "kringgesprek") == []


def test_reindex_is_idempotent_and_drops_what_became_private(indexed):
    assert services.reindex_organisation(organisation=indexed.org) == {
        "added": 0,
        "changed": 0,
        "removed": 0,
    }
    from lerend.learning.models import Participation

    Participation.objects.filter(writeup_shared=True).update(writeup_shared=False)
    assert services.reindex_organisation(organisation=indexed.org)["removed"] == 1
    assert titles(indexed, indexed.admin, "betrokken") == []


def test_search_page_and_api(client, indexed, url):
    client.force_login(indexed.staff)
    page = client.get(url("knowledge:search"), {"q": WORD})
    assert page.status_code == 200 and "<mark>" in page.text and "geheim" not in page.text
    partial = client.get(url("knowledge:search"), {"q": WORD}, headers={"HX-Request": "true"})
    assert "<html" not in partial.text and "Leerkring" in partial.text


def test_api_search_only_what_the_key_holder_may_see(client, indexed, other_team_staff):
    from lerend.api import services as api

    _t, key = api.create_token(person=other_team_staff, organisation=indexed.org, name="k", days=30)
    response = client.get(
        "/api/v1/o/regenboog/search", {"q": WORD}, headers={"Authorization": f"Bearer {key}"}
    )
    assert response.status_code == 200 and response.json()["results"] == []
    response = client.get(
        "/api/v1/o/regenboog/search", {"q": "betrokken"}, headers={"Authorization": f"Bearer {key}"}
    )
    assert [r["kind"] for r in response.json()["results"]] == ["pd_writeup"]
    assert (
        client.get(
            "/api/v1/o/elders/search", {"q": WORD}, headers={"Authorization": f"Bearer {key}"}
        ).status_code
        == 404
    )


def test_query_terms_pipeline():
    assert text.query_terms("Betrokkenheid") == [("betrokkenheid", "betrokken", True)]
    assert text.query_terms("VVE")[0][0] == "zsynve"


@pytest.mark.parametrize("n", [1, 3])
def test_search_costs_the_same_for_1_and_3_results(world, django_assert_num_queries, n):
    for i in range(n):
        write(
            world.staff, world.org, visibility="organisation", title=f"Kring {i}", learned="kring"
        )
    access = resolve_access(world.staff, world.org)
    with django_assert_num_queries(2):
        assert len(selectors.search(access, "kring", kind="knowledge")) == n


def test_api_refuses_odd_filters_without_a_server_error(client, indexed):
    from lerend.api import services as api

    _t, key = api.create_token(person=indexed.staff, organisation=indexed.org, name="k", days=30)
    response = client.get(
        "/api/v1/o/regenboog/search",
        {"q": "zandloper", "kind": "A\x00b"},
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 422
