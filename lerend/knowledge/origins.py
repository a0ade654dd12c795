"""Where an entry came from: a kind and an id of a record in another app, shown as a link
only when the reader may open that record (each app's own selectors decide)."""

from django.http import Http404
from django.urls import reverse

from lerend.collaboration import selectors as collaboration
from lerend.improvement import selectors as improvement
from lerend.learning import selectors as learning

from .models import OriginKind


def origin_link(access, user, entry) -> str | None:
    """The URL of the entry's origin for this reader, or None."""
    if not entry.origin_kind or not entry.origin_id:
        return None
    slug = access.organisation.slug
    try:
        if entry.origin_kind == OriginKind.PD:
            activity = learning.pd_activity_for_member(access, entry.origin_id)
            return reverse("learning:pd_detail", args=[slug, activity.pk])
        if entry.origin_kind == OriginKind.LEARNING_GROUP:
            group, _member = collaboration.group_for_viewer(access, user, entry.origin_id)
            return reverse("collaboration:group_detail", args=[slug, group.pk])
        if entry.origin_kind == OriginKind.VISIT:
            visit = collaboration.visit_for_viewer(access, user, entry.origin_id)
            return reverse("collaboration:visit_detail", args=[slug, visit.pk])
        if entry.origin_kind == OriginKind.THEME_PROJECT:
            theme = improvement.theme_or_404(access.organisation, user, entry.origin_id)
            return reverse("improvement:theme_detail", args=[slug, theme.pk])
    except Http404:
        return None
    return None  # experiments: the monitoring app links them once it exists
