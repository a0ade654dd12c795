"""Who may do what with learning groups, visits and lesson designs. Every rule takes
``request.access`` and the object it is about, and answers yes/no (403 when no).

Whether someone may know of an object at all is decided first, by the selectors that
fetch it (404: a personal record or a group's notes do not exist for others); the rules
here decide what a person who sees it may do:

- A group's members see everything of it and work on it; a leader covering a member sees
  the group with its meeting dates only, and may change nothing.
- A meeting, with its notes, is for the group's members only.
- A visit is the observed person's. The observed and the observers (the parties) work on
  it; someone it was shared with only reads. Only observers fill in the observation; only
  the observed shares, stops sharing or deletes it.
- A lesson design is worked on by whoever made it or takes part in it.
"""

from lerend.organisations.access import Access
from lerend.organisations.models import Membership, Scope

from .models import GroupMeeting, LearningGroup, LessonDesign, Visit, VisitShare


def is_group_member(access: Access, group: LearningGroup) -> bool:
    # The selectors that fetch a group for this person note the answer as they go.
    known = getattr(group, "viewer_is_member", None)
    if known is not None:
        return bool(known)
    return group.memberships.filter(person_id=access.person_id).exists()


def _covers(access: Access, membership: Membership) -> bool:
    if membership.scope == Scope.TEAM:
        return access.covers_team(membership.team)
    if membership.scope == Scope.LOCATION:
        return membership.location_id is not None and access.covers_location(membership.location_id)
    return access.covers_organisation()


def can_see_group(access: Access, group: LearningGroup) -> bool:
    """Members; and leaders whose scope covers a member's team or location (they see the
    group with its dates only). The same question as ``selectors.groups_in_leader_scope``
    asks for a list."""
    if is_group_member(access, group):
        return True
    if not access.is_leader:
        return False
    memberships = (
        Membership.objects.active()
        .filter(organisation_id=group.organisation_id)
        .filter(person_id__in=group.memberships.values("person_id"))
        .select_related("team")
    )
    return any(_covers(access, m) for m in memberships)


def can_see_group_notes(access: Access, group: LearningGroup) -> bool:
    """Meetings with agenda, notes and who brought a case: members only."""
    return is_group_member(access, group)


def can_edit_group(access: Access, group: LearningGroup) -> bool:
    return is_group_member(access, group)


def can_plan_meeting(access: Access, group: LearningGroup) -> bool:
    return is_group_member(access, group)


def can_work_on_meeting(access: Access, meeting: GroupMeeting) -> bool:
    """Notes, the guided session, action points: the group's members."""
    return is_group_member(access, meeting.group)


def is_observed(access: Access, visit: Visit) -> bool:
    return visit.observed_id == access.person_id


def is_observer(access: Access, visit: Visit) -> bool:
    # observers.all(): the visit selectors prefetch them, so this costs no query.
    return any(o.pk == access.person_id for o in visit.observers.all())


def is_visit_party(access: Access, visit: Visit) -> bool:
    return is_observed(access, visit) or is_observer(access, visit)


def can_see_visit(access: Access, visit: Visit) -> bool:
    """The parties, and a colleague the observed shared it with while the share is live:
    both still work here (the asker does: they have an Access). A role never grants it.
    The same question as ``selectors.visits_visible_to`` asks for a list."""
    if is_visit_party(access, visit):
        return True
    return (
        visit.shares.filter(person_id=access.person_id).exists()
        and Membership.objects.active()
        .filter(organisation_id=visit.organisation_id, person_id=visit.observed_id)
        .exists()
    )


def can_edit_visit(access: Access, visit: Visit) -> bool:
    return is_visit_party(access, visit)


def can_give_feedback(access: Access, visit: Visit) -> bool:
    """Tops, tips, the feedback conversation and the peer review: the parties."""
    return is_visit_party(access, visit)


def can_observe(access: Access, visit: Visit) -> bool:
    return is_observer(access, visit)


def can_share_visit(access: Access, visit: Visit) -> bool:
    return is_observed(access, visit)


def can_delete_visit(access: Access, visit: Visit) -> bool:
    return is_observed(access, visit)


def can_revoke_visit_share(access: Access, share: VisitShare) -> bool:
    return share.visit.observed_id == access.person_id


def can_edit_design(access: Access, design: LessonDesign) -> bool:
    """Whoever made the design or takes part in it — the only ones who know of it."""
    return design.created_by_id == access.person_id or any(
        p.pk == access.person_id for p in design.participants.all()
    )
