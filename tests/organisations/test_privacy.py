"""The person's rights and the organisation's duties (issue 16 §2, docs/privacy.md): erasure
by the beheerder with a preview and a choice for the team's work, the person's own request,
retention periods enforced by the daily run (with time travel), and the register of
processing activities. Records that could leak or linger are made first."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from lerend.improvement.models import Action
from lerend.kit import contrib
from lerend.learning.models import JournalEntry
from lerend.organisations import privacy
from lerend.organisations.models import (
    AuditEntry,
    ErasureRequest,
    Invitation,
    Membership,
    RetentionRun,
    Role,
)
from lerend.scans.models import Answer, ItemAggregate, Response, ScanInvitation
from lerend.scans.services_respond import submit
from tests.factories import member
from tests.scans.test_campaign_support import close_in_past, invitation_of, launched
from tests.test_contrib import full_world  # noqa: F401

pytestmark = pytest.mark.django_db


def url(name, org="regenboog", **kwargs):
    return reverse(f"organisations:{name}", kwargs={"org_slug": org, **kwargs})


# --- erasure by the beheerder --------------------------------------------------------------------


def test_privacy_search_finds_people_by_name_and_never_lists_everyone(client, world):
    client.force_login(world.admin)
    everyone = client.get(url("privacy")).content.decode()
    assert world.staff.email not in everyone and world.teamleader.email not in everyone
    found = client.get(url("privacy"), {"q": world.staff.email[:-3]}).content.decode()
    assert world.staff.email in found
    assert world.outsider.email not in client.get(url("privacy"), {"q": "@"}).content.decode()
    assert world.staff.email not in client.get(url("privacy"), {"q": "p"}).content.decode()


def test_privacy_pages_are_the_beheerders_only(client, world):
    pages = [
        url("privacy"),
        url("retention"),
        url("register"),
        url("privacy_erase", person_id=world.staff.pk),
    ]
    for person, status in ((world.teamleader, 403), (world.board, 403), (world.outsider, 404)):
        client.force_login(person)
        assert [client.get(page).status_code for page in pages] == [status] * 4
    client.force_login(world.admin)
    assert [client.get(page).status_code for page in pages] == [200] * 4
    # Someone of another organisation cannot be erased here.
    assert client.get(url("privacy_erase", person_id=world.outsider.pk)).status_code == 404


def test_erase_page_previews_the_counts_and_changes_nothing(client, full_world):  # noqa: F811
    w = full_world
    journal = JournalEntry.objects.filter(owner=w.staff).count()
    client.force_login(w.admin)
    body = client.get(url("privacy_erase", person_id=w.staff.pk)).content.decode()
    assert "logboeknotities" in body and "lidmaatschappen" in body  # in words, not keys
    assert JournalEntry.objects.filter(owner=w.staff).count() == journal
    assert Membership.objects.filter(person=w.staff, organisation=w.org).count() == 2
    preview = privacy.erasure_preview(organisation=w.org, person=w.staff)
    assert preview["learning"]["journal_entries"] == 1
    assert preview["organisations"]["memberships"] == 2


def test_erase_needs_confirmation_then_keeps_team_work_unnamed(client, full_world):  # noqa: F811
    w = full_world
    client.force_login(w.admin)
    target = url("privacy_erase", person_id=w.staff.pk)
    assert client.post(target, {"team_work": "keep"}).status_code == 200  # not confirmed
    assert JournalEntry.objects.filter(owner=w.staff, organisation=w.org).exists()
    response = client.post(target, {"team_work": "keep", "confirm": "on"})
    assert response.status_code == 302
    assert not JournalEntry.objects.filter(owner=w.staff, organisation=w.org).exists()
    action = Action.objects.get(organisation=w.org, title="Actie")
    assert (action.owner, action.created_by) == (None, None)
    entry = AuditEntry.objects.get(organisation=w.org, action="person.erase")
    assert entry.after["team_work"] == "kept_unnamed"
    assert w.staff.name not in str(entry.after) and w.staff.email not in str(entry.after)
    # The other organisation keeps the person's records, and its action keeps its owner.
    assert Action.objects.get(organisation=w.other_org, title="Actie").owner == w.staff


def test_erase_hands_team_work_to_a_member_of_this_organisation_only(client, full_world):  # noqa: F811
    w = full_world
    client.force_login(w.admin)
    target = url("privacy_erase", person_id=w.staff.pk)
    foreign = {"team_work": "hand_over", "new_owner": w.outsider.email, "confirm": "on"}
    assert client.post(target, foreign).status_code == 200
    assert Membership.objects.filter(person=w.staff, organisation=w.org).exists()
    data = {"team_work": "hand_over", "new_owner": w.teamleader.email, "confirm": "on"}
    assert client.post(target, data).status_code == 302
    action = Action.objects.get(organisation=w.org, title="Actie")
    assert (action.owner, action.created_by) == (w.teamleader, w.teamleader)
    entry = AuditEntry.objects.get(organisation=w.org, action="person.erase")
    assert entry.after["team_work"] == "handed_over"
    assert entry.after["handed_over"]["improvement"]["actions"] == 2
    assert w.staff.name not in str(entry.after)


def test_erasure_never_links_anonymous_answers_back(world):
    campaign = launched(world)
    instrument = campaign.instrument_version.instrument
    invitation = invitation_of(campaign, world.staff)
    ScanInvitation.objects.filter(pk=invitation.pk).update(
        draft={"answers": {instrument.items[0].key: 4}, "comments": {}, "page": 1}
    )
    invitation.refresh_from_db()
    submit(invitation=invitation, instrument=instrument)
    responses = list(Response.objects.values_list("pk", "team_key", "role_group"))
    from lerend.organisations.services import erase_person

    erase_person(organisation=world.org, person=world.staff, actor=world.admin)
    assert list(Response.objects.values_list("pk", "team_key", "role_group")) == responses
    assert not ScanInvitation.objects.filter(person=world.staff).exists()
    entry = AuditEntry.objects.get(action="person.erase")
    assert "response" not in str(entry.after).lower()


# --- the person's own request ----------------------------------------------------------------


def test_person_asks_for_erasure_from_their_profile_and_the_beheerder_sees_it(client, world):
    client.force_login(world.staff)
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert url("privacy_request") in profile
    assert client.get(url("privacy_request")).status_code == 405
    assert client.post(url("privacy_request")).status_code == 302
    assert client.post(url("privacy_request")).status_code == 302  # asking twice: one request
    assert ErasureRequest.objects.filter(person=world.staff).count() == 1
    assert url("privacy_request") not in client.get(reverse("accounts:profile")).content.decode()
    client.force_login(world.admin)
    page = client.get(url("privacy")).content.decode()
    assert world.staff.name in page
    assert url("privacy_erase", person_id=world.staff.pk) in page
    client.post(
        url("privacy_erase", person_id=world.staff.pk), {"team_work": "keep", "confirm": "on"}
    )
    assert not ErasureRequest.objects.exists()


def test_outsider_cannot_file_a_request_in_another_organisation(client, world):
    client.force_login(world.outsider)
    assert client.post(url("privacy_request")).status_code == 404
    assert not ErasureRequest.objects.exists()


# --- retention -------------------------------------------------------------------------------


def test_retention_settings_are_saved_audited_and_bounded(client, world):
    client.force_login(world.admin)
    data = {
        "scan_answers_days": 365,
        "comments_days": 180,
        "invitations_days": 60,
        "audit_days": 400,
        "departed_days": 90,
    }
    assert client.post(url("retention"), {**data, "audit_days": 5}).status_code == 200
    assert client.post(url("retention"), data).status_code == 302
    assert privacy.policy(world.org).departed == 90
    entry = AuditEntry.objects.get(action="retention.update")
    assert entry.before["departed_days"] == 365 and entry.after["departed_days"] == 90


def _old_campaign_with_answers(world, closed_days_ago):
    campaign = launched(world)
    instrument = campaign.instrument_version.instrument
    for person in (world.staff, world.teamleader):
        invitation = invitation_of(campaign, person)
        ScanInvitation.objects.filter(pk=invitation.pk).update(
            draft={"answers": {instrument.items[0].key: 4}, "comments": {}, "page": 1}
        )
        invitation.refresh_from_db()
        submit(invitation=invitation, instrument=instrument)
    Response.objects.filter(campaign=campaign).update(
        comments=[{"question": "q", "dimension": "d", "text": "Fijn team"}]
    )
    close_in_past(campaign)
    campaign.closed_at = timezone.now() - datetime.timedelta(days=closed_days_ago)
    campaign.save(update_fields=["closed_at"])
    return campaign


def test_daily_retention_removes_what_passed_its_period_and_nothing_else(client, world):
    now = timezone.now()
    old = _old_campaign_with_answers(world, closed_days_ago=800)
    aggregates = list(ItemAggregate.objects.filter(campaign=old).values_list("n", "total"))
    AuditEntry.objects.create(
        organisation=world.org,
        action="settings.update",
        target_type="",
        created_at=now - datetime.timedelta(days=731),
    )
    recent_audit = AuditEntry.objects.filter(organisation=world.org).count() - 1
    Invitation.objects.create(
        organisation=world.org,
        email="oud@example.nl",
        name="Oud",
        role=Role.MEDEWERKER,
        scope="organisation",
        token_hash="x" * 64,
        expires_at=now - datetime.timedelta(days=100),
    )
    # Someone who left 400 days ago, with a journal entry; someone who left last month.
    departed = member(world.org, team=world.team)
    JournalEntry.objects.create(owner=departed, organisation=world.org, body="weg")
    Membership.objects.filter(person=departed).update(
        start_date=datetime.date(2020, 1, 1),
        end_date=(now - datetime.timedelta(days=400)).date(),
    )
    recent = member(world.org, team=world.team)
    Membership.objects.filter(person=recent).update(
        start_date=datetime.date(2020, 1, 1),
        end_date=(now - datetime.timedelta(days=30)).date(),
    )
    # Another organisation's old entry stays: its own run, its own policy.
    AuditEntry.objects.create(
        organisation=world.other_org,
        action="settings.update",
        target_type="",
        created_at=now - datetime.timedelta(days=100),
    )

    run = privacy.apply_retention(organisation=world.org, now=now)

    assert run.counts["scans"] == {
        "raw_answers": 2,
        "comments": 2,
        "invitations_unlinked": len(ScanInvitation.objects.filter(campaign=old)),
    }
    assert run.counts["organisations"]["audit_entries"] == 1
    assert run.counts["organisations"]["invitations"] == 1
    assert run.counts["organisations"]["departed_people"] == 1
    assert not Answer.objects.filter(response__campaign=old).exists()
    comments = list(Response.objects.filter(campaign=old).values_list("comments", flat=True))
    assert comments == [[], []]
    # The results are read from the totals, which stay as they were.
    assert list(ItemAggregate.objects.filter(campaign=old).values_list("n", "total")) == aggregates
    assert not JournalEntry.objects.filter(owner=departed).exists()
    assert Membership.objects.filter(person=recent).exists()
    assert AuditEntry.objects.filter(organisation=world.other_org).count() == 1
    assert AuditEntry.objects.filter(organisation=world.org, action="settings.update").count() == 0
    assert AuditEntry.objects.filter(organisation=world.org).count() >= recent_audit
    erased = AuditEntry.objects.get(organisation=world.org, action="person.erase")
    assert erased.after["reason"] == "retention" and erased.actor is None

    # A second run the same day finds nothing more.
    assert privacy.apply_retention(organisation=world.org, now=now).counts == {}

    client.force_login(world.admin)
    page = client.get(url("retention")).content.decode()
    assert "raw_answers" in page and "departed_people" in page
    assert departed.name not in page and departed.email not in page


def test_recent_campaigns_keep_their_answers(world):
    recent = _old_campaign_with_answers(world, closed_days_ago=10)
    run = privacy.apply_retention(organisation=world.org)
    assert "scans" not in run.counts
    assert Answer.objects.filter(response__campaign=recent).count() == 2


def test_daily_command_enqueues_the_retention_run(world, capsys):
    _old_campaign_with_answers(world, closed_days_ago=800)
    call_command("daily")
    assert "lerend.organisations.tasks.apply_retention" in capsys.readouterr().out
    assert RetentionRun.objects.filter(organisation=world.org).exclude(counts={}).exists()


# --- the register ----------------------------------------------------------------------------


def test_register_page_shows_every_apps_declaration(client, world):
    client.force_login(world.admin)
    body = client.get(url("register")).content.decode()
    for _app, activity in contrib.processing():
        assert escape(str(activity.name)) in body
    assert "Coaching" in body and "Rechtsgrond" in body
