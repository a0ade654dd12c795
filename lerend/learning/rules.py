"""Who may open which learning page. Personal records are not governed by roles at all
(see ``selectors``); roles decide only who sees the per-team counts."""

from lerend.organisations import team_picker
from lerend.organisations.access import Access
from lerend.organisations.models import Role, Team

from .models import PdActivity, TeamReflection


def can_view_team_overview(access: Access) -> bool:
    """Leaders see counts per team in their scope — never the records themselves."""
    return access.is_leader


PD_ORGANISER_ROLES = (Role.BEHEERDER, Role.BESTUURDER, Role.LOCATIEMANAGER)


def can_manage_pd_catalogue(access: Access) -> bool:
    """The PD catalogue and the budgets are kept by beheerder, bestuurder and
    locatiemanager; they are also the organisers who see the "applied?" counts."""
    return access.has_role(*PD_ORGANISER_ROLES)


def can_view_pd_totals(access: Access) -> bool:
    """Leaders see spent money and hours against budget for the teams in their scope."""
    return access.is_leader


def can_manage_pd_activity(access: Access, activity: PdActivity) -> bool:
    return can_manage_pd_catalogue(access)


def can_work_on_reflection(access: Access, team: Team) -> bool:
    """A team reflection is a team record: the team's members and the leaders covering
    the team read and write it."""
    return team.id in access.team_ids or access.covers_team(team)


def can_work_on_team_reflection(access: Access, reflection: TeamReflection) -> bool:
    return can_work_on_reflection(access, reflection.team)


def can_hold_reflection(access: Access) -> bool:
    """For at least one team: one of the person's own or one they cover as a leader."""
    return team_picker.covered_teams(access, own=True).exists()
