"""Who may do what in monitoring. Every rule takes ``request.access`` (and the object it is
about) and answers yes/no.

Decisions, written down once:
- Indicators at organisation level are read by every member (like goals: seeing what the
  organisation measures invites learning). A location's or team's indicators are read by
  those who work there and by leaders and coaches covering it.
- Indicators are made and changed at a level by those who set goals there (organisation:
  bestuurder, beheerder; location: its locatiemanager and wider; team: its teamleider and
  wider). The owner may add check-ins too.
- Per-group numbers (imported group results, well-being profiles) are seen by the group
  itself and by leaders and coaches covering the group — never as a ranking.
- A well-being round is entered by the group's own staff and the leaders covering it; a
  coach covering the group reads it.
- Experiments: every member reads them (the timeline celebrates them); leaders add them;
  the owner and leaders covering a team keep its implementation log.
"""

from lerend.improvement.models import Goal
from lerend.organisations.access import LEADER_ROLES, Access
from lerend.organisations.models import Location, Role, Team

from .models import (
    Experiment,
    ImplementationStep,
    Indicator,
    Level,
    Source,
    WellbeingRound,
)

ORG_LEADERS = frozenset({Role.BESTUURDER, Role.BEHEERDER})
LOCATION_LEADERS = ORG_LEADERS | {Role.LOCATIEMANAGER}
COVER_ROLES = LEADER_ROLES | {Role.COACH}


def can_read_monitoring(access: Access) -> bool:
    return access is not None


def can_edit_level(
    access: Access, *, location: Location | None = None, team: Team | None = None
) -> bool:
    if team is not None:
        return access.covers_team(team, roles=LEADER_ROLES)
    if location is not None:
        return access.covers_location(location.id, roles=LOCATION_LEADERS)
    return access.covers_organisation(roles=ORG_LEADERS)


def can_create_indicator(access: Access) -> bool:
    """Anyone who may set indicators at some level."""
    return access.is_leader


def can_view_indicator(access: Access, indicator: Indicator) -> bool:
    if indicator.level == Level.TEAM:
        return indicator.team_id in access.team_ids or access.covers_team(
            indicator.team, roles=COVER_ROLES
        )
    if indicator.level == Level.LOCATION:
        location_id = indicator.location_id
        return location_id is not None and (
            location_id in access.location_ids
            or access.covers_location(location_id, roles=COVER_ROLES)
        )
    return True


def can_edit_indicator(access: Access, indicator: Indicator) -> bool:
    return can_view_indicator(access, indicator) and can_edit_level(
        access, location=indicator.location, team=indicator.team
    )


def can_check_in(access: Access, indicator: Indicator) -> bool:
    """Add a measurement (or measure a computed one now): the owner, and who may edit it."""
    if not can_view_indicator(access, indicator):
        return False
    return indicator.owner_id == access.person_id or can_edit_indicator(access, indicator)


def can_import_group_results(access: Access, indicator: Indicator) -> bool:
    return indicator.source == Source.IMPORT and can_check_in(access, indicator)


def can_view_group(access: Access, team: Team) -> bool:
    """Per-group numbers of ``team``."""
    return team.id in access.team_ids or access.covers_team(team, roles=COVER_ROLES)


def can_view_round(access: Access, round_: WellbeingRound) -> bool:
    return can_view_group(access, round_.team)


def can_enter_round(access: Access, round_: WellbeingRound) -> bool:
    """Scores, the reflection, actions and closing: the group's own staff and its leaders."""
    return can_view_round(access, round_) and can_enter_wellbeing(access, round_.team)


def can_enter_wellbeing(access: Access, team: Team) -> bool:
    return team.id in access.team_ids or access.covers_team(team, roles=LEADER_ROLES)


def can_start_round(access: Access) -> bool:
    """Someone in a group, or a leader (who covers groups): may start a round for one."""
    return can_read_monitoring(access) and bool(access.team_ids or access.has_role(*LEADER_ROLES))


def can_view_wellbeing_overview(access: Access) -> bool:
    """Leaders and coaches: the groups in their scope."""
    return access.has_role(*COVER_ROLES)


def can_manage_settings(access: Access) -> bool:
    return access.covers_organisation(roles=ORG_LEADERS)


def can_add_experiment(access: Access) -> bool:
    return access.is_leader


def can_view_experiment(access: Access, experiment: Experiment) -> bool:
    return can_read_monitoring(access)


def can_edit_experiment(access: Access, experiment: Experiment) -> bool:
    return experiment.owner_id == access.person_id or access.covers_organisation(roles=ORG_LEADERS)


def can_log_step(access: Access, experiment: Experiment, team: Team) -> bool:
    return experiment.owner_id == access.person_id or access.covers_team(team, roles=LEADER_ROLES)


def can_log_steps(access: Access, experiment: Experiment) -> bool:
    """For at least one of the experiment's teams (``team_list``, as its selector loads it)."""
    teams = experiment.team_list  # type: ignore[attr-defined]  # set by its selector
    return any(can_log_step(access, experiment, t) for t in teams)


def can_mark_step(access: Access, step: ImplementationStep) -> bool:
    return can_log_step(access, step.experiment, step.team)


def can_view_chains(access: Access) -> bool:
    """The chain from learning to children: leaders and coaches."""
    return access.has_role(*COVER_ROLES)


def can_view_chain(access: Access, goal: Goal) -> bool:
    """For a goal's own scope only: its team, its location or the whole organisation."""
    if goal.team_id is not None:
        return access.covers_team(goal.team, roles=COVER_ROLES)
    if goal.location_id is not None:
        return access.covers_location(goal.location_id, roles=COVER_ROLES)
    return access.covers_organisation(roles=COVER_ROLES)


def can_view_goal_chain(access: Access, goal: Goal) -> bool:
    return can_view_chains(access) and can_view_chain(access, goal)
