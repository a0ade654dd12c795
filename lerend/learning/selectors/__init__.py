"""Who may read which learning record: the app's read API. One function per question; every
view, export and overview goes through these, so there is one rule. The code lives in one
module per sub-domain; callers (in and outside the app) use this package.

The rule: a record is its owner's. Someone else reads it only through a Share the owner
made — to that person, or to a team the reader is a member of. A role (leader, coach,
beheerder) never grants access by itself. A record someone may not read does not exist
for them: 404, never 403. (Team reflections are team records: see reflection.)"""

from .feedback import (
    MIN_ANONYMOUS_ANSWERS,
    MIN_ASKED_FOR_ANONYMOUS,
    colleagues,
    feedback_answers,
    feedback_request_for_requester,
    invite_for_invitee,
    own_feedback_requests,
    pending_invites,
)
from .journal import (
    entries_shared_with,
    entries_visible_to,
    entry_for_owner,
    entry_for_viewer,
    own_entries,
)
from .overview import MIN_TEAM_SIZE_FOR_COUNTS, team_counts, teams_in_scope
from .own_data import own_learning_data
from .pd import (
    MIN_APPLIED_ANSWERS,
    applied_summary,
    own_participations,
    own_pd_budget,
    participation_for_owner,
    participations_to_answer,
    pd_activity_for_member,
    pd_catalogue,
    pd_totals,
    people_in_scope,
    shared_writeups,
)
from .plan import (
    activity_for_owner,
    current_pop,
    evidence_for_owner,
    evidence_for_viewer,
    goal_for_owner,
    own_plans,
    plan_goals,
    plans_shared_with,
    plans_visible_to,
    pop_for_owner,
    pop_for_viewer,
)
from .reflection import (
    members_of_teams,
    reflection_for_viewer,
    reflection_teams,
    reflections_visible_to,
)
from .reviews import review_for_viewer, reviews_to_confirm, reviews_visible_to
from .sharing import (
    SHARE_TARGET_ROLES,
    recent_shares_with,
    share_for_owner,
    share_target_memberships,
    share_target_people,
    share_target_teams,
    shares_of,
)

__all__ = [
    "MIN_ANONYMOUS_ANSWERS",
    "MIN_APPLIED_ANSWERS",
    "MIN_ASKED_FOR_ANONYMOUS",
    "MIN_TEAM_SIZE_FOR_COUNTS",
    "SHARE_TARGET_ROLES",
    "activity_for_owner",
    "applied_summary",
    "colleagues",
    "current_pop",
    "entries_shared_with",
    "entries_visible_to",
    "entry_for_owner",
    "entry_for_viewer",
    "evidence_for_owner",
    "evidence_for_viewer",
    "feedback_answers",
    "feedback_request_for_requester",
    "goal_for_owner",
    "invite_for_invitee",
    "members_of_teams",
    "own_entries",
    "own_feedback_requests",
    "own_learning_data",
    "own_participations",
    "own_pd_budget",
    "own_plans",
    "participation_for_owner",
    "participations_to_answer",
    "pd_activity_for_member",
    "pd_catalogue",
    "pd_totals",
    "pending_invites",
    "people_in_scope",
    "plan_goals",
    "plans_shared_with",
    "recent_shares_with",
    "plans_visible_to",
    "pop_for_owner",
    "pop_for_viewer",
    "reflection_for_viewer",
    "reflection_teams",
    "reflections_visible_to",
    "review_for_viewer",
    "reviews_to_confirm",
    "reviews_visible_to",
    "share_for_owner",
    "share_target_people",
    "share_target_memberships",
    "share_target_teams",
    "shared_writeups",
    "shares_of",
    "team_counts",
    "teams_in_scope",
]
