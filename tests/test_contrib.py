"""The contribution point (lerend/kit/contrib.py): every app's additions are found, every
link from a record to a person is claimed by an app's download and erasure, and erasing a
person in one organisation leaves nothing that names them there — and nothing elsewhere
touched."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured

from lerend.accounts.selectors import own_data
from lerend.improvement import services as improvement
from lerend.kit import contrib
from lerend.kit.contrib import Contribution, Contributor
from lerend.organisations.models import AuditEntry, Membership, Role
from lerend.organisations.services import erase_person
from tests.coaching.records import make_records as make_coaching_records
from tests.collaboration.records import make_records as make_collaboration_records
from tests.factories import LocationFactory, TeamFactory, member
from tests.knowledge.records import make_records as make_knowledge_records
from tests.learning.records import make_records as make_learning_records
from tests.monitoring.records import make_records as make_monitoring_records
from tests.networks.records import make_records as make_network_records
from tests.partners.records import make_records as make_partner_records

User = get_user_model()

# Records that stay linked to the person after erasure in one organisation, and why.
KEPT = {
    # A review conversation about someone else's POP is that person's record.
    "learning.ReviewConversation.reviewer",
}


def person_links():
    """(model, field) for every foreign key and many-to-many field from a Lerend model to
    the User."""
    for model in apps.get_models():
        if not model.__module__.startswith("lerend.") or model is User:
            continue
        for field in model._meta.get_fields():
            concrete = getattr(field, "concrete", False) or getattr(field, "many_to_many", False)
            if concrete and field.is_relation and field.related_model is User:
                if getattr(field, "auto_created", False) and not field.concrete:
                    continue
                yield model, field


def test_every_link_to_a_person_is_claimed_by_an_app_with_an_eraser():
    claimed = contrib.personal_models()
    with_eraser = {label for label, _ in contrib.erasers()}
    links = list(person_links())
    assert len(links) >= 40
    missing = sorted({m._meta.label for m, _ in links} - set(claimed))
    assert missing == [], f"models linking to a person that no contrib.py claims: {missing}"
    # Account-level records (recovery codes) go with the account, not per organisation.
    without = sorted({claimed[m._meta.label] for m, _ in links} - with_eraser - {"accounts"})
    assert without == [], f"apps claiming personal models without an eraser: {without}"


def test_registry_refuses_two_apps_claiming_one_own_data_key():
    found = [
        Contributor("een", Contribution(own_data={"learning": dict})),
        Contributor("twee", Contribution(own_data={"learning": dict})),
    ]
    with pytest.raises(ImproperlyConfigured, match="'learning' is claimed by both een and twee"):
        contrib._check_unique(found, "own_data")


def test_own_data_download_holds_every_apps_part(client, world):
    today = datetime.date.today()
    goal = improvement.create_goal(
        organisation=world.org,
        actor=world.teamleader,
        team=world.team,
        owner=world.staff,
        title="Buiten spelen",
        starts_on=today,
        ends_on=today,
    )
    improvement.create_action(
        organisation=world.org,
        actor=world.teamleader,
        team=world.team,
        title="Elke dag een uur naar buiten",
        owner=world.staff,
        due_on=today,
        goal=goal,
    )
    data = own_data(world.staff)
    assert set(data) == {
        "account",
        "memberships",
        "improvement",
        "learning",
        "collaboration",
        "coaching",
        "knowledge",
        "api_keys",
        "reminders_switched_off",
        "monitoring",
        "networks",
        "partners",
        "erasure_requests",
    }
    assert [a["title"] for a in data["improvement"]["actions"]] == ["Elke dag een uur naar buiten"]
    assert data["improvement"]["actions"][0]["owner"] is True
    assert data["improvement"]["actions"][0]["created"] is False
    assert [g["title"] for g in data["improvement"]["goals_owned"]] == ["Buiten spelen"]


def _links_to(person, organisation):
    """Rows in ``organisation`` that still link to ``person``, per model.field."""
    found = {}
    for model, field in person_links():
        label = f"{model._meta.label}.{field.name}"
        rows = model.objects.filter(**{field.name: person})
        path = _organisation_path(model)
        if path is None:
            continue
        count = rows.filter(**{path: organisation}).count()
        if count:
            found[label] = count
    return found


def _organisation_path(model):
    for path in (
        "organisation",
        "team__organisation",
        "plan__organisation",
        "request__organisation",
        "activity__organisation",
        "group__organisation",
        "visit__organisation",
        "theme__organisation",
        "campaign__organisation",
        "indicator__organisation",
        "round__organisation",
    ):
        try:
            model.objects.filter(**{path: None}).query  # noqa: B018 — resolves the path
        except Exception:  # noqa: BLE001 — FieldError: this model has no such path
            continue
        return path
    return None


@pytest.fixture
def full_world(world):
    """The staff member of ``world`` with records in every app, in both organisations."""
    elsewhere = TeamFactory(location=LocationFactory(organisation=world.other_org))
    member(world.other_org, Role.MEDEWERKER, team=elsewhere, person=world.staff)
    other_coach = member(world.other_org, Role.COACH)
    today = datetime.date.today()
    for org, coach in ((world.org, world.coach), (world.other_org, other_coach)):
        make_learning_records(org, world.staff, coach)
        make_collaboration_records(org, world.staff, coach)
        make_coaching_records(org, world.staff, coach)
        team = Membership.objects.filter(person=world.staff, organisation=org).first().team
        make_monitoring_records(org, world.staff, coach, team)
        action = improvement.create_action(
            organisation=org,
            actor=world.staff,
            team=team,
            title="Actie",
            owner=world.staff,
            due_on=today,
        )
        assert action.created_by == world.staff
        theme = improvement.propose_theme(
            organisation=org, actor=world.staff, title="Thema", description="Waarom"
        )
        assert theme.proposed_by == world.staff
        make_knowledge_records(org, world.staff)
        make_network_records(org, world.staff, world.board if org == world.org else world.outsider)
        make_partner_records(org, world.staff)
    # Someone else's record that the staff member took part in: a review they held as the
    # location's coach (a second role of theirs).
    member(world.org, Role.COACH, location=world.location, person=world.staff)
    make_learning_records(world.org, world.teamleader, world.staff)
    return world


def test_erasure_leaves_nothing_that_names_the_person_in_that_organisation(full_world):
    w = full_world
    before_here = _links_to(w.staff, w.org)
    before_there = _links_to(w.staff, w.other_org)
    assert len(before_here) >= 15, before_here

    counts = erase_person(organisation=w.org, person=w.staff, actor=w.admin)

    assert set(_links_to(w.staff, w.org)) == KEPT
    # The other organisation keeps every record of theirs.
    assert _links_to(w.staff, w.other_org) == before_there
    assert counts["learning"]["journal_entries"] == 1
    # Collaboration's own record and the visit in the staff member's coaching trajectory.
    assert counts["collaboration"]["visits"] == 2
    assert counts["organisations"]["memberships"] == 2  # medewerker and coach
    entry = AuditEntry.objects.get(organisation=w.org, action="person.erase")
    assert entry.actor == w.admin
    assert entry.after["erased"]["learning"]["journal_entries"] == 1
    assert entry.after["team_work"] == "kept_unnamed"
    assert w.staff.name not in str(entry.after)


def test_erasure_keeps_team_work_without_the_name(full_world):
    w = full_world
    erase_person(organisation=w.org, person=w.staff, actor=w.admin)
    from lerend.improvement.models import Action, DevelopmentTheme

    action = Action.objects.get(organisation=w.org, title="Actie")
    assert (action.owner, action.created_by) == (None, None)
    assert DevelopmentTheme.objects.get(organisation=w.org, title="Thema").proposed_by is None


def test_erasure_removes_the_persons_evidence_files(full_world, django_capture_on_commit_callbacks):
    from django.core.files.storage import default_storage

    from lerend.learning.models import Evidence

    w = full_world
    here = Evidence.objects.get(plan__owner=w.staff, plan__organisation=w.org).file.name
    there = Evidence.objects.get(plan__owner=w.staff, plan__organisation=w.other_org).file.name
    assert default_storage.exists(here) and default_storage.exists(there)
    with django_capture_on_commit_callbacks(execute=True):
        erase_person(organisation=w.org, person=w.staff, actor=w.admin)
    assert not default_storage.exists(here)
    assert default_storage.exists(there)


def test_every_app_with_personal_models_declares_its_processing_in_the_register():
    """The verwerkingsregister is made from the apps' declarations: every app that holds
    records about people declares at least one processing activity, every personal model
    it claims is named in one, and every field of the register is filled in."""
    declared: dict[str, set[str]] = {}
    for label, activity in contrib.processing():
        declared.setdefault(label, set()).update(activity.models)
        for name in (
            "name",
            "data",
            "subjects",
            "purpose",
            "legal_basis",
            "retention",
            "recipients",
        ):
            assert str(getattr(activity, name)).strip(), f"{label}: {name} is empty"
    claimed: dict[str, set[str]] = {}
    for model, app in contrib.personal_models().items():
        claimed.setdefault(app, set()).add(model)
    assert len(claimed) >= 9
    for app, models in claimed.items():
        assert app in declared, f"{app} holds personal data but declares no processing"
        missing = sorted(models - declared[app])
        assert missing == [], f"{app}: personal models missing from the register: {missing}"


def test_own_data_download_has_a_part_from_every_app_with_personal_models():
    """After the new apps: each app that claims personal models either gives its part of
    the download or is listed here with the reason it does not."""
    without_download = {
        # Which campaigns a person was invited to leads only to an anonymous response.
        "scans",
        # Recovery codes and SSO attempts are secrets or seconds-long; the profile shows them.
        "accounts",
    }
    with_download = {c.app_label for c in contrib.contributors() if c.contribution.own_data}
    claimed = set(contrib.personal_models().values())
    assert sorted(claimed - with_download - without_download) == []
