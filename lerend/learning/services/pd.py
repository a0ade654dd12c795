"""The PD catalogue and budgets (audited: organisation settings that cost money) and
participation (personal: not audited)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.frameworks.fields import clean_block_keys
from lerend.organisations.services import record, snapshot

from .. import rules, selectors
from ..models import (
    Applied,
    Participation,
    ParticipationStatus,
    PdActivity,
    PdBudget,
)

PD_FIELDS = (
    "title",
    "kind",
    "provider",
    "hours",
    "cost",
    "building_blocks",
    "starts_on",
    "ends_on",
    "description",
)


def _snapshot(activity) -> dict:
    # As values, not str(): str() recorded "None" and "['cultuur']" into the audit log.
    return snapshot(activity, PD_FIELDS)


@transaction.atomic
def create_pd_activity(*, organisation, actor, **values) -> PdActivity:
    """Adds an activity to the catalogue. Side effects: an AuditEntry."""
    values["building_blocks"] = clean_block_keys(values.get("building_blocks"))
    activity = PdActivity(organisation=organisation, created_by=actor, **values)
    activity.full_clean()
    activity.save()
    record(
        organisation=organisation,
        actor=actor,
        action="pd_activity.create",
        target=activity,
        after=_snapshot(activity),
    )
    return activity


@transaction.atomic
def update_pd_activity(*, activity, actor, **values) -> PdActivity:
    """Changes a catalogue entry. Side effects: an AuditEntry with before and after."""
    before = _snapshot(activity)
    values["building_blocks"] = clean_block_keys(values.get("building_blocks"))
    for name, value in values.items():
        setattr(activity, name, value)
    activity.full_clean()
    activity.save()
    record(
        organisation=activity.organisation,
        actor=actor,
        action="pd_activity.update",
        target=activity,
        before=before,
        after=_snapshot(activity),
    )
    return activity


@transaction.atomic
def register(*, access, actor, activity, person) -> Participation:
    """Registers ``person`` for ``activity``: one's own act, or a leader's for someone in
    their scope. Hours and cost share start from the activity's. Registering twice keeps
    one participation. Side effects: the Participation row."""
    if activity.organisation_id != access.organisation.id:
        raise ValidationError(_("Unknown activity."))
    if person.pk != actor.pk and (
        not access.is_leader or not selectors.people_in_scope(access).filter(pk=person.pk).exists()
    ):
        raise ValidationError(_("You can register only yourself or someone you lead."))
    participation, _created = Participation.objects.get_or_create(
        activity=activity,
        person=person,
        defaults={"hours": activity.hours, "cost_share": activity.cost, "registered_by": actor},
    )
    return participation


@transaction.atomic
def mark_attended(*, participation, hours=None) -> Participation:
    """The person confirms they took part (optionally with their real number of hours)."""
    participation.status = ParticipationStatus.ATTENDED
    if hours is not None:
        participation.hours = hours
    participation.full_clean(exclude=["activity", "person", "registered_by"])
    participation.save(update_fields=["status", "hours"])
    return participation


@transaction.atomic
def save_writeup(*, participation, writeup, shared) -> Participation:
    """ "Deel wat je geleerd hebt": saves the write-up; colleagues read it only when
    ``shared`` (the default is private). An empty text is never shared."""
    participation.writeup = writeup.strip()
    participation.writeup_shared = bool(shared and participation.writeup)
    participation.writeup_at = timezone.now()
    participation.save(update_fields=["writeup", "writeup_shared", "writeup_at"])
    return participation


@transaction.atomic
def answer_applied(*, participation, applied, note="") -> Participation:
    """ "Heb je het toegepast in de praktijk?" — the person's answer (ja / deels / nee)."""
    if applied not in Applied.values:
        raise ValidationError({"applied": _("Choose yes, partly or no.")})
    participation.applied, participation.applied_note = applied, note
    participation.save(update_fields=["applied", "applied_note"])
    return participation


@transaction.atomic
def set_budget(*, access, actor, year, amount, hours, person=None, team=None) -> PdBudget:
    """Sets the PD budget of one person or one team in the organiser's scope for ``year``.
    Side effects: creates or updates the PdBudget; an AuditEntry."""
    if not rules.can_manage_pd_catalogue(access):
        raise PermissionDenied
    if (person is None) == (team is None):
        raise ValidationError(_("Choose one person or one team."))
    if team is not None and team.id not in {t.id for t in selectors.teams_in_scope(access)}:
        raise ValidationError(_("This team is outside your scope."))
    if person is not None and not selectors.people_in_scope(access).filter(pk=person.pk).exists():
        raise ValidationError(_("This person is outside your scope."))
    budget, _created = PdBudget.objects.get_or_create(
        organisation=access.organisation, year=year, person=person, team=team
    )
    before = {"amount": str(budget.amount), "hours": str(budget.hours)}
    budget.amount, budget.hours = amount, hours
    budget.full_clean()
    budget.save()
    record(
        organisation=access.organisation,
        actor=actor,
        action="pd_budget.set",
        target=budget,
        before=before,
        after={"amount": str(budget.amount), "hours": str(budget.hours)},
    )
    return budget
