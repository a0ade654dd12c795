"""The one people picker (lerend/organisations/picker.py): every form that chooses people
renders only the chosen ones and a search box, its search endpoint keeps to the form's scope
and the organisation, and a posted id outside the scope is a Dutch form error.

Leak tests first create the people who could leak (an outsider with the searched name, a
colleague in another team), then try to reach them as a curious member would."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lerend.improvement.models import Action
from lerend.organisations import picker
from tests.factories import member

pytestmark = pytest.mark.django_db

SLUG = "regenboog"


def url(name, **kwargs):
    return reverse(name, kwargs={"org_slug": SLUG, **kwargs})


def _token(page_html, field):
    found = re.search(rf'id="id_{field}_picker"[^>]*data-scope="([^"]+)"', page_html) or re.search(
        rf'data-scope="([^"]+)"[^>]*data-field="id_{field}"', page_html
    )
    assert found, f"no picker for {field}"
    return found.group(1)


def _token_for(person, organisation, name, **params):
    """The token a form page would give ``person`` for the scope ``name``."""
    from django.test import RequestFactory

    from lerend.organisations.access import resolve_access

    request = RequestFactory().get("/")
    request.user, request.organisation = person, organisation
    request.access = resolve_access(person, organisation)
    return picker.scope(request, name, **params).token


def _search(client, token, q="", page=1):
    return client.get(
        url("organisations:people_search"), {"scope": token, "q": q, "field": "x", "page": page}
    )


def _values(html):
    return [int(v) for v in re.findall(r'data-value="(\d+)"', html)]


@pytest.fixture
def crowd(world):
    """Namesakes everywhere: in the team, in the other team and in another organisation."""
    world.same_team = member(world.org, team=world.team, person__name="Zoë Zoeker")
    world.other_team_person = member(
        world.org, team=world.other_team, person__name="Zoë Andersteam"
    )
    world.elsewhere = member(world.other_org, person__name="Zoë Elders")
    return world


# --- the search endpoint ------------------------------------------------------------------


def test_search_finds_by_name_and_email_and_puts_own_team_first(client, crowd):
    w = crowd
    client.force_login(w.teamleader)
    token = _token_for(w.teamleader, w.org, "improvement.people")
    html = _search(client, token, "zoë").text
    # Own team first, then the rest of the organisation; never the other organisation.
    assert _values(html) == [w.same_team.pk, w.other_team_person.pk]
    assert w.elsewhere.name not in html
    assert _values(_search(client, token, w.same_team.email.split("@")[0]).text) == [w.same_team.pk]
    assert "2 mensen gevonden." in html


def test_search_pages_ten_at_a_time(client, world):
    for n in range(23):
        member(world.org, team=world.other_team, person__name=f"Pagina {n:02d}")
    client.force_login(world.board)
    token = _token_for(world.board, world.org, "improvement.people")
    first = _search(client, token, "pagina").text
    assert len(_values(first)) == 10
    assert 'data-more="2"' in first
    third = _search(client, token, "pagina", page=3).text
    assert len(_values(third)) == 3
    assert "data-more" not in third


def test_action_owner_search_keeps_to_the_team(client, crowd):
    """An action's owner comes from its team, not the organisation: searching from the
    action of team Rups finds no one of team Pop, even by exact name."""
    w = crowd
    today = datetime.date.today()
    action = Action.objects.create(
        organisation=w.org, team=w.team, title="Actie", due_on=today, owner=w.staff
    )
    client.force_login(w.teamleader)
    page = client.get(url("improvement:action_edit", action_id=action.pk)).text
    token = _token(page, "owner")
    assert _values(_search(client, token, "zoë").text) == [w.same_team.pk]
    assert _values(_search(client, token, "Andersteam").text) == []


def test_search_refuses_a_token_of_someone_else_or_tampered(client, crowd):
    w = crowd
    client.force_login(w.teamleader)
    token = _token_for(w.teamleader, w.org, "improvement.people")
    assert _search(client, token, "zoë").status_code == 200
    assert _search(client, token[:-2] + "xx", "zoë").status_code == 404
    # The same token, replayed by another member: refused, not answered with their scope.
    client.force_login(w.staff)
    assert _search(client, token, "zoë").status_code == 404
    # A member of another organisation with the token: the tenant gives 404 already.
    client.force_login(w.outsider)
    assert _search(client, token, "zoë").status_code == 404


def test_search_without_scope_lists_no_one(client, crowd):
    client.force_login(crowd.board)
    response = client.get(url("organisations:people_search"), {"q": "zoë"})
    assert response.status_code == 200
    assert _values(response.text) == []


def test_a_token_for_another_organisation_is_refused(client, crowd):
    """A token made for this very person in the other organisation never opens this one."""
    w = crowd
    both = member(w.other_org, person__name="Tweemaal Lid")
    member(w.org, team=w.team, person=both)
    client.force_login(both)
    elsewhere = _token_for(both, w.other_org, "improvement.people")
    assert _search(client, elsewhere, "zoë").status_code == 404
    here = _token_for(both, w.org, "improvement.people")
    assert _values(_search(client, here, "zoë").text) == [w.same_team.pk, w.other_team_person.pk]


def test_search_query_count_is_flat(client, world, django_assert_max_num_queries):
    client.force_login(world.board)
    token = _token_for(world.board, world.org, "improvement.people")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert _search(client, token, "a").status_code == 200
        return len(queries)

    before = count()
    for n in range(30):
        member(world.org, team=world.team if n % 2 else world.other_team, person__name=f"Anna {n}")
    assert count() == before


# --- every form that chooses people ---------------------------------------------------------


def _records(world):
    """The objects the detail-bound forms need."""
    from lerend.collaboration import services as collaboration
    from lerend.monitoring.models import WellbeingRound

    group = collaboration.create_group(
        organisation=world.org,
        actor=world.staff,
        kind="intervisie",
        name="Groep",
        members=[world.staff, world.teamleader],
    )
    wellbeing = WellbeingRound.objects.create(
        organisation=world.org,
        team=world.team,
        first_on=datetime.date.today(),
        second_on=datetime.date.today() + datetime.timedelta(days=1),
    )
    return {"group_id": group.pk, "round_id": wellbeing.pk}


# (url name, kwargs from records, the persona, the picker field)
FORM_PAGES = [
    ("improvement:goal_create", None, "board", "owner"),
    ("improvement:action_create", None, "teamleader", "owner"),
    ("improvement:steering_group", None, "board", "person"),
    ("learning:feedback_create", None, "staff", "people"),
    ("learning:reflection_create", None, "teamleader", "participants"),
    ("learning:pd_budget", None, "board", "person"),
    ("collaboration:visit_create", None, "staff", "observers"),
    ("collaboration:group_create", None, "staff", "members"),
    ("collaboration:design_create", None, "staff", "participants"),
    ("collaboration:meeting_create", "group_id", "staff", "facilitator"),
    ("monitoring:indicator_create", None, "board", "owner"),
    ("monitoring:experiment_create", None, "board", "owner"),
    ("coaching:assignment_create", None, "admin", "person"),
    ("monitoring:round", "round_id", "teamleader", "owner"),
    ("knowledge:create", None, "staff", "contact_person"),
]


def _page(client, world, name, kwarg, records):
    kwargs = {kwarg: records[kwarg]} if kwarg else {}
    return client.get(url(name, **kwargs))


@pytest.mark.parametrize(("name", "kwarg", "persona", "field"), FORM_PAGES)
def test_form_page_lists_nobody_and_its_query_count_is_flat(
    client, world, name, kwarg, persona, field
):
    records = _records(world)
    client.force_login(getattr(world, persona))

    def render():
        with CaptureQueriesContext(connection) as queries:
            response = _page(client, world, name, kwarg, records)
        assert response.status_code == 200, name
        return response.text, len(queries)

    html, before = render()
    assert f'data-field="id_{field}"' in html
    added = [
        member(
            world.org,
            team=world.team if n % 2 else world.other_team,
            person__name=f"Nieuwkomer {n}",
        )
        for n in range(25)
    ]
    html, after = render()
    assert after == before, f"{name}: {before} queries with few people, {after} with more"
    # Never a list of everyone: none of the newcomers is on the page.
    assert "Nieuwkomer" not in html
    assert all(f'value="{p.pk}"' not in html for p in added)


# Scope tests: a POSTed id outside the form's scope is a form error in Dutch, and nothing
# is saved. Each builds the person who must not be chosen first.
SCOPE_POSTS = [
    # (url name, persona, field, who must not be chosen)
    ("improvement:goal_create", "board", "owner", "outsider"),
    ("improvement:action_create", "teamleader", "owner", "other_team_person"),
    ("improvement:steering_group", "board", "person", "outsider"),
    ("learning:feedback_create", "staff", "people", "outsider"),
    ("learning:reflection_create", "teamleader", "participants", "other_team_person"),
    ("learning:pd_budget", "board", "person", "outsider"),
    ("collaboration:visit_create", "staff", "observers", "outsider"),
    ("collaboration:group_create", "staff", "members", "outsider"),
    ("collaboration:design_create", "staff", "participants", "outsider"),
    ("monitoring:indicator_create", "board", "owner", "outsider"),
    ("monitoring:experiment_create", "board", "owner", "outsider"),
    ("coaching:assignment_create", "admin", "person", "outsider"),
    ("knowledge:create", "staff", "contact_person", "outsider"),
]


@pytest.mark.parametrize(("name", "persona", "field", "intruder"), SCOPE_POSTS)
def test_a_posted_id_outside_the_scope_is_a_dutch_form_error(
    client, crowd, name, persona, field, intruder
):
    w = crowd
    client.force_login(getattr(w, persona))
    person = getattr(w, intruder)
    response = client.post(url(name), {field: [person.pk], "team": w.team.pk, "kind": "person"})
    assert response.status_code == 200, name
    errors = response.context["form"].errors.get(field, [])
    assert errors, f"{name}: {person} accepted in {field}"
    assert any("kan hier niet" in e or "uit het team" in e for e in errors), errors


def test_picker_helper_only_offers_active_members_of_the_organisation(rf, crowd):
    """Whatever a scope function returns, the picker cuts it to the organisation."""
    from lerend.accounts.models import User
    from lerend.organisations.access import resolve_access

    request = rf.get("/")
    request.user, request.organisation = crowd.board, crowd.org
    request.access = resolve_access(crowd.board, crowd.org)
    everyone = User.objects.all()
    cut = picker._restrict(everyone, crowd.org)
    assert crowd.elsewhere not in cut
    assert crowd.same_team in cut


def test_no_js_search_shows_matches_as_checkboxes_and_keeps_the_chosen(client, crowd):
    """Without JavaScript: the search button posts the form back; the page lists the matches
    as checkboxes beside the people chosen so far, keeps what was typed and saves nothing."""
    w = crowd
    client.force_login(w.staff)
    response = client.post(
        url("learning:feedback_create"),
        {
            "question": "Wat zie je?",
            "people": [w.teamleader.pk],
            "people__q": "zoë",
            picker.SEARCH_BUTTON: "people",
        },
    )
    assert response.status_code == 200
    html = response.text
    assert f'name="people" value="{w.teamleader.pk}" checked' in html
    assert f'name="people" value="{w.same_team.pk}">' in html
    assert f'name="people" value="{w.other_team_person.pk}">' in html
    assert w.elsewhere.name not in html
    assert "Wat zie je?" in html
    assert response.context["form"].errors == {}
    from lerend.learning.models import FeedbackRequest

    assert not FeedbackRequest.objects.exists()


def test_no_js_search_on_a_side_form_comes_back_to_the_page(client, crowd):
    """The PD registration form posts elsewhere: its search goes back to the activity page
    with only the search term in the address (never the CSRF token)."""
    from lerend.learning.models import PdActivity

    w = crowd
    activity = PdActivity.objects.create(
        organisation=w.org,
        title="Cursus",
        starts_on=datetime.date.today(),
        ends_on=datetime.date.today(),
    )
    client.force_login(w.manager)
    response = client.post(
        url("learning:pd_register", pd_activity_id=activity.pk),
        {"person__q": "zoë", picker.SEARCH_BUTTON: "person", "csrfmiddlewaretoken": "x"},
    )
    assert response.status_code == 302
    assert "csrf" not in response["Location"]
    page = client.get(response["Location"]).text
    assert f'value="{w.same_team.pk}">' in page
    assert w.elsewhere.name not in page
