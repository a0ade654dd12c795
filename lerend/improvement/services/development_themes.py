"""Writes for development themes and the steering group. Keyword-only, one transaction each;
proposals, decisions, projects and steering-group changes leave an audit entry."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.organisations.models import Membership
from lerend.organisations.services import record

from ..models import (
    DevelopmentTheme,
    SteeringGroupMember,
    ThemeProject,
    ThemeStatus,
    ThemeSupport,
)


@transaction.atomic
def propose_theme(*, organisation, actor, title, description, building_blocks=()):
    """Side effects: creates a DevelopmentTheme (status "proposed"); audit ``theme.propose``."""
    theme = DevelopmentTheme(
        organisation=organisation,
        title=title.strip(),
        description=description.strip(),
        building_blocks=list(building_blocks),
        proposed_by=actor,
    )
    theme.full_clean()
    theme.save()
    record(
        organisation=organisation,
        actor=actor,
        action="theme.propose",
        target=theme,
        after={"title": theme.title, "building_blocks": theme.building_blocks},
    )
    return theme


@transaction.atomic
def toggle_support(*, theme, actor) -> bool:
    """Support the theme, or withdraw the support given before. Returns whether the actor
    supports it now. Only open themes (proposed, under review) take support.

    Side effects: creates or deletes one ThemeSupport."""
    if not theme.is_open:
        raise ValidationError(_("This theme has been decided; support is closed."))
    deleted, _rows = ThemeSupport.objects.filter(theme=theme, person=actor).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            ThemeSupport.objects.create(theme=theme, person=actor)
    except IntegrityError:  # a double click: the first one already supported it
        pass
    return True


DECISION_STATUSES = (
    ThemeStatus.UNDER_REVIEW,
    ThemeStatus.ADOPTED,
    ThemeStatus.REJECTED,
    ThemeStatus.COMPLETED,
)


@transaction.atomic
def decide_theme(*, theme, actor, status, reason):
    """The steering group's decision, with its reason (required: everyone reads it).

    Side effects: updates status, reason, decided_by/at; audit ``theme.decide``."""
    reason = (reason or "").strip()
    if status not in DECISION_STATUSES:
        raise ValidationError({"status": _("Choose a decision.")})
    if not reason:
        raise ValidationError({"reason": _("Write the reason: everyone will read it.")})
    before = {"status": theme.status, "reason": theme.decision_reason}
    theme.status = status
    theme.decision_reason = reason
    theme.decided_by = actor
    theme.decided_at = timezone.now()
    theme.save(update_fields=["status", "decision_reason", "decided_by", "decided_at"])
    record(
        organisation=theme.organisation,
        actor=actor,
        action="theme.decide",
        target=theme,
        before=before,
        after={"status": status, "reason": reason},
    )
    return theme


@transaction.atomic
def add_project(*, theme, actor, title, owner, description="", goals=()):
    """Side effects: creates a ThemeProject linked to goals of the same organisation;
    audit ``theme.project``."""
    if theme.status != ThemeStatus.ADOPTED:
        raise ValidationError(_("Projects belong to adopted themes."))
    goals = list(goals)
    if any(goal.organisation_id != theme.organisation_id for goal in goals):
        raise ValidationError({"goals": _("Unknown goal.")})
    project = ThemeProject(
        theme=theme, title=title.strip(), description=description.strip(), owner=owner
    )
    project.full_clean()
    project.save()
    project.goals.set(goals)
    record(
        organisation=theme.organisation,
        actor=actor,
        action="theme.project",
        target=theme,
        after={"project": project.title, "goals": [g.pk for g in goals]},
    )
    return project


@transaction.atomic
def appoint_steering_member(*, organisation, actor, person) -> SteeringGroupMember:
    """Side effects: creates a SteeringGroupMember; audit ``steering.appoint``."""
    if not Membership.objects.active().filter(organisation=organisation, person=person).exists():
        raise ValidationError({"person": _("Only members of the organisation can be appointed.")})
    member, created = SteeringGroupMember.objects.get_or_create(
        organisation=organisation, person=person, defaults={"appointed_by": actor}
    )
    if created:
        record(
            organisation=organisation,
            actor=actor,
            action="steering.appoint",
            target=person,
            after={"person": person.pk},
        )
    return member


@transaction.atomic
def remove_steering_member(*, member, actor) -> None:
    """Side effects: deletes the SteeringGroupMember; audit ``steering.remove``."""
    organisation, person = member.organisation, member.person
    member.delete()
    record(
        organisation=organisation,
        actor=actor,
        action="steering.remove",
        target=person,
        before={"person": person.pk},
    )
