"""Sharing a journal entry or a POP, and taking it back."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .. import selectors
from ..models import (
    Share,
)


def _check_target(access, owner, person, team) -> None:
    if (person is None) == (team is None):
        raise ValidationError(_("Choose one person or one team."))
    if (
        person is not None
        and not selectors.share_target_people(access, owner).filter(pk=person.pk).exists()
    ):
        raise ValidationError(_("You can share only with a coach or leader who covers you."))
    if team is not None and team.pk not in access.team_ids:
        raise ValidationError(_("You can share only with a team you belong to."))


@transaction.atomic
def share(*, access, owner, entry=None, plan=None, person=None, team=None) -> Share:
    """Lets ``person`` or the members of ``team`` read ``entry`` or ``plan`` (owned by
    ``owner``). Sharing twice with the same target keeps one share."""
    record = entry or plan
    if record is None or record.owner_id != owner.pk:
        raise ValidationError(_("Only the owner can share this."))
    _check_target(access, owner, person, team)
    found, _created = Share.objects.get_or_create(
        organisation=access.organisation,
        owner=owner,
        entry=entry,
        plan=plan,
        person=person,
        team=team,
    )
    return found


@transaction.atomic
def revoke_share(*, share) -> None:
    """Deletes the share: the reader loses access with their next request."""
    share.delete()
