"""The one team chooser (lerend/organisations/team_picker.py): forms that choose teams show
only the chosen teams and a search box once the viewer may choose more than a handful, the
search keeps to the form's team scope and the organisation, and a posted team outside the
scope is a Dutch form error. Small scopes stay a plain select (decision 0023).

Leak tests first create the teams that could leak (a namesake in another organisation, a
team at another location), then try to reach them as a curious member would."""

import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lerend.organisations import team_picker
from lerend.organisations.access import resolve_access
from lerend.organisations.models import Role
from lerend.scans.models import Campaign
from tests.factories import LocationFactory, TeamFactory, member

pytestmark = pytest.mark.django_db

SLUG = "regenboog"


def url(name, **kwargs):
    return reverse(name, kwargs={"org_slug": SLUG, **kwargs})


@pytest.fixture
def always_search(monkeypatch):
    """Every scope is 'large': the chooser, not a select, whatever the number of teams."""
    monkeypatch.setattr(team_picker, "SELECT_AT_MOST", 0)


@pytest.fixture
def teams(world):
    """Namesakes: one at another location of the organisation and one in another one."""
    world.far = LocationFactory(organisation=world.org, name="De Zonnestraal")
    world.far_team = TeamFactory(location=world.far, name="Groep Zon")
    world.elsewhere = TeamFactory(
        location=LocationFactory(organisation=world.other_org, name="Elders"), name="Groep Zon"
    )
    world.far_manager = member(world.org, Role.LOCATIEMANAGER, location=world.far)
    return world


def _token_for(person, organisation, name, **params):
    request = RequestFactory().get("/")
    request.user, request.organisation = person, organisation
    request.access = resolve_access(person, organisation)
    return team_picker.scope(request, name, **params).token


def _search(client, token, q="", page=1):
    return client.get(
        url("organisations:team_search"), {"scope": token, "q": q, "field": "x", "page": page}
    )


def _values(html):
    return [int(v) for v in re.findall(r'data-value="(\d+)"', html)]


def _token(page_html, field):
    found = re.search(rf'id="id_{field}_picker"[^>]*data-scope="([^"]+)"', page_html)
    assert found, f"no team chooser for {field}"
    return found.group(1)


# --- the search endpoint ------------------------------------------------------------------


def test_search_by_team_or_location_name(client, teams):
    w = teams
    client.force_login(w.board)
    token = _token_for(w.board, w.org, "scans.campaign_teams")
    found = _search(client, token, "groep").text
    # By location, then name: De Vlinder's Pop and Rups, then De Zonnestraal's Zon.
    assert _values(found) == [w.other_team.pk, w.team.pk, w.far_team.pk]
    assert w.elsewhere.pk not in _values(found)
    # A location's name finds its teams, labelled with the location.
    by_location = _search(client, token, "zonnestraal").text
    assert _values(by_location) == [w.far_team.pk]
    assert 'data-label="Groep Zon (De Zonnestraal)"' in by_location
    assert "1 team gevonden." in by_location


def test_own_team_first(client, teams):
    w = teams
    # A location manager of De Vlinder who is also in team Pop: Pop before Rups.
    member(w.org, Role.MEDEWERKER, team=w.other_team, person=w.manager)
    client.force_login(w.manager)
    token = _token_for(w.manager, w.org, "scans.campaign_teams")
    assert _values(_search(client, token).text) == [w.other_team.pk, w.team.pk]


def test_another_organisations_team_never_appears(client, teams):
    w = teams
    client.force_login(w.board)
    token = _token_for(w.board, w.org, "scans.campaign_teams")
    assert w.elsewhere.pk not in _values(_search(client, token, "zon").text)
    assert _values(_search(client, token, "elders").text) == []


def test_search_refuses_a_token_of_someone_else_or_tampered(client, teams):
    w = teams
    client.force_login(w.board)
    token = _token_for(w.board, w.org, "scans.campaign_teams")
    assert _search(client, token, "groep").status_code == 200
    assert _search(client, token[:-2] + "xx").status_code == 404
    client.force_login(w.admin)
    assert _search(client, token).status_code == 404
    # Without a token: nothing, and no error.
    answer = client.get(url("organisations:team_search"), {"q": "groep"})
    assert answer.status_code == 200 and _values(answer.text) == []
    # The people picker's tokens are not team tokens (other salt): refused.
    from tests.organisations.test_picker import _token_for as people_token

    assert _search(client, people_token(w.admin, w.org, "improvement.people")).status_code == 404


def test_a_location_manager_searches_only_their_locations_teams(client, teams):
    w = teams
    client.force_login(w.far_manager)
    token = _token_for(w.far_manager, w.org, "scans.campaign_teams")
    assert _values(_search(client, token, "groep").text) == [w.far_team.pk]


def test_search_pages_ten_at_a_time(client, world):
    for n in range(23):
        TeamFactory(location=world.location, name=f"Pagina {n:02d}")
    client.force_login(world.board)
    token = _token_for(world.board, world.org, "scans.campaign_teams")
    first = _search(client, token, "pagina").text
    assert len(_values(first)) == 10 and 'data-more="2"' in first
    third = _search(client, token, "pagina", page=3).text
    assert len(_values(third)) == 3 and "data-more" not in third


def _count(callable_):
    with CaptureQueriesContext(connection) as queries:
        response = callable_()
    assert response.status_code == 200
    return len(queries)


def test_search_query_count_is_flat(client, world):
    client.force_login(world.board)
    token = _token_for(world.board, world.org, "scans.campaign_teams")
    TeamFactory(location=world.location, name="Groep Vlinder")
    one = _count(lambda: _search(client, token, "groep"))
    for n in range(2):
        location = LocationFactory(organisation=world.org)
        TeamFactory(location=location, name=f"Groep Extra {n}")
    three = _count(lambda: _search(client, token, "groep"))
    assert one == three


# --- the campaign form (scans) --------------------------------------------------------------


def _campaign_post(w, **extra):
    from tests.scans.test_campaign_views import _form

    return _form(w, **extra)


def test_campaign_form_shows_a_chooser_not_every_team(client, teams, always_search):
    w = teams
    client.force_login(w.board)
    page = client.get(url("scans:create")).text
    assert _token(page, "teams")
    assert w.team.name not in page and w.far_team.name not in page
    assert 'role="status"' in page


def test_campaign_refuses_a_team_outside_the_scope(client, teams, always_search):
    w = teams
    client.force_login(w.far_manager)
    for team in (w.team, w.elsewhere):  # another location's, another organisation's
        answer = client.post(url("scans:create"), _campaign_post(w, teams=[team.pk]))
        assert answer.status_code == 200
        assert "Kies teams uit de lijst" in answer.text
    assert not Campaign.objects.exists()
    answer = client.post(url("scans:create"), _campaign_post(w, teams=[w.far_team.pk]))
    assert answer.status_code == 302, answer.text[:3000]
    assert list(Campaign.objects.get().teams.all()) == [w.far_team]


def test_campaign_no_js_search_then_select(client, teams, always_search):
    w = teams
    client.force_login(w.board)
    data = _campaign_post(w, teams__q="zonnestraal", _picker="teams")
    page = client.post(url("scans:create"), data).text
    assert "Gevonden teams voor" in page
    assert f'value="{w.far_team.pk}"' in page and 'value="Pulse voorjaar"' in page
    assert "errorlist" not in page
    assert not Campaign.objects.exists()
    answer = client.post(url("scans:create"), _campaign_post(w, teams=[w.far_team.pk]))
    assert answer.status_code == 302


def test_campaign_form_query_count_is_flat(client, world, always_search):
    client.force_login(world.board)
    client.get(url("scans:create"))  # warm: caches filled on the first visit
    one = _count(lambda: client.get(url("scans:create")))
    for n in range(2):
        TeamFactory(location=LocationFactory(organisation=world.org), name=f"Groep {n}")
    three = _count(lambda: client.get(url("scans:create")))
    assert one == three


def test_a_small_scope_stays_a_select(client, teams):
    """At most SELECT_AT_MOST teams: a plain list, every team of the scope with its location,
    never another organisation's (decision 0023)."""
    w = teams
    client.force_login(w.board)
    page = client.get(url("scans:create")).text
    assert 'id="id_teams_picker"' not in page
    assert "Groep Zon (De Zonnestraal)" in page
    assert f'name="teams" value="{w.elsewhere.pk}"' not in page
    assert "Groep Rups (De Vlinder)" in page


# --- every form that chooses a team -----------------------------------------------------------

# (url name, field, who posts: a role whose scope leaves out team ``far_team`` or ``team``)
FORMS = [
    ("scans:create", "teams", "far_manager", "team"),
    ("learning:pd_budget", "team", "far_manager", "team"),
    ("learning:reflection_create", "team", "teamleader", "far_team"),
    ("monitoring:round_create", "team", "teamleader", "far_team"),
    ("monitoring:indicator_create", "team", "teamleader", "far_team"),
    ("monitoring:experiment_create", "teams", "teamleader", "far_team"),
    ("coaching:assignment_create", "team", "admin", None),
    ("collaboration:visit_create", "team", "staff", None),
    ("organisations:invite", "team", "admin", None),
    ("organisations:membership_create", "team", "admin", None),
    ("knowledge:create", "team", "staff", "other_team"),
]
FORM_IDS = [name for name, *_ in FORMS]


def _kwargs(name, w):
    return {"person_id": w.staff.pk} if name == "organisations:membership_create" else {}


@pytest.mark.parametrize(("name", "field", "who", "outside"), FORMS, ids=FORM_IDS)
def test_each_form_refuses_a_team_outside_its_scope(client, teams, name, field, who, outside):
    """Another organisation's team, and a team of the organisation the viewer may not
    choose here, are a form error on the field — never saved."""
    w = teams
    client.force_login(getattr(w, who))
    refused = [w.elsewhere] + ([getattr(w, outside)] if outside else [])
    for team in refused:
        answer = client.post(url(name, **_kwargs(name, w)), {field: [team.pk], "kind": "team"})
        assert answer.status_code == 200, name
        errors = answer.context["form"].errors
        assert field in errors, (name, team.name, errors)
        assert "Kies een team uit de lijst" in str(
            errors[field]
        ) or "Kies teams uit de lijst" in str(errors[field])


@pytest.mark.parametrize(("name", "field", "who", "outside"), FORMS, ids=FORM_IDS)
def test_each_form_shows_the_chooser_and_its_query_count_is_flat(
    client, world, always_search, name, field, who, outside
):
    """At one team and at three teams (on three locations) the page costs the same, and
    lists no team: only the chooser with its signed token."""
    world.far_manager = member(world.org, Role.LOCATIEMANAGER, location=world.location)
    member(world.org, Role.MEDEWERKER, team=world.team, person=world.admin)
    client.force_login(getattr(world, who))
    target = url(name, **_kwargs(name, world))
    client.get(target)  # warm: caches filled on the first visit
    one = _count(lambda: client.get(target))
    for n in range(2):
        TeamFactory(location=LocationFactory(organisation=world.org), name=f"Groep Extra {n}")
    page = client.get(target).text
    assert _token(page, field)
    assert "Groep Extra" not in page
    three = _count(lambda: client.get(target))
    assert one == three, name


def test_share_form_offers_only_ones_own_teams(teams):
    """The journal share form's team (learning.own_teams): one's own team only; another team
    of the organisation or another organisation's team is a form error."""
    from lerend.learning.forms.sharing import ShareForm
    from lerend.organisations import picker

    w = teams
    request = RequestFactory().get("/")
    request.user, request.organisation = w.staff, w.org
    request.access = resolve_access(w.staff, w.org)

    def form(team):
        return ShareForm(
            {"team": team.pk},
            people=picker.scope(request, "learning.share_targets"),
            teams=team_picker.scope(request, "learning.own_teams"),
        )

    for team in (w.other_team, w.far_team, w.elsewhere):
        refused = form(team)
        assert not refused.is_valid()
        assert "Kies een team uit de lijst" in str(refused.errors["team"])
    chosen = form(w.team)
    assert chosen.is_valid(), chosen.errors
    assert chosen.cleaned_data["target"] == {"team": w.team}


def test_no_js_search_on_a_single_team_form(client, teams, always_search):
    """The well-being round (one group): the search button lists the matches as radios,
    keeps what was typed, saves nothing; then choosing one starts the round."""
    from lerend.monitoring.models import WellbeingRound

    w = teams
    client.force_login(w.board)
    data = {"team__q": "zon", "_picker": "team", "first_on": "2026-03-02"}
    page = client.post(url("monitoring:round_create"), data).text
    assert "Gevonden teams voor" in page
    assert f'type="radio" name="team" value="{w.far_team.pk}"' in page
    assert f'value="{w.elsewhere.pk}"' not in page
    assert 'value="2026-03-02"' in page and "errorlist" not in page
    assert not WellbeingRound.objects.exists()


def test_a_required_select_with_one_team_has_it_chosen(client, world):
    """A team leader's reflection: their one team is the select's only option, chosen; with
    two teams to choose from a blank comes first, so nobody saves a team by accident."""
    client.force_login(world.teamleader)
    page = client.get(url("learning:reflection_create")).text
    select = re.search(r'<select name="team"[^>]*>(.*?)</select>', page, re.S).group(1)
    assert '<option value=""' not in select and "Groep Rups" in select
    member(world.org, Role.MEDEWERKER, team=world.other_team, person=world.teamleader)
    page = client.get(url("learning:reflection_create")).text
    select = re.search(r'<select name="team"[^>]*>(.*?)</select>', page, re.S).group(1)
    assert select.index('<option value=""') < select.index("Groep Pop")
