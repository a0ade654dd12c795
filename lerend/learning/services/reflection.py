"""Team reflections and the actions made from them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lerend.frameworks.fields import clean_block_keys
from lerend.improvement.models import Origin
from lerend.improvement.services import create_action
from lerend.organisations.models import Membership

from .. import rules
from ..models import (
    TeamReflection,
)


def _check_participants(team, participants):
    allowed = set(
        Membership.objects.active()
        .filter(organisation_id=team.organisation_id)
        .values_list("person_id", flat=True)
    )
    if any(p.pk not in allowed for p in participants):
        raise ValidationError({"participants": _("Choose participants from the organisation.")})


REFLECTION_FIELDS = ("title", "period", "held_on", "went_well", "learned", "change", "outcomes")


@transaction.atomic
def create_reflection(*, access, actor, team, participants=(), **values) -> TeamReflection:
    """Records a team reflection. Only the team's members and covering leaders may."""
    if team.organisation_id != access.organisation.id or not rules.can_work_on_reflection(
        access, team
    ):
        raise ValidationError({"team": _("Choose one of your teams.")})
    _check_participants(team, participants)
    reflection = TeamReflection(
        organisation=access.organisation, team=team, created_by=actor, **values
    )
    reflection.full_clean()
    reflection.save()
    reflection.participants.set(participants)
    return reflection


@transaction.atomic
def update_reflection(*, reflection, participants=(), **values) -> TeamReflection:
    _check_participants(reflection.team, participants)
    for name, value in values.items():
        setattr(reflection, name, value)
    reflection.full_clean()
    reflection.save()
    reflection.participants.set(participants)
    return reflection


@transaction.atomic
def reflection_to_action(*, reflection, actor, title, owner, due_on, building_blocks=()):
    """ "Maak er een actie van": turns an outcome into an improvement Action of the team
    (origin "reflection"). Side effects: the Action (through the improvement service) and
    its link to this reflection."""
    action = create_action(
        organisation=reflection.organisation,
        actor=actor,
        team=reflection.team,
        title=title,
        owner=owner,
        due_on=due_on,
        origin=Origin.REFLECTION,
        building_blocks=clean_block_keys(building_blocks),
    )
    reflection.actions.add(action)
    return action
