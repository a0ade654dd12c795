"""Background work of accounts: the password-reset mail and the daily purge of rate-limit
counters.

Why the mail is a task: the reset page must look and behave the same for an address with an account
and one without. Looking the address up and sending the mail in the request would make the
answer measurably slower for existing accounts; now every request does the same work
(count, enqueue, redirect) and the worker does the rest. Tests use the immediate backend.
"""

from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from lerend.kit import mail
from lerend.kit.site import site_url

from . import throttle
from .sso.services import purge_requests

# The configured address, never the request's Host header: a forged Host would otherwise
# put someone else's site in the reset link.
_site_url = site_url


@task
def send_password_reset_mail(email: str) -> int:
    """Mail a link to choose a new password to the active account with this address (in
    that person's language). An unknown or inactive address gets nothing. Returns the number
    of mails sent."""
    sent = 0
    # Django's own rules: active accounts with a usable password, address compared
    # case-insensitively.
    for user in PasswordResetForm().get_users(email):
        link = _site_url() + reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        with translation.override(user.language or "nl"):
            context = {"user": user, "link": link}
            subject = render_to_string("accounts/mail/password_reset_subject.txt", context)
            body = render_to_string("accounts/mail/password_reset.txt", context)
        mail.send(to=user.email, subject="".join(subject.splitlines()), body=body)
        sent += 1
    return sent


@task
def purge_attempt_counters() -> int:
    """Daily: delete rate-limit counters whose window has ended (they count as empty anyway;
    this only keeps the table small), and single sign-on requests that ended more than a day
    ago (docs/sso.md promises they go). Returns the number deleted."""
    return throttle.purge_expired() + purge_requests()
