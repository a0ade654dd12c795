"""Whom the collaboration forms may offer in their people pickers (``people_scopes``)."""

from django.contrib.auth import get_user_model
from django.http import Http404

from . import rules, selectors

User = get_user_model()


def colleagues(request):
    """Group members, observers, lesson-design partners: anyone working here."""
    return selectors.colleagues(request.access)


def visit_share(request, visit):
    """Whom the observed person may show their visit: colleagues not yet party to it."""
    try:
        found = selectors.visit_for_viewer(request.access, visit)
    except Http404:
        return User.objects.none()
    if not rules.can_share_visit(request.access, found):
        return User.objects.none()
    return selectors.share_target_people(request.access, request.user, found)


def group_members(request, group):
    """A meeting's facilitator, case-bringer and action owners: the group's members."""
    try:
        found = selectors.group_for_viewer(request.access, group)
    except Http404:
        return User.objects.none()
    if not rules.can_see_group_notes(request.access, found):
        return User.objects.none()
    return User.objects.filter(group_memberships__group=found)


SCOPES = {
    "collaboration.colleagues": colleagues,
    "collaboration.visit_share": visit_share,
    "collaboration.group_members": group_members,
}
