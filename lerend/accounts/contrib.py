"""What accounts add to the whole (see lerend/kit/contrib.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lerend.kit.contrib import Contribution, NavItem, Task

from . import processing, reminders


def home_tasks(request):
    if request.user.has_two_factor:
        return []
    return [Task(_("Protect your account with two-step log-in"), reverse("accounts:profile"))]


def management_nav(request):
    url = reverse("sso_admin:settings", args=[request.access.organisation.slug])
    return [NavItem(80, _("Sign-in"), url, "sso_admin:settings")]


contribution = Contribution(
    processing=processing.PROCESSING,
    # The beheerder's page for sign-in with the organisation account (SSO).
    org_urls=(("beheer/inloggen/", "lerend.accounts.sso.urls_org"),),
    management_nav=management_nav,
    home_tasks=home_tasks,
    # Also deletes finished single sign-on requests (see tasks.purge_attempt_counters).
    daily_tasks=("lerend.accounts.tasks.purge_attempt_counters",),
    # Recovery codes belong to the account, not to an organisation: they are in no
    # download (secrets) and go when the account goes.
    # A sign-in request in flight names its person for a few minutes, then the daily purge
    # deletes it; it goes with the account as well.
    # Reminder choices belong to the person, not to an organisation; they are in the
    # download and go when the account goes.
    personal_models=("accounts.RecoveryCode", "accounts.SsoRequest", "accounts.ReminderOptOut"),
    own_data={"reminders_switched_off": lambda person: sorted(reminders.switched_off(person))},
    # The reminders page, reached from every reminder mail without logging in.
    public_urls=(("mail/herinneringen/", "lerend.accounts.reminder_urls"),),
)
