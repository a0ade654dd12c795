import pytest

from lerend.organisations.models import Role
from tests.factories import member

from .conftest import make_indicator
from .test_wellbeing import make_round

pytestmark = pytest.mark.django_db


def test_indicators_api_lists_what_the_person_may_read(world, make_key, api_get, team_indicator):
    make_indicator(world.org, world.board, title="Buitenspel")
    other = member(world.org, Role.MEDEWERKER, team=world.other_team)
    body = api_get("/o/regenboog/indicators", make_key(other)).json()
    assert [i["title"] for i in body["items"]] == ["Buitenspel"]
    assert body["items"][0]["status"] == "geen"
    body = api_get("/o/regenboog/indicators", make_key(world.staff)).json()
    assert sorted(i["title"] for i in body["items"]) == ["Buitenspel", "Rust in Groep Rups"]
    detail = api_get(f"/o/regenboog/indicators/{team_indicator.pk}", make_key(other))
    assert detail.status_code == 403
    assert (
        api_get(
            f"/o/regenboog/indicators/{team_indicator.pk}",
            make_key(world.outsider, world.other_org),
        ).status_code
        == 404
    )


def test_wellbeing_api_hides_groups_below_the_threshold_without_numbers(world, make_key, api_get):
    make_round(world, team=world.team, children=10)
    make_round(world, team=world.other_team, children=4)
    body = api_get("/o/regenboog/wellbeing/groups", make_key(world.manager)).json()
    rows = {r["team"]: r for r in body["items"]}
    assert rows["Groep Rups"]["visible"] is True
    assert rows["Groep Rups"]["wellbeing_high"] == 50.0
    assert rows["Groep Rups"]["children"] == 10
    assert {
        k: v for k, v in rows["Groep Pop"].items() if k not in ("team_id", "round_first_on")
    } == {
        "team": "Groep Pop",
        "location": "De Vlinder",
        "visible": False,
        "children": None,
        "wellbeing_high": None,
        "wellbeing_low": None,
        "involvement_high": None,
        "involvement_low": None,
    }
    staff_rows = api_get("/o/regenboog/wellbeing/groups", make_key(world.staff)).json()["items"]
    assert [r["team"] for r in staff_rows] == ["Groep Rups"]
