"""Background work of organisations: the daily retention run (docs/privacy.md), and the
invitation mail, sent by the worker (never inside the request that invites).

The link's token is made here, when the mail goes: a new random token whose sha256 replaces
the invitation's (a conditional update, only while the invitation is open). So no usable
token ever waits in the task table, and a later resend makes an earlier link stop working,
as before."""

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lerend.kit import mail
from lerend.kit.site import absolute
from lerend.kit.tokens import hash_token, new_token

from . import privacy
from .models import Invitation


@task
def send_invitation_mail(invitation_id: int, language: str) -> bool:
    """Mail the invitation's link in ``language``. Returns False when the invitation is
    gone, used, revoked or expired by now (then nothing is sent)."""
    token = new_token()
    with transaction.atomic():
        claimed = Invitation.objects.filter(
            pk=invitation_id,
            used_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        ).update(token_hash=hash_token(token))
        if not claimed:
            return False
        invitation = Invitation.objects.select_related("organisation").get(pk=invitation_id)
    link = absolute(reverse("invitations:accept", args=[token]))
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {"invitation": invitation, "link": link, "days": settings.INVITATION_VALID_DAYS}
        subject = _("Invitation to join %(organisation)s on Lerend") % {
            "organisation": invitation.organisation.name
        }
        body = render_to_string("organisations/mail/invitation.txt", context)
    mail.send(to=invitation.email, subject=subject, body=body)
    return True


@task
def apply_retention() -> int:
    """Daily: remove in every organisation what has passed its retention period (every
    app's ``retention`` work). Idempotent: what is gone stays gone, a second run removes
    nothing more. Returns the number of organisations done."""
    return privacy.apply_retention_everywhere()
