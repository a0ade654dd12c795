"""What improvement offers other apps by id (contribution slot ``offers``):

- ``make_team_action(organisation, actor, team, title, due_on, building_blocks=(),
  origin="anders") -> LinkedRecord``: puts an action on the team's board (owner: ``actor``,
  in "to do") and returns it as a link to the board. The caller checks that ``actor`` may
  add to that team's board — a member of the team or someone who works with it.
"""

from django.urls import reverse

from lerend.kit.contrib import LinkedRecord

from .models import Origin
from .services import create_action


def make_team_action(
    organisation, actor, team, title, due_on, building_blocks=(), origin=Origin.OTHER
) -> LinkedRecord:
    action = create_action(
        organisation=organisation,
        actor=actor,
        team=team,
        title=title,
        owner=actor,
        due_on=due_on,
        origin=origin,
        building_blocks=list(building_blocks),
    )
    url = reverse("improvement:board", args=[organisation.slug, team.pk])
    return LinkedRecord(action.pk, action.title, url)
