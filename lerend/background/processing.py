"""What background declares in the register of processing activities (verwerkingsregister,
docs/privacy.md); contrib.py names PROCESSING."""

from django.utils.translation import gettext_lazy as _

from lerend.kit.contrib import Processing

PROCESSING = (
    Processing(
        name=_("Mail outbox"),
        data=_(
            "E-mail address, subject and text of mails Lerend sends (the text is emptied once sent)"
        ),
        subjects=_("Everyone Lerend mails"),
        purpose=_("Sending each mail once, and telling the sender which did not arrive"),
        legal_basis=_(
            "Legitimate interest of the organisation as employer and learning organisation "
            "(AVG art. 6(1)(f))"
        ),
        retention=_("30 days"),
        recipients=_("The campaign owner sees addresses that could not be mailed"),
        models=(),
    ),
)
