"""A mail backend that refuses every address with "kapot" in it, like a server rejecting a
mailbox, and keeps the accepted mails in django.core.mail.outbox."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class FlakyBackend(EmailBackend):
    def send_messages(self, messages):
        for message in messages:
            if any("kapot" in address for address in message.to):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"No such user")})
        return super().send_messages(messages)
