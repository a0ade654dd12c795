"""What accounts add to the whole (see lerend/kit/contrib.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lerend.kit.contrib import Contribution, Task


def home_tasks(request):
    if request.user.has_two_factor:
        return []
    return [Task(_("Protect your account with two-step log-in"), reverse("accounts:profile"))]


contribution = Contribution(
    home_tasks=home_tasks,
    daily_tasks=("lerend.accounts.tasks.purge_attempt_counters",),
    # Recovery codes belong to the account, not to an organisation: they are in no
    # download (secrets) and go when the account goes.
    personal_models=("accounts.RecoveryCode",),
)
