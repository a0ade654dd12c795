"""Demo content of the organisation's management: an invitation still waiting to be
accepted, so the beheerder's invitation list shows one (see contrib.py). Made without a mail:
the demo sends nothing to an address that does not exist, and its link is never shown."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from lerend.kit.tokens import hash_token, new_token

from .models import Invitation, Role


def add_demo(demo) -> list[str]:
    return ["invitation"] if _add(demo) else []


@transaction.atomic
def _add(demo) -> bool:
    organisation = demo.organisation
    if Invitation.objects.filter(organisation=organisation).exists():
        return False
    domain = demo.login_email(Role.BEHEERDER).partition("@")[2]
    invitation = Invitation(
        organisation=organisation,
        email=f"nieuwe.collega@{domain}",
        name=demo.texts("Noor de Wit", "Daan Visser"),
        role=Role.MEDEWERKER,
        scope="team",
        team=demo.team_of(demo.login(Role.MEDEWERKER)),
        token_hash=hash_token(new_token()),
        invited_by=demo.login(Role.BEHEERDER),
        expires_at=timezone.now() + datetime.timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    return True
