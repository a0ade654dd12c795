"""Trust is the condition: a private record of staff A reaches nobody else — not through a
page, a list, an overview, an export or a guessed URL. Every test first creates the
records that could leak."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from lerend.learning import services
from lerend.learning.models import Share
from lerend.organisations.models import AuditEntry

from .conftest import SECRET, access_of

OTHERS = ["teamleader", "manager", "board", "admin", "coach", "teammate", "outsider"]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _person(world, teammate, name):
    return teammate if name == "teammate" else getattr(world, name)


@pytest.fixture
def records(world, entry, plan):
    """Everything of staff A that could leak: entry, POP with goal and evidence file, and
    a review conversation with someone who is not the persona under test."""
    evidence = services.add_evidence(
        plan=plan,
        kind="file",
        title="Verslag",
        uploaded=SimpleUploadedFile("verslag.png", PNG, content_type="image/png"),
    )
    return {"entry": entry, "plan": plan, "evidence": evidence, "goal": plan.goals.get()}


def _private_urls(url, records):
    e, p, g, ev = records["entry"], records["plan"], records["goal"], records["evidence"]
    return [
        url("learning:entry_detail", entry_id=e.pk),
        url("learning:entry_edit", entry_id=e.pk),
        url("learning:entry_to_goal", entry_id=e.pk),
        url("learning:plan_detail", plan_id=p.pk),
        url("learning:goal_create", plan_id=p.pk),
        url("learning:evidence_create", plan_id=p.pk),
        url("learning:review_create", plan_id=p.pk),
        url("learning:goal_edit", plan_goal_id=g.pk),
        url("learning:evidence_file", evidence_id=ev.pk),
    ]


def _private_posts(url, records):
    e, p, g, ev = records["entry"], records["plan"], records["goal"], records["evidence"]
    return [
        url("learning:entry_delete", entry_id=e.pk),
        url("learning:entry_share", entry_id=e.pk),
        url("learning:plan_share", plan_id=p.pk),
        url("learning:activity_create", plan_goal_id=g.pk),
        url("learning:evidence_delete", evidence_id=ev.pk),
    ]


@pytest.mark.parametrize("persona", OTHERS)
def test_private_records_are_404_for_everyone_but_the_owner(
    client, world, teammate, url, records, persona
):
    client.force_login(_person(world, teammate, persona))
    for address in _private_urls(url, records):
        assert client.get(address).status_code == 404, address
    for address in _private_posts(url, records):
        assert client.post(address, {}).status_code == 404, address
    assert records["entry"].__class__.objects.filter(pk=records["entry"].pk).exists()


def test_private_records_open_for_the_owner(client, world, url, records):
    client.force_login(world.staff)
    for address in _private_urls(url, records):
        assert client.get(address).status_code == 200, address


def _routes_without_objects():
    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                yield prefix + str(p.pattern)

    for route in sorted(set(walk(get_resolver().url_patterns))):
        names = re.findall(r"<(?:\w+:)?(\w+)>", route)
        if set(names) <= {"org_slug"} and not route.startswith("i18n"):
            yield "/" + route.replace("<slug:org_slug>", "regenboog")


@pytest.mark.parametrize("persona", OTHERS)
def test_private_text_appears_on_no_page_without_ids(client, world, teammate, records, persona):
    """Every list, overview, dashboard and export (the own-data JSON included) any persona
    can open — every URL of the project that takes no object id: the secret text, the
    entry's title and the POP goal are absent."""
    client.force_login(_person(world, teammate, persona))
    opened = []
    for address in _routes_without_objects():
        response = client.get(address)
        if response.status_code != 200:
            continue
        body = b"".join(response) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        assert SECRET not in text, address
        assert "Moeilijk moment" not in text, address
        assert "Rustig blijven bij conflicten" not in text, address
        opened.append(address)
    assert "/account/profiel/mijn-gegevens.json" in opened
    assert ("/o/regenboog/leren/" in opened) is (persona != "outsider")


def test_private_records_leave_nothing_in_the_audit_log(world, records):
    """The beheerder reads the audit log; personal records write nothing there."""
    services.share(
        access=access_of(world.staff, world.org),
        owner=world.staff,
        entry=records["entry"],
        person=world.coach,
    )
    assert AuditEntry.objects.filter(target_type__icontains="entry").count() == 0
    assert not any(SECRET in str(a.after) for a in AuditEntry.objects.all())


def test_share_with_coach_opens_entry_for_that_coach_only(client, world, teammate, url, entry):
    share = services.share(
        access=access_of(world.staff, world.org), owner=world.staff, entry=entry, person=world.coach
    )
    detail = url("learning:entry_detail", entry_id=entry.pk)
    client.force_login(world.coach)
    response = client.get(detail)
    assert response.status_code == 200
    assert SECRET in response.content.decode()
    assert client.get(url("learning:entry_edit", entry_id=entry.pk)).status_code == 404
    assert client.post(url("learning:share_revoke", share_id=share.pk)).status_code == 404
    for other in (world.teamleader, world.manager, teammate):
        client.force_login(other)
        assert client.get(detail).status_code == 404


def test_revoking_a_share_removes_access_at_once(client, world, url, entry):
    share = services.share(
        access=access_of(world.staff, world.org), owner=world.staff, entry=entry, person=world.coach
    )
    detail = url("learning:entry_detail", entry_id=entry.pk)
    client.force_login(world.coach)
    assert client.get(detail).status_code == 200
    client.force_login(world.staff)
    response = client.post(url("learning:share_revoke", share_id=share.pk))
    assert response.status_code == 302
    assert Share.objects.count() == 0
    client.force_login(world.coach)
    assert client.get(detail).status_code == 404
    assert "Moeilijk moment" not in client.get(url("learning:my_learning")).content.decode()


def test_team_share_reaches_team_colleagues_not_their_leader_or_the_location(
    client, world, teammate, url, entry
):
    services.share(
        access=access_of(world.staff, world.org), owner=world.staff, entry=entry, team=world.team
    )
    detail = url("learning:entry_detail", entry_id=entry.pk)
    client.force_login(teammate)
    assert client.get(detail).status_code == 200
    assert "Moeilijk moment" in client.get(url("learning:my_learning")).content.decode()
    # "Je team" means the colleagues: the team's own leader is in the team too, but reads
    # the entry only when the owner also shares it with them (issue 16: the page promises it).
    others = (world.teamleader, world.manager, world.board, world.admin, world.coach)
    for other in (*others, world.outsider):
        client.force_login(other)
        assert client.get(detail).status_code == 404
        if other != world.outsider:
            page = client.get(url("learning:my_learning")).content.decode()
            assert "Moeilijk moment" not in page
    services.share(
        access=access_of(world.staff, world.org),
        owner=world.staff,
        entry=entry,
        person=world.teamleader,
    )
    client.force_login(world.teamleader)
    assert client.get(detail).status_code == 200


def test_leader_sees_pop_only_after_owner_shares_it(client, world, url, plan):
    detail = url("learning:plan_detail", plan_id=plan.pk)
    client.force_login(world.teamleader)
    assert client.get(detail).status_code == 404
    client.force_login(world.staff)
    response = client.post(
        url("learning:plan_share", plan_id=plan.pk), {"person": world.teamleader.pk}
    )
    assert response.status_code == 302
    client.force_login(world.teamleader)
    response = client.get(detail)
    assert response.status_code == 200
    assert "Rustig blijven bij conflicten" in response.content.decode()
    client.force_login(world.manager)
    assert client.get(detail).status_code == 404


def test_share_refuses_people_outside_the_owners_coverage(world, teammate, entry):
    from django.core.exceptions import ValidationError

    access = access_of(world.staff, world.org)
    for target in (teammate, world.outsider):
        with pytest.raises(ValidationError):
            services.share(access=access, owner=world.staff, entry=entry, person=target)
    with pytest.raises(ValidationError):
        services.share(access=access, owner=world.staff, entry=entry, team=world.other_team)
    assert Share.objects.count() == 0


def test_review_is_seen_by_the_two_parties_only(client, world, teammate, url, plan):
    review = services.create_review(
        access=access_of(world.staff, world.org), plan=plan, kind="planning", reviewer=world.coach
    )
    services.save_review_notes(review=review, notes="Afspraak: elke vrijdag terugkijken")
    detail = url("learning:review_detail", review_id=review.pk)
    for party in (world.staff, world.coach):
        client.force_login(party)
        assert client.get(detail).status_code == 200
    for name in ("teamleader", "manager", "board", "admin", "teammate", "outsider"):
        client.force_login(_person(world, teammate, name))
        assert client.get(detail).status_code == 404, name
        assert client.post(url("learning:review_confirm", review_id=review.pk)).status_code == 404
    # The reviewer takes part in the conversation but does not get the POP by it.
    client.force_login(world.coach)
    assert client.get(url("learning:plan_detail", plan_id=plan.pk)).status_code == 404
