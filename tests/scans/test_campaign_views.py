import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from lerend.organisations.models import AuditEntry
from lerend.scans.models import Campaign, ScanInvitation
from lerend.scans.services_respond import submit
from tests.factories import member

from .test_campaign_support import invitation_of, launched, make_campaign

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(name, kwargs={"org_slug": "regenboog", **kwargs})


def _pages(campaign):
    return [
        ("scans:list", {}),
        ("scans:create", {}),
        ("scans:detail", {"campaign_id": campaign.pk}),
        ("scans:instruments", {}),
    ]


def test_campaign_pages_admin_gets_200(client, world):
    campaign = launched(world)
    client.force_login(world.admin)
    for name, kwargs in _pages(campaign):
        assert client.get(url(name, **kwargs)).status_code == 200, name


def test_campaign_pages_staff_gets_403(client, world):
    campaign = launched(world)
    client.force_login(world.staff)
    for name, kwargs in _pages(campaign):
        assert client.get(url(name, **kwargs)).status_code == 403, name


def test_campaign_pages_outsider_gets_404(client, world):
    campaign = launched(world)
    client.force_login(world.outsider)
    for name, kwargs in _pages(campaign):
        assert client.get(url(name, **kwargs)).status_code == 404, name


def test_campaign_pages_teamleader_reads_but_cannot_create(client, world):
    campaign = launched(world)
    client.force_login(world.teamleader)
    assert client.get(url("scans:detail", campaign_id=campaign.pk)).status_code == 200
    assert client.get(url("scans:create")).status_code == 403
    assert client.post(url("scans:close", campaign_id=campaign.pk)).status_code == 403


def test_campaign_of_other_organisation_is_404(client, world):
    campaign = launched(world)
    Campaign.objects.filter(pk=campaign.pk).update(organisation=world.other_org)
    client.force_login(world.admin)
    assert client.get(url("scans:detail", campaign_id=campaign.pk)).status_code == 404


def test_campaign_list_query_count_same_for_one_and_three(client, world, django_assert_num_queries):
    client.force_login(world.admin)
    make_campaign(world)
    client.get(url("scans:list"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(url("scans:list"))
    make_campaign(world, title="Twee")
    make_campaign(world, title="Drie")
    with CaptureQueriesContext(connection) as three:
        assert client.get(url("scans:list")).status_code == 200
    assert len(one) == len(three)


def _form(world, **overrides):
    from lerend.scans.services import shipped_version

    today = timezone.localdate()
    data = {
        "title": "Pulse voorjaar",
        "instrument_version": shipped_version("pulse").pk,
        "audience": "staff",
        "role_groups": ["medewerkers"],
        "opens_on": today.isoformat(),
        "closes_on": (today + datetime.timedelta(days=14)).isoformat(),
        "intro": "Fijn als je meedoet.",
        "code_use_limit": 40,
    }
    data.update(overrides)
    return data


def test_campaign_create_makes_a_draft_and_audits(client, world):
    client.force_login(world.admin)
    response = client.post(url("scans:create"), _form(world, teams=[world.team.pk]))
    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("scans:detail", campaign_id=campaign.pk)
    assert (campaign.status, campaign.k, list(campaign.teams.all())) == (
        "draft",
        None,
        [world.team],
    )
    assert (
        AuditEntry.objects.filter(action="campaign.create", target_id=str(campaign.pk)).count() == 1
    )


def test_campaign_create_rejects_bad_dates_and_no_staff_groups_in_dutch(client, world):
    client.force_login(world.admin)
    today = timezone.localdate()
    response = client.post(
        url("scans:create"),
        _form(
            world,
            opens_on=(today - datetime.timedelta(days=1)).isoformat(),
            closes_on=(today - datetime.timedelta(days=3)).isoformat(),
            role_groups=[],
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["closes_on"] == ["De sluitdatum mag niet vóór de openingsdatum liggen."]
    assert errors["opens_on"] == ["De openingsdatum mag niet in het verleden liggen."]
    assert errors["role_groups"] == ["Kies minstens één groep medewerkers."]
    assert Campaign.objects.count() == 0


def test_campaign_create_location_manager_only_for_own_scope(client, world):
    client.force_login(world.manager)
    response = client.post(url("scans:create"), _form(world))  # whole organisation
    assert response.status_code == 200
    assert Campaign.objects.count() == 0
    response = client.post(url("scans:create"), _form(world, locations=[world.location.pk]))
    assert response.status_code == 302


def test_launch_invites_targeted_staff_once_and_freezes_strata_and_k(
    client, world, django_capture_on_commit_callbacks
):
    campaign = make_campaign(world, role_groups=("medewerkers",), teams=(world.team,))
    extra = member(world.org, team=world.other_team)  # not targeted: other team
    client.force_login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url("scans:launch", campaign_id=campaign.pk)).status_code == 302
        assert client.post(url("scans:launch", campaign_id=campaign.pk)).status_code == 302
    invitations = list(ScanInvitation.objects.filter(campaign=campaign))
    assert [(i.person_id, i.location_key, i.team_key, i.role_group) for i in invitations] == [
        (world.staff.pk, world.location.pk, world.team.pk, "medewerkers")
    ]
    assert not ScanInvitation.objects.filter(person=extra).exists()
    campaign.refresh_from_db()
    assert campaign.k == 5
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [world.staff.email]
    assert invitations[0].token_hash not in mail.outbox[0].body
    world.org.anonymity_threshold = 3
    world.org.save()
    campaign.refresh_from_db()
    assert campaign.k == 5


def test_launch_whole_organisation_counts_each_person_once_in_most_specific_role(world):
    from lerend.organisations.models import Membership, Role, Scope

    Membership.objects.create(
        person=world.teamleader,
        organisation=world.org,
        role=Role.COACH,
        scope=Scope.ORGANISATION,
        start_date=timezone.localdate(),
    )
    campaign = launched(world)
    rows = dict(
        ScanInvitation.objects.filter(campaign=campaign).values_list("person_id", "role_group")
    )
    assert rows == {
        world.staff.pk: "medewerkers",
        world.teamleader.pk: "leiding",
        world.manager.pk: "leiding",
        world.coach.pk: "leiding",
        world.board.pk: "leiding",
        world.admin.pk: "leiding",
    }
    assert invitation_of(campaign, world.teamleader).team_key == world.team.pk


def test_reminders_go_only_to_non_respondents_and_say_nothing_about_others(
    client, world, django_capture_on_commit_callbacks
):
    campaign = launched(world)
    instrument = campaign.instrument_version.instrument
    done = invitation_of(campaign, world.staff)
    submit(invitation=done, instrument=instrument)
    mail.outbox.clear()
    client.force_login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url("scans:remind", campaign_id=campaign.pk)).status_code == 302
    recipients = sorted(m.to[0] for m in mail.outbox)
    expected = sorted(
        p.email for p in [world.teamleader, world.manager, world.coach, world.board, world.admin]
    )
    assert recipients == expected
    for message in mail.outbox:
        body = message.body + message.subject
        assert world.staff.email not in body and world.staff.name not in body
        assert "Pulse najaar" in body
        assert "/vragenlijst/" in body
    entry = AuditEntry.objects.get(action="campaign.remind")
    assert entry.after is None


def test_close_early_closes_and_questionnaire_shows_closed(client, world):
    campaign = launched(world)
    token_invitation = invitation_of(campaign, world.staff)
    client.force_login(world.admin)
    assert client.post(url("scans:close", campaign_id=campaign.pk)).status_code == 302
    campaign.refresh_from_db()
    assert campaign.status == "closed"
    from lerend.scans.services import token_for

    client.logout()
    response = client.get(reverse("respond:start", args=[token_for(token_invitation.nonce)]))
    assert response.status_code == 410
    assert "Deze vragenlijst is gesloten" in response.content.decode()


def test_detail_shows_rates_only_for_groups_with_k_invited(client, world):
    people = [member(world.org, team=world.team) for _ in range(5)]
    campaign = launched(world, role_groups=("medewerkers",))
    instrument = campaign.instrument_version.instrument
    for person in people[:3]:
        submit(invitation=invitation_of(campaign, person), instrument=instrument)
    client.force_login(world.board)
    response = client.get(url("scans:detail", campaign_id=campaign.pk))
    rows = {row["label"]: row for row in response.context["overview"]["rows"]}
    assert rows["Groep Rups"]["responded"] == 3
    assert (rows["Groep Rups"]["rate"].invited, rows["Groep Rups"]["rate"].percentage) == (6, 50)
    content = response.content.decode()
    for person in people:
        assert person.name not in content and person.email not in content


def test_detail_hides_small_groups(client, world):
    campaign = launched(world, role_groups=("medewerkers",))
    submit(
        invitation=invitation_of(campaign, world.staff),
        instrument=campaign.instrument_version.instrument,
    )
    client.force_login(world.admin)
    response = client.get(url("scans:detail", campaign_id=campaign.pk))
    assert all(row["responded"] is None for row in response.context["overview"]["rows"])
    assert "Niet getoond, om de anonimiteit te beschermen" in response.content.decode()


def test_parent_campaign_launch_makes_single_use_letters_per_team(world):
    campaign = launched(world, key="ouders", audience="parents", role_groups=())
    codes = list(campaign.access_codes.order_by("team_key"))
    per_team = {}
    for c in codes:
        assert (c.use_limit, c.uses, len(c.code)) == (1, 0, 8)
        per_team[c.team_key] = per_team.get(c.team_key, 0) + 1
    assert per_team == {world.team.pk: 30, world.other_team.pk: 30}
    assert len({c.code for c in codes}) == 60
    assert ScanInvitation.objects.filter(campaign=campaign).count() == 0


def test_parent_letters_skip_a_staff_only_team(world):
    """Issue 12: the school's "Ondersteuningsteam" got codes for parents and pupils. A team
    of staff only has no children: it gets no letters; the groups do."""
    from tests.factories import TeamFactory

    support = TeamFactory(location=world.location, name="Ondersteuningsteam", kind="team")
    campaign = launched(world, key="ouders", audience="parents", role_groups=())
    teams = set(campaign.access_codes.values_list("team_key", flat=True))
    assert teams == {world.team.pk, world.other_team.pk}
    assert support.pk not in teams


def test_instrument_copy_edit_publish_freezes_a_new_version(client, world):
    from lerend.scans.models import InstrumentVersion, OrganisationInstrument
    from lerend.scans.services import shipped_version

    shipped = shipped_version("pulse")
    client.force_login(world.admin)
    response = client.post(url("scans:instrument_copy", version_id=shipped.pk))
    own = OrganisationInstrument.objects.get(organisation=world.org)
    assert response["Location"] == url("scans:instrument_edit", draft_id=own.pk)
    first, second = (item["key"] for item in own.definition["items"][:2])
    edit = url("scans:instrument_edit", draft_id=own.pk)
    client.post(edit, {"action": "item_down", "key": first})
    client.post(
        edit,
        {
            "action": "item_add",
            "item-dimension": "team",
            "item-text_nl": "Wij lachen samen.",
            "item-text_en": "We laugh together.",
            "item-reverse": "on",
        },
    )
    # a dimension keeps at least one item: remove the old one after adding the new one
    client.post(edit, {"action": "item_remove", "key": second})
    client.post(url("scans:instrument_publish", draft_id=own.pk))
    version = InstrumentVersion.objects.get(organisation=world.org)
    items = version.instrument.items
    assert (version.version, len(items), items[0].key) == (1, 12, first)
    assert (items[-1].text.nl, items[-1].reverse, items[-1].dimension) == (
        "Wij lachen samen.",
        True,
        "team",
    )
    assert len(shipped.instrument.items) == 12
    client.post(edit, {"action": "item_remove", "key": first})
    client.post(url("scans:instrument_publish", draft_id=own.pk))
    version.refresh_from_db()
    assert len(version.instrument.items) == 12  # the published version stays frozen
    assert InstrumentVersion.objects.filter(organisation=world.org).count() == 2
    client.force_login(world.manager)
    assert client.get(edit).status_code == 403
