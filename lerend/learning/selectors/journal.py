"""Journal entries: the owner's, and those shared with the reader."""

from django.http import Http404

from ..models import (
    JournalEntry,
)
from .sharing import _visible


def entries_visible_to(access, user):
    """Every journal entry ``user`` may read in ``access.organisation``: their own and those
    shared with them."""
    return JournalEntry.objects.filter(
        _visible("entry", access, user), organisation=access.organisation
    ).select_related("owner")


def own_entries(access, user):
    return JournalEntry.objects.filter(organisation=access.organisation, owner=user)


def entries_shared_with(access, user):
    """Entries of others shared with ``user`` (personally or with their team)."""
    return entries_visible_to(access, user).exclude(owner=user)


def entry_for_viewer(access, user, entry_id) -> JournalEntry:
    entry = entries_visible_to(access, user).filter(pk=entry_id).first()
    if entry is None:
        raise Http404
    return entry


def entry_for_owner(access, user, entry_id) -> JournalEntry:
    """Only the owner changes an entry; for everyone else it does not exist."""
    entry = own_entries(access, user).filter(pk=entry_id).first()
    if entry is None:
        raise Http404
    return entry
