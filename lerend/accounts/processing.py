"""What accounts declares in the register of processing activities (verwerkingsregister,
docs/privacy.md); contrib.py names PROCESSING."""

from django.utils.translation import gettext_lazy as _

from lerend.kit.contrib import Processing

PROCESSING = (
    Processing(
        name=_("Account and sign-in"),
        data=_(
            "Name, e-mail address, language, password hash, two-step secret and recovery "
            "codes, sign-in attempts with SSO"
        ),
        subjects=_("Everyone with an account"),
        purpose=_("Letting people sign in safely"),
        legal_basis=_("Performance of the employment contract (AVG art. 6(1)(b))"),
        retention=_("As long as the account exists; SSO attempts 10 minutes"),
        recipients=_("The person; nobody else sees secrets"),
        models=("accounts.RecoveryCode", "accounts.SsoRequest"),
    ),
    Processing(
        name=_("Choice of reminder mails"),
        data=_("Which kinds of recurring reminder mail a person switched off"),
        subjects=_("Everyone with an account"),
        purpose=_("Sending only the reminders a person wants"),
        legal_basis=_("Legitimate interest: respecting the person's choice (AVG art. 6(1)(f))"),
        retention=_("As long as the account exists"),
        recipients=_("The person"),
        models=("accounts.ReminderOptOut",),
    ),
)
