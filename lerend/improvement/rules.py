"""Who may do what in the improvement cycle. Every rule takes ``request.access`` (and the
object it is about) and answers yes/no.

Decisions, so that they are written down once:
- Every member reads the vision and the goals at every level of their organisation —
  including another team's goals: seeing what others work on makes the cascade visible and
  invites learning from each other.
- A team's *board* (actions, agreements, problems, session notes) is the team's working
  space: only its members (any role with a team membership), leaders covering the team and
  coaches covering it (read-only) open it. A member of another team gets 403.
- Working the board (moving and adding actions, items, notes) is for the team's members and
  the leaders covering the team. A coach may look, not change.
- Goals and accents: organisation level — bestuurder and beheerder; location level — the
  locatiemanager of that location and organisation-wide leaders; team level — the team's
  teamleider and anyone leading a wider scope that covers the team.
"""

from lerend.organisations.access import LEADER_ROLES, Access
from lerend.organisations.models import Location, Role, Team

from .models import Action, DevelopmentTheme, Goal, SteeringGroupMember, ThemeStatus

ORG_LEADERS = frozenset({Role.BESTUURDER, Role.BEHEERDER})
LOCATION_LEADERS = ORG_LEADERS | {Role.LOCATIEMANAGER}


def can_edit_organisation_level(access: Access) -> bool:
    """Organisation vision, organisation goals, the app's settings."""
    return access.covers_organisation(roles=ORG_LEADERS)


def can_edit_location_level(access: Access, location: Location) -> bool:
    return access.covers_location(location.id, roles=LOCATION_LEADERS)


def can_edit_team_level(access: Access, team: Team) -> bool:
    """Team accent, team goals, board schedule and calendar link."""
    return access.covers_team(team, roles=LEADER_ROLES)


def can_edit_level(
    access: Access, *, location: Location | None = None, team: Team | None = None
) -> bool:
    if team is not None:
        return can_edit_team_level(access, team)
    if location is not None:
        return can_edit_location_level(access, location)
    return can_edit_organisation_level(access)


def can_edit_goal(access: Access, goal: Goal) -> bool:
    return can_edit_level(access, location=goal.location, team=goal.team)


def can_read_goals(access: Access, obj: object = None) -> bool:
    """Any member, at every level (``obj``: the goal, team or location asked about);
    tenancy has already given outsiders a 404."""
    return access is not None


def can_work_board(access: Access, team: Team) -> bool:
    return team.id in access.team_ids or access.covers_team(team, roles=LEADER_ROLES)


def can_view_board(access: Access, team: Team) -> bool:
    return can_work_board(access, team) or access.covers_team(team, roles={Role.COACH})


def can_answer_follow_up(access: Access, action: Action) -> bool:
    """The owner answers "Did it work?"; the team's leaders may do it for them."""
    return action.owner_id == access.person_id or can_edit_team_level(access, action.team)


def can_work_on_action(access: Access, action: Action) -> bool:
    """Edit and move an action: whoever works the board of its team."""
    return can_work_board(access, action.team)


def can_add_action(access: Access) -> bool:
    """There is a board this person works on."""
    teams = Team.objects.filter(organisation=access.organisation).only("id", "location_id")
    return any(can_work_board(access, t) for t in teams)


# --- development themes, advice, dashboard -------------------------------------------------
#
# Themes: every member reads them, proposes one and supports one; the steering group
# (appointed by the bestuurder or beheerder, any member may be in it) decides and adds
# projects. Supporters are shown as a count; only the supporter sees "you support this" —
# support should not turn into a popularity list of names.
# Advice and the dashboard show scan results and team progress: leaders and coaches for
# their own scope (a locatiemanager the own location, never the whole organisation).

ADVICE_ROLES = LEADER_ROLES | {Role.COACH}


def can_read_themes(access: Access, theme: DevelopmentTheme | None = None) -> bool:
    return access is not None


def can_propose_theme(access: Access) -> bool:
    return access is not None


def can_manage_steering_group(access: Access, member: SteeringGroupMember | None = None) -> bool:
    return access.covers_organisation(roles=ORG_LEADERS)


def is_steering_member(access: Access) -> bool:
    if not access.memberships:
        return False
    if "steering_member" not in access.memo:
        # Kept on the request's Access: asked by several rules on one page.
        access.memo["steering_member"] = SteeringGroupMember.objects.filter(
            organisation=access.organisation, person_id=access.person_id
        ).exists()
    return access.memo["steering_member"]


def can_decide_theme(access: Access, theme: DevelopmentTheme | None = None) -> bool:
    return is_steering_member(access)


def can_add_project(access: Access, theme: DevelopmentTheme) -> bool:
    return theme.status == ThemeStatus.ADOPTED and is_steering_member(access)


def can_view_advice(
    access: Access, *, location: Location | None = None, team: Team | None = None
) -> bool:
    if team is not None:
        return access.covers_team(team, roles=ADVICE_ROLES)
    if location is not None:
        return access.covers_location(location.id, roles=ADVICE_ROLES)
    return access.covers_organisation(roles=ADVICE_ROLES)


def can_view_any_advice(access: Access) -> bool:
    return access.has_role(*ADVICE_ROLES)


def can_view_dashboard(access: Access) -> bool:
    """Bestuurder and beheerder (whole organisation), locatiemanager (own locations)."""
    return access.covers_organisation(roles=ORG_LEADERS) or access.has_role(Role.LOCATIEMANAGER)


def dashboard_location_ids(access: Access) -> set[int] | None:
    """None: the whole organisation; otherwise the locations this leader covers."""
    if access.covers_organisation(roles=LOCATION_LEADERS):
        return None
    return {
        m.location_id for m in access.memberships if m.role == Role.LOCATIEMANAGER and m.location_id
    }


def can_download_team_plan(access: Access, team: Team) -> bool:
    return can_view_board(access, team)
