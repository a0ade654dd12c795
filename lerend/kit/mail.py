"""Every mail Lerend sends, in one shape (docs/files.md):

- multipart: the text part from the app's ``.txt`` template, and an HTML part in Lerend's
  layout (one base template, ``mail/base.html``, which shows the same text with its links
  made clickable), so both parts always say the same;
- ``Auto-Submitted: auto-generated`` (RFC 3834: no out-of-office replies to it);
- a ``Message-ID`` in the site's own domain and links from ``SITE_URL``, never from a
  request's Host header;
- for recurring reminders a one-click ``List-Unsubscribe`` with ``List-Unsubscribe-Post``
  (RFC 8058) and a link to the page where the person chooses their reminders.

Call it from a task (the worker sends), never inside a request.
"""

from dataclasses import dataclass

from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import make_msgid
from django.template.loader import render_to_string

from .site import site_domain, site_url


@dataclass(frozen=True)
class Unsubscribe:
    """A recurring reminder's way out: the one-click address (POST) and the page where the
    person manages all their reminders."""

    one_click: str
    manage: str


def message(
    *, to: str, subject: str, body: str, unsubscribe: Unsubscribe | None = None
) -> EmailMultiAlternatives:
    """The mail, ready to send: ``body`` is the text part (already rendered)."""
    subject = " ".join(str(subject).split())  # one line: a newline would end the header
    headers = {
        "Auto-Submitted": "auto-generated",
        "Message-ID": make_msgid(domain=site_domain()),
    }
    if unsubscribe is not None:
        headers["List-Unsubscribe"] = f"<{unsubscribe.one_click}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    html = render_to_string(
        "mail/base.html",
        {"subject": subject, "body": body, "site_url": site_url(), "unsubscribe": unsubscribe},
    )
    text = body
    if unsubscribe is not None:
        text = render_to_string(
            "mail/footer.txt", {"body": body.rstrip("\n"), "unsubscribe": unsubscribe}
        )
    mail = EmailMultiAlternatives(subject, text, None, [to], headers=headers)
    mail.attach_alternative(html, "text/html")
    return mail


def send(*, to: str, subject: str, body: str, unsubscribe: Unsubscribe | None = None) -> None:
    message(to=to, subject=subject, body=body, unsubscribe=unsubscribe).send()


def send_template(
    *, to: str, subject: str, template: str, context: dict, unsubscribe: Unsubscribe | None = None
) -> None:
    """``template`` (a ``.txt``) rendered as the text part; see :func:`message`."""
    send(
        to=to,
        subject=subject,
        body=render_to_string(template, context),
        unsubscribe=unsubscribe,
    )
