"""Writes of the reflection journal and its reminder."""

from django.db import transaction
from django.utils import timezone

from lerend.frameworks.fields import clean_block_keys

from ..models import (
    JournalEntry,
    JournalReminder,
)


@transaction.atomic
def create_entry(
    *, organisation, owner, body, title="", phase="", building_blocks=(), written_on=None
) -> JournalEntry:
    """Creates a private journal entry. Side effects: none beyond the row."""
    return JournalEntry.objects.create(
        organisation=organisation,
        owner=owner,
        title=title,
        body=body,
        phase=phase,
        building_blocks=clean_block_keys(building_blocks),
        written_on=written_on or timezone.localdate(),
    )


@transaction.atomic
def update_entry(*, entry, body, title="", phase="", building_blocks=(), written_on=None):
    """Changes the owner's entry; existing shares stay (the reader sees the new text)."""
    entry.title, entry.body, entry.phase = title, body, phase
    entry.building_blocks = clean_block_keys(building_blocks)
    entry.written_on = written_on or entry.written_on
    entry.updated_at = timezone.now()
    entry.save()
    return entry


@transaction.atomic
def delete_entry(*, entry) -> None:
    """Deletes the entry and (by cascade) its shares. Goals made from it keep their text."""
    entry.delete()


@transaction.atomic
def set_reminder(*, organisation, person, weekday=None) -> JournalReminder | None:
    """Opts in (weekday 0=Monday..6) or out (None) of the weekly journal reminder."""
    if weekday is None:
        JournalReminder.objects.filter(organisation=organisation, person=person).delete()
        return None
    reminder, _created = JournalReminder.objects.update_or_create(
        organisation=organisation, person=person, defaults={"weekday": weekday}
    )
    return reminder
