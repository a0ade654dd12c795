"""Demo content of the API: a key of the demo beheerder (the key itself is not kept: it is
shown only once, when made), so the key pages show one (see contrib.py)."""

from django.db import transaction

from lerend.organisations.models import Role

from . import services
from .models import ApiToken


def add_demo(demo) -> list[str]:
    return ["API key"] if _add(demo) else []


@transaction.atomic
def _add(demo) -> bool:
    admin = demo.login(Role.BEHEERDER)
    if ApiToken.objects.filter(organisation=demo.organisation).exists():
        return False
    services.create_token(
        person=admin, organisation=demo.organisation, name="Dashboard bestuur", days=90
    )
    return True
