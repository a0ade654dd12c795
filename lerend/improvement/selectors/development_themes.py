"""Reads for development themes and the steering group, always through the organisation."""

from django.db.models import Count, Exists, OuterRef
from django.http import Http404

from ..models import DevelopmentTheme, SteeringGroupMember, ThemeProject, ThemeSupport


def _themes(organisation, user):
    return (
        DevelopmentTheme.objects.filter(organisation=organisation)
        .select_related("proposed_by", "decided_by")
        .annotate(
            supporter_count=Count("supports", distinct=True),
            i_support=Exists(ThemeSupport.objects.filter(theme=OuterRef("pk"), person=user)),
        )
    )


def themes(organisation, user, *, status=None):
    """Themes with their supporter count and whether ``user`` supports each (one query)."""
    found = _themes(organisation, user)
    if status:
        found = found.filter(status=status)
    return found.order_by("-created_at", "-id")


def theme_or_404(organisation, user, theme_id) -> DevelopmentTheme:
    theme = _themes(organisation, user).filter(pk=theme_id).first()
    if theme is None:
        raise Http404
    return theme


def projects(theme):
    return (
        ThemeProject.objects.filter(theme=theme)
        .select_related("owner")
        .prefetch_related("goals")
        .order_by("created_at", "id")
    )


def steering_members(organisation):
    return SteeringGroupMember.objects.filter(organisation=organisation).select_related("person")


def steering_member_or_404(organisation, member_id):
    member = steering_members(organisation).filter(pk=member_id).first()
    if member is None:
        raise Http404
    return member
