"""Every write of the learning area.

No AuditEntry is written for personal records on purpose: the audit log is readable by the
beheerder, and even "A shared entry 12 with B" tells a role something about a private
record. The records carry their own timestamps; sharing is visible to the owner.
"""

import secrets

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.frameworks.fields import clean_block_keys

from . import selectors
from .models import (
    DevelopmentPlan,
    Evidence,
    EvidenceKind,
    JournalEntry,
    JournalReminder,
    PlanGoal,
    PlannedActivity,
    ReviewConversation,
    Share,
)
from .uploads import check_upload

# --- journal ---------------------------------------------------------------------------------


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


# --- sharing ---------------------------------------------------------------------------------


def _check_target(access, owner, person, team) -> None:
    if (person is None) == (team is None):
        raise ValidationError(_("Choose one person or one team."))
    if (
        person is not None
        and not selectors.share_target_people(access, owner).filter(pk=person.pk).exists()
    ):
        raise ValidationError(_("You can share only with a coach or leader who covers you."))
    if team is not None and team.pk not in access.team_ids:
        raise ValidationError(_("You can share only with a team you belong to."))


@transaction.atomic
def share(*, access, owner, entry=None, plan=None, person=None, team=None) -> Share:
    """Lets ``person`` or the members of ``team`` read ``entry`` or ``plan`` (owned by
    ``owner``). Sharing twice with the same target keeps one share."""
    record = entry or plan
    if record is None or record.owner_id != owner.pk:
        raise ValidationError(_("Only the owner can share this."))
    _check_target(access, owner, person, team)
    found, _created = Share.objects.get_or_create(
        organisation=access.organisation,
        owner=owner,
        entry=entry,
        plan=plan,
        person=person,
        team=team,
    )
    return found


@transaction.atomic
def revoke_share(*, share) -> None:
    """Deletes the share: the reader loses access with their next request."""
    share.delete()


# --- development plan ------------------------------------------------------------------------


@transaction.atomic
def get_or_create_plan(*, organisation, owner, year) -> DevelopmentPlan:
    """The owner's POP for ``year``; created (private) when missing."""
    plan, _created = DevelopmentPlan.objects.get_or_create(
        organisation=organisation, owner=owner, year=year
    )
    return plan


@transaction.atomic
def add_goal(
    *,
    plan,
    title,
    description="",
    building_blocks=(),
    source_entry=None,
    start_score=None,
    start_note="",
) -> PlanGoal:
    """Adds a goal to a POP; ``source_entry`` records the journal insight it came from."""
    if source_entry is not None and source_entry.owner_id != plan.owner_id:
        raise ValidationError(_("Only your own entries can become your goal."))
    return PlanGoal.objects.create(
        plan=plan,
        title=title,
        description=description,
        building_blocks=clean_block_keys(building_blocks),
        source_entry=source_entry,
        start_score=start_score,
        start_note=start_note,
    )


@transaction.atomic
def update_goal(
    *,
    goal,
    title,
    description="",
    building_blocks=(),
    start_score=None,
    start_note="",
    end_score=None,
    end_note="",
) -> PlanGoal:
    """Changes a goal and its self-assessment (start and end, 1–5 plus text)."""
    goal.title, goal.description = title, description
    goal.building_blocks = clean_block_keys(building_blocks)
    goal.start_score, goal.start_note = start_score, start_note
    goal.end_score, goal.end_note = end_score, end_note
    goal.full_clean(exclude=["plan", "improvement_goal", "source_entry"])
    goal.save()
    return goal


@transaction.atomic
def add_activity(*, goal, description, planned_for=None) -> PlannedActivity:
    return PlannedActivity.objects.create(
        goal=goal, description=description, planned_for=planned_for
    )


@transaction.atomic
def toggle_activity(*, activity) -> PlannedActivity:
    activity.done = not activity.done
    activity.save(update_fields=["done"])
    return activity


def _random_name(extension: str) -> str:
    # Random, unguessable, and free of the uploader's file name (which may hold personal data).
    return f"learning/evidence/{secrets.token_hex(16)}.{extension}"


def add_evidence(*, plan, kind, title, goal=None, text="", url="", uploaded=None) -> Evidence:
    """Adds a portfolio item. For a file: checks size and sniffed type first (nothing is
    stored when it fails), stores it under a random name, then creates the row; if the row
    cannot be created the stored file is removed again, so nothing is left half-saved."""
    if goal is not None and goal.plan_id != plan.pk:
        raise ValidationError({"goal": _("This goal belongs to another plan.")})
    fields = {"plan": plan, "goal": goal, "kind": kind, "title": title}
    if kind == EvidenceKind.TEXT:
        if not text.strip():
            raise ValidationError({"text": _("Write the text of this piece of evidence.")})
        fields["text"] = text
    elif kind == EvidenceKind.LINK:
        if not url:
            raise ValidationError({"url": _("Give the link.")})
        fields["url"] = url
    else:
        if uploaded is None:
            raise ValidationError({"file": _("Choose a file.")})
        try:
            file_type = check_upload(uploaded)
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from error
        stored = default_storage.save(_random_name(file_type.extension), uploaded)
        fields.update(
            file=stored,
            original_name=(uploaded.name or "")[-200:],
            content_type=file_type.content_type,
            size=uploaded.size,
        )
        try:
            with transaction.atomic():
                return Evidence.objects.create(**fields)
        except Exception:
            default_storage.delete(stored)
            raise
    with transaction.atomic():
        return Evidence.objects.create(**fields)


def delete_evidence(*, evidence) -> None:
    """Deletes the item, and its stored file once the deletion is committed."""
    name = evidence.file.name if evidence.file else ""
    with transaction.atomic():
        evidence.delete()
        if name:
            transaction.on_commit(lambda: default_storage.delete(name))


# --- review conversations --------------------------------------------------------------------


@transaction.atomic
def create_review(*, access, plan, kind, reviewer, held_on=None) -> ReviewConversation:
    """The owner plans a review conversation with a coach or leader who covers them."""
    if not selectors.share_target_people(access, plan.owner).filter(pk=reviewer.pk).exists():
        raise ValidationError({"reviewer": _("Choose a coach or leader who covers you.")})
    return ReviewConversation.objects.create(
        plan=plan, kind=kind, reviewer=reviewer, held_on=held_on or timezone.localdate()
    )


@transaction.atomic
def save_review_notes(*, review, notes, held_on=None) -> ReviewConversation:
    """Saves the shared notes. Any change to the notes clears BOTH confirmations: what was
    confirmed is no longer what is written."""
    fields = []
    if notes != review.notes:
        review.notes = notes
        review.owner_confirmed_at = None
        review.reviewer_confirmed_at = None
        fields += ["notes", "owner_confirmed_at", "reviewer_confirmed_at"]
    if held_on and held_on != review.held_on:
        review.held_on = held_on
        fields.append("held_on")
    if fields:
        review.save(update_fields=fields)
    return review


@transaction.atomic
def confirm_review(*, review, person) -> ReviewConversation:
    """Records that ``person`` (owner or reviewer) agrees with the notes as they are now."""
    if not review.notes.strip():
        raise ValidationError(_("There are no notes to confirm yet."))
    now = timezone.now()
    if person.pk == review.plan.owner_id:
        review.owner_confirmed_at = now
        review.save(update_fields=["owner_confirmed_at"])
    elif person.pk == review.reviewer_id:
        review.reviewer_confirmed_at = now
        review.save(update_fields=["reviewer_confirmed_at"])
    else:
        raise ValidationError(_("Only the two people in the conversation confirm the notes."))
    return review


# --- reminders -------------------------------------------------------------------------------


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
