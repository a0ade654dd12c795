import datetime

import pytest

from lerend.collaboration import services
from lerend.collaboration.models import LessonDesign, Observation, Visit
from lerend.improvement.models import VisionVersion

pytestmark = pytest.mark.django_db


def test_visit_create_by_observer_through_the_form(client, world, observer, url):
    client.force_login(observer)
    response = client.get(url("visit_create"))
    assert response.status_code == 200
    assert response.context["form"].initial["rubric_key"] == "interactievaardigheden"
    response = client.post(
        url("visit_create"),
        {
            "kind": "groepsobservatie",
            "observed": world.staff.pk,
            "observers": [observer.pk],
            "date": "2026-03-10",
            "rubric_key": "interactievaardigheden",
            "focus_question": "Hoe begeleid ik ruzies?",
            "team": world.team.pk,
        },
    )
    visit = Visit.objects.get()
    assert response.status_code == 302
    assert (visit.observed, list(visit.observers.all()), visit.created_by) == (
        world.staff,
        [observer],
        observer,
    )


@pytest.mark.parametrize("sector", ["kinderopvang", "po"])
def test_lessons_are_offered_to_schools_only(client, world, observer, url, sector):
    """Issue 12: "lesontwerp" was offered to a childcare organisation."""
    world.org.sector = sector
    world.org.save()
    client.force_login(observer)
    form = client.get(url("visit_create")).context["form"]
    kinds = [value for value, _label in form.fields["kind"].choices]
    page = client.get(url("visit_list")).content.decode()
    if sector == "kinderopvang":
        assert "lesbezoek" not in kinds and "lesson_design" not in form.fields
        assert "lesontwerp" not in page.lower()
    else:
        assert "lesbezoek" in kinds and "lesson_design" in form.fields
        assert "Nieuw lesontwerp" in page


def test_visit_create_refuses_self_observation(client, world, url):
    client.force_login(world.staff)
    response = client.post(
        url("visit_create"),
        {
            "kind": "groepsobservatie",
            "observed": world.staff.pk,
            "observers": [world.staff.pk],
            "date": "2026-03-10",
        },
    )
    assert response.status_code == 200
    assert Visit.objects.count() == 0
    assert "Je kunt niet bij jezelf meekijken." in response.content.decode()


def test_visit_observe_saves_levels_and_notes(client, world, visit, observer, url):
    client.force_login(observer)
    response = client.get(url("visit_observe", visit_id=visit.pk))
    assert response.status_code == 200
    form = response.context["form"]
    assert [item.key for item, _, _ in form.rows][:2] == [
        "sensitieve-responsiviteit.signalen",
        "sensitieve-responsiviteit.passend",
    ]
    response = client.post(
        url("visit_observe", visit_id=visit.pk),
        {"level_0": "", "note_0": "", "level_1": "deels", "note_1": "Soms laat"},
    )
    assert response.status_code == 302
    assert list(Observation.objects.values_list("item_key", "level", "note")) == [
        ("sensitieve-responsiviteit.passend", "deels", "Soms laat")
    ]


def test_visit_observe_is_for_observers_only(client, world, visit, url):
    client.force_login(world.staff)
    assert client.get(url("visit_observe", visit_id=visit.pk)).status_code == 403


def test_visit_feedback_by_observed(client, world, visit, url):
    client.force_login(world.staff)
    response = client.post(
        url("visit_feedback", visit_id=visit.pk),
        {"tops": "Rust", "tips": "Benoemen", "feedback_notes": "Afspraak", "held": "on"},
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert (visit.tops, visit.tips, visit.feedback_notes, visit.status) == (
        "Rust",
        "Benoemen",
        "Afspraak",
        "gehouden",
    )


def test_visit_peer_review_has_self_evaluation_programme_report(client, world, observer, url):
    visit = services.plan_visit(
        organisation=world.org,
        actor=world.staff,
        observed=world.staff,
        observers=[observer, world.coach],
        external_observers="Team De Ster (Stichting Elders)",
        kind="visitatie",
        date=datetime.date(2026, 5, 1),
    )
    client.force_login(world.coach)
    response = client.post(
        url("visit_peer_review", visit_id=visit.pk),
        {"self_evaluation": "Wij zijn sterk in", "programme": "9.00 start", "report": "Bevinding"},
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert (visit.self_evaluation, visit.programme, visit.report) == (
        "Wij zijn sterk in",
        "9.00 start",
        "Bevinding",
    )
    body = client.get(url("visit_detail", visit_id=visit.pk)).content.decode()
    assert "Team De Ster (Stichting Elders)" in body


def test_visit_peer_review_page_is_404_for_other_kinds(client, world, visit, url):
    client.force_login(world.staff)
    assert client.get(url("visit_peer_review", visit_id=visit.pk)).status_code == 404


def test_visit_core_values_rubric_uses_the_vision(client, world, observer, url):
    VisionVersion.objects.create(
        organisation=world.org, level="organisation", core_values="Vertrouwen\nNieuwsgierig"
    )
    visit = services.plan_visit(
        organisation=world.org,
        actor=observer,
        observed=world.staff,
        observers=[observer],
        kind="groepsobservatie",
        date=datetime.date(2026, 3, 1),
        rubric_key="kernwaarden",
    )
    client.force_login(observer)
    body = client.get(url("visit_observe", visit_id=visit.pk)).content.decode()
    assert "Vertrouwen" in body
    assert "Nieuwsgierig" in body


def test_design_linked_to_visit_is_shown_only_to_design_participants(
    client, world, visit, observer, url
):
    design = services.save_design(
        organisation=world.org, actor=observer, title="Voorlezen in de kring", goal="Luisteren"
    )
    services.update_visit(
        visit=visit,
        actor=observer,
        observers=[observer],
        kind=visit.kind,
        date=visit.date,
        rubric_key=visit.rubric_key,
        lesson_design=design,
    )
    client.force_login(observer)
    assert (
        "Voorlezen in de kring"
        in client.get(url("visit_detail", visit_id=visit.pk)).content.decode()
    )
    detail = client.get(url("design_detail", design_id=design.pk)).content.decode()
    assert f"/bezoeken/{visit.pk}/" in detail
    client.force_login(world.staff)  # observed, but not a participant of the design
    assert (
        "Voorlezen in de kring"
        not in client.get(url("visit_detail", visit_id=visit.pk)).content.decode()
    )
    assert client.get(url("design_detail", design_id=design.pk)).status_code == 404


def test_design_create_and_edit(client, world, teammate, url):
    client.force_login(world.staff)
    response = client.post(
        url("design_create"),
        {"title": "Breuken", "goal": "Delen", "plan": "Start", "participants": [teammate.pk]},
    )
    design = LessonDesign.objects.get()
    assert response.status_code == 302
    assert sorted(p.pk for p in design.participants.all()) == sorted([world.staff.pk, teammate.pk])
    client.force_login(teammate)
    response = client.post(
        url("design_edit", design_id=design.pk),
        {"title": "Breuken 2", "goal": "", "plan": "", "participants": [world.staff.pk]},
    )
    assert response.status_code == 302
    design.refresh_from_db()
    assert design.title == "Breuken 2"
    client.force_login(world.teamleader)
    assert client.get(url("design_detail", design_id=design.pk)).status_code == 404


def test_visit_list_query_count_is_flat(client, world, observer, django_assert_num_queries, url):
    def make(n):
        for _ in range(n):
            services.plan_visit(
                organisation=world.org,
                actor=observer,
                observed=world.staff,
                observers=[observer],
                kind="lesbezoek",
                date=datetime.date(2026, 3, 1),
            )

    client.force_login(world.staff)
    make(1)
    with django_assert_num_queries(8) as ctx:
        client.get(url("visit_list"))
    make(2)
    with django_assert_num_queries(len(ctx.captured_queries)):
        client.get(url("visit_list"))


def test_visit_share_only_with_colleagues(world, visit):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.share_visit(
            actor=world.staff,
            visit=visit,
            person=world.outsider,
        )
