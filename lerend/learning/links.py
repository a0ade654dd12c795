"""What learning offers other apps by id (contribution slot ``offers``), so that coaching
links to POPs and PD without importing learning's services:

- ``make_pop_goal(organisation, owner, year, title, description="", building_blocks=())
  -> int``: adds a goal to ``owner``'s own POP of ``year`` (made when missing) and returns
  its id. The caller makes sure ``owner`` asked for it: a POP is the owner's alone.
- ``coaching_pd(organisation, year) -> list[dict]``: the PD activities of kind "coaching"
  that started in ``year``: ``id``, ``title``, ``provider``, ``starts_on``, ``hours`` (of the
  activity, once — not per participant) and ``attendee_ids`` (participations marked
  attended). No write-ups, no "applied" answers.
"""

from lerend.organisations.models import Membership

from .models import Participation, ParticipationStatus, PdActivity, PdKind
from .services import plan as plan_services


def make_pop_goal(organisation, owner, year, title, description="", building_blocks=()) -> int:
    if not Membership.objects.active().filter(organisation=organisation, person=owner).exists():
        raise ValueError("owner is not a member of the organisation")
    pop = plan_services.get_or_create_plan(organisation=organisation, owner=owner, year=year)
    goal = plan_services.add_goal(
        plan=pop, title=title, description=description, building_blocks=building_blocks
    )
    return goal.pk


def coaching_pd(organisation, year) -> list[dict]:
    activities = list(
        PdActivity.objects.filter(
            organisation=organisation, kind=PdKind.COACHING, starts_on__year=year
        ).order_by("starts_on", "id")
    )
    attended: dict[int, list[int]] = {}
    for activity_id, person_id in Participation.objects.filter(
        activity__in=activities, status=ParticipationStatus.ATTENDED
    ).values_list("activity_id", "person_id"):
        attended.setdefault(activity_id, []).append(person_id)
    return [
        {
            "id": a.pk,
            "title": a.title,
            "provider": a.provider,
            "starts_on": a.starts_on,
            "hours": a.hours,
            "attendee_ids": attended.get(a.pk, []),
        }
        for a in activities
    ]
