import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from lerend.accounts.models import User
from lerend.kit.tokens import hash_token
from lerend.organisations.invitations import services
from lerend.organisations.models import AuditEntry, Invitation, Membership, Role, Scope
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "lange-wandeling-op-zondag"


def _invite(world, email="nieuw@example.nl", **extra):
    values = {"role": Role.MEDEWERKER, "scope": Scope.TEAM, "team": world.team, "fte": "0.6"}
    values.update(extra)
    return services.invite_person(
        organisation=world.org,
        actor=world.admin,
        email=email,
        name="Nieuwe Collega",
        **values,
    )


def _token_from_mail() -> str:
    # The link is made from the SITE_URL setting, never from the request's host.
    site = re.escape(settings.SITE_URL.rstrip("/"))
    match = re.search(site + r"/uitnodiging/([\w-]+)/", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


def test_invite_page_sends_mail_with_link(client, world, url, django_capture_on_commit_callbacks):
    client.force_login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("organisations:invite"),
            {
                "name": "Nieuwe Collega",
                "email": "Nieuw@Example.nl",
                "role": "medewerker",
                "scope": "team",
                "team": world.team.pk,
                "fte": "0,6",
            },
        )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["nieuw@example.nl"]
    token = _token_from_mail()
    invitation = Invitation.objects.get()
    assert invitation.token_hash == hash_token(token)
    assert token not in invitation.token_hash
    assert invitation.expires_at.date() == (timezone.now() + datetime.timedelta(days=14)).date()
    assert AuditEntry.objects.get(action="invitation.create").after["email"] == "nieuw@example.nl"


def test_invite_existing_member_refused(client, world, url):
    client.force_login(world.admin)
    response = client.post(
        url("organisations:invite"),
        {
            "name": "X",
            "email": world.staff.email,
            "role": "medewerker",
            "scope": "organisation",
            "fte": "1",
        },
    )
    assert response.status_code == 200
    assert Invitation.objects.count() == 0


@pytest.mark.parametrize(
    ("persona", "status"), [("admin", 200), ("teamleader", 403), ("board", 403), ("outsider", 404)]
)
def test_invitations_list_personas(client, world, url, persona, status):
    client.force_login(getattr(world, persona))
    assert client.get(url("organisations:invitations")).status_code == status


def test_accept_new_person(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(world)
    token = _token_from_mail()
    accept = reverse("invitations:accept", args=[token])
    page = client.get(accept)
    assert page.status_code == 200
    assert "Kinderopvang De Regenboog" in page.content.decode()
    response = client.post(
        accept, {"name": "Nina Nieuw", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("web:org_home", args=["regenboog"])
    person = User.objects.get(email="nieuw@example.nl")
    assert person.name == "Nina Nieuw" and person.check_password(NEW_PASSWORD)
    membership = Membership.objects.get(person=person)
    assert (membership.team, str(membership.fte)) == (world.team, "0.60")
    assert Invitation.objects.get().used_at is not None
    assert client.get(reverse("web:org_home", args=["regenboog"])).status_code == 200


def test_accept_new_person_weak_password_in_dutch(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(world)
    accept = reverse("invitations:accept", args=[_token_from_mail()])
    response = client.post(accept, {"name": "Nina", "password1": "12345", "password2": "12345"})
    assert response.status_code == 200
    assert "Dit wachtwoord is te kort: gebruik minstens 10 tekens." in response.content.decode()
    assert not User.objects.filter(email="nieuw@example.nl").exists()
    assert Invitation.objects.get().used_at is None


def test_accept_existing_person_must_log_in(client, world, django_capture_on_commit_callbacks):
    existing = UserFactory(email="bestaand@example.nl")
    with django_capture_on_commit_callbacks(execute=True):
        _invite(world, email="bestaand@example.nl", role=Role.COACH, scope=Scope.ORGANISATION)
    accept = reverse("invitations:accept", args=[_token_from_mail()])
    page = client.get(accept)
    assert page.status_code == 200
    assert page.context["login_url"] == "/account/inloggen/?next=" + accept.replace("/", "%2F")
    assert client.post(accept).status_code == 200
    assert not Membership.objects.filter(person=existing).exists()
    client.force_login(existing)
    response = client.post(accept)
    assert response.status_code == 302
    assert Membership.objects.get(person=existing).role == Role.COACH
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)


def test_accept_existing_person_wrong_account(client, world, django_capture_on_commit_callbacks):
    UserFactory(email="bestaand@example.nl")
    with django_capture_on_commit_callbacks(execute=True):
        _invite(world, email="bestaand@example.nl")
    accept = reverse("invitations:accept", args=[_token_from_mail()])
    client.force_login(world.staff)
    client.post(accept)
    assert Invitation.objects.get().used_at is None


def test_accept_expired_gives_410_and_stores_nothing(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = _invite(world)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    accept = reverse("invitations:accept", args=[_token_from_mail()])
    assert client.get(accept).status_code == 410
    response = client.post(
        accept, {"name": "N", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 410
    assert "Deze uitnodiging is verlopen" in response.content.decode()
    assert not User.objects.filter(email="nieuw@example.nl").exists()


def test_accept_unknown_token_404(client, db):
    response = client.get(reverse("invitations:accept", args=["bestaat-niet"]))
    assert response.status_code == 404
    assert "Deze uitnodigingslink is niet geldig" in response.content.decode()


def test_accept_revoked_410(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = _invite(world)
    services.revoke_invitation(invitation=invitation, actor=world.admin)
    assert client.get(reverse("invitations:accept", args=[_token_from_mail()])).status_code == 410


def test_accept_twice_gives_one_membership(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(world)
    token = _token_from_mail()
    accept = reverse("invitations:accept", args=[token])
    data = {"name": "Nina", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    assert client.post(accept, data).status_code == 302
    other_tab = client.__class__()
    assert other_tab.post(accept, data).status_code == 410
    with pytest.raises(services.InvitationUnavailable):
        services.accept_invitation(token=token, name="Nina", password=NEW_PASSWORD)
    assert Membership.objects.filter(person__email="nieuw@example.nl").count() == 1


def test_accept_imported_person_sets_password_without_second_membership(
    world, django_capture_on_commit_callbacks
):
    from lerend.organisations import imports

    rows = imports.parse_upload("s.csv", b"naam;e-mail;team\nIma;ima@example.nl;Groep Rups\n")
    with django_capture_on_commit_callbacks(execute=True):
        services.import_staff(organisation=world.org, actor=world.admin, raw_rows=rows)
    person, _ = services.accept_invitation(
        token=_token_from_mail(), name="Ima", password=NEW_PASSWORD
    )
    assert person.check_password(NEW_PASSWORD)
    assert Membership.objects.filter(person=person).count() == 1


def test_revoke_and_resend(client, world, url, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = _invite(world)
    old_token = _token_from_mail()
    client.force_login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("organisations:invitation_resend", invitation_id=invitation.pk))
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    new_token = _token_from_mail()
    assert new_token != old_token
    assert client.get(reverse("invitations:accept", args=[old_token])).status_code == 404
    client.post(url("organisations:invitation_revoke", invitation_id=invitation.pk))
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert [e.action for e in AuditEntry.objects.order_by("id")] == [
        "invitation.create",
        "invitation.resend",
        "invitation.revoke",
    ]
