import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lerend.improvement.models import BoardItem
from lerend.monitoring.models import Experiment, ImplementationStep
from lerend.monitoring.services import experiments as services
from lerend.organisations.models import AuditEntry, Role
from tests.factories import member

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def make_experiment(world, title="Buiten eten", owner=None, teams=None):
    return services.create_experiment(
        organisation=world.org,
        actor=world.board,
        teams=teams if teams is not None else [world.team],
        title=title,
        question="Eten kinderen rustiger buiten?",
        change="Twee keer per week buiten lunchen",
        owner=owner or world.teamleader,
        starts_on=TODAY,
        ends_on=TODAY + datetime.timedelta(days=60),
    )


def test_experiment_pages_personas(client, world, url):
    experiment = make_experiment(world)
    for name in ("monitoring:experiments", "monitoring:timeline"):
        client.force_login(world.staff)
        assert client.get(url(name)).status_code == 200
        client.force_login(world.outsider)
        assert client.get(url(name)).status_code == 404
    page = url("monitoring:experiment", experiment_id=experiment.pk)
    client.force_login(world.staff)
    assert client.get(page).status_code == 200
    edit = url("monitoring:experiment_edit", experiment_id=experiment.pk)
    assert client.get(edit).status_code == 403
    client.force_login(world.teamleader)
    assert client.get(edit).status_code == 200
    client.force_login(world.outsider)
    assert client.get(page).status_code == 404
    client.force_login(world.staff)
    assert client.get(url("monitoring:experiment_create")).status_code == 403


def test_create_through_the_form_with_links(client, world, url):
    from lerend.improvement import services as improvement
    from lerend.learning import services as learning_services

    goal = improvement.create_goal(
        organisation=world.org,
        actor=world.board,
        owner=world.board,
        title="Rustige overgangen",
        starts_on=TODAY,
        ends_on=TODAY,
    )
    course = learning_services.create_pd_activity(
        organisation=world.org,
        actor=world.board,
        title="Cursus overgangsmomenten",
        kind="course",
        hours=4,
        cost=0,
        starts_on=TODAY,
    )
    client.force_login(world.board)
    response = client.post(
        url("monitoring:experiment_create"),
        {
            "title": "Rustig brengen",
            "question": "Worden kinderen rustiger gebracht met een vaste plek?",
            "change": "Een vaste ophaalplek per kind",
            "teams": [world.team.pk, world.other_team.pk],
            "starts_on": TODAY.isoformat(),
            "ends_on": (TODAY + datetime.timedelta(days=30)).isoformat(),
            "goal_ids": [goal.pk],
            "pd_ids": [course.pk],
        },
    )
    assert response.status_code == 302
    experiment = Experiment.objects.get(title="Rustig brengen")
    assert experiment.owner == world.board
    assert sorted(t.name for t in experiment.teams.all()) == ["Groep Pop", "Groep Rups"]
    assert sorted(experiment.links.values_list("kind", "target_id")) == [
        ("doel", goal.pk),
        ("scholing", course.pk),
    ]
    client.force_login(world.staff)
    html = client.get(url("monitoring:experiment", experiment_id=experiment.pk)).content.decode()
    assert "Rustige overgangen" in html
    assert "Cursus overgangsmomenten" in html


def test_implementation_monitor_counts_planned_and_done_per_team(client, world, url):
    experiment = make_experiment(world)
    client.force_login(world.teamleader)
    for text in ("Tafels buiten", "Ouders informeren"):
        client.post(
            url("monitoring:step_create", experiment_id=experiment.pk),
            {"team": world.team.pk, "description": text, "planned_on": TODAY.isoformat()},
        )
    step = ImplementationStep.objects.get(description="Tafels buiten")
    client.post(url("monitoring:step_toggle", step_id=step.pk))
    step.refresh_from_db()
    assert step.done_on == TODAY
    html = client.get(url("monitoring:experiment", experiment_id=experiment.pk)).content.decode()
    assert "1 van 2 gedaan" in html


def test_staff_of_another_team_cannot_log_steps(client, world, url):
    experiment = make_experiment(world)
    step = services.add_step(
        experiment=experiment,
        actor=world.teamleader,
        team=world.team,
        description="X",
        planned_on=TODAY,
    )
    other = member(world.org, Role.MEDEWERKER, team=world.other_team)
    client.force_login(other)
    assert client.post(url("monitoring:step_toggle", step_id=step.pk)).status_code == 403
    assert (
        client.post(
            url("monitoring:step_create", experiment_id=experiment.pk),
            {"team": world.team.pk, "description": "Y", "planned_on": TODAY.isoformat()},
        ).status_code
        == 403
    )


def test_finish_puts_an_instructive_failure_on_the_timeline(client, world, url):
    experiment = make_experiment(world)
    client.force_login(world.teamleader)
    client.post(url("monitoring:experiment_start", experiment_id=experiment.pk))
    response = client.post(
        url("monitoring:experiment_finish", experiment_id=experiment.pk),
        {
            "result": "Onrustiger: te koud in november",
            "lessons": "Buiten eten werkt alleen in de lente",
            "decision": "bijstellen",
            "celebrated": "on",
        },
    )
    assert response.status_code == 302
    experiment.refresh_from_db()
    assert (experiment.status, experiment.decision, experiment.celebrated) == (
        "afgerond",
        "bijstellen",
        True,
    )
    html = client.get(url("monitoring:timeline")).content.decode()
    assert "Buiten eten werkt alleen in de lente" in html
    assert "Gevierd" in html
    assert AuditEntry.objects.filter(action="experiment.update").count() == 2
    item = BoardItem.objects.get(team=world.team)
    assert (item.kind, item.text) == (
        "succes",
        "Experiment “Buiten eten”: Buiten eten werkt alleen in de lente",
    )


def test_finish_without_lessons_is_refused(world):
    experiment = make_experiment(world)
    with pytest.raises(Exception) as error:
        services.finish_experiment(
            experiment=experiment,
            actor=world.board,
            result="",
            lessons=" ",
            decision="stoppen",
            celebrated=False,
        )
    assert "ook als het mislukte" in str(error.value)


def _list_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("monitoring:experiments")).status_code == 200
    return len(queries)


def test_experiment_list_query_count_is_constant(client, world, url):
    client.force_login(world.staff)
    make_experiment(world, "Een")
    one = _list_queries(client, url)
    make_experiment(world, "Twee", teams=[world.team, world.other_team])
    make_experiment(world, "Drie")
    assert _list_queries(client, url) == one
