"""Writes of the development plan (POP): goals, activities, evidence."""

import secrets

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from lerend.frameworks.fields import clean_block_keys

from ..models import (
    DevelopmentPlan,
    Evidence,
    EvidenceKind,
    PlanGoal,
    PlannedActivity,
)
from ..uploads import check_upload


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
