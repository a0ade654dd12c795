"""Writes for PD activities, participation, budgets, peer feedback and team reflections.

Catalogue and budget changes write an AuditEntry (they are organisation settings that
cost money). Personal writes — registering, the write-up, "did you apply it?", feedback —
write none, for the reason given in ``services``.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.frameworks.fields import clean_block_keys
from lerend.organisations.services import record

from . import rules, selectors
from .models import (
    Applied,
    FeedbackAnswer,
    FeedbackInvite,
    FeedbackRequest,
    Participation,
    ParticipationStatus,
    PdActivity,
    PdBudget,
    TeamReflection,
)
from .tasks import mail_feedback_invites

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
    return {name: str(getattr(activity, name)) for name in PD_FIELDS}


# --- catalogue -------------------------------------------------------------------------------


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


# --- participation ---------------------------------------------------------------------------


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


# --- budgets ---------------------------------------------------------------------------------


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


# --- peer feedback ---------------------------------------------------------------------------


@transaction.atomic
def create_feedback_request(
    *, access, requester, question, people, allow_anonymous=True
) -> FeedbackRequest:
    """Asks ``people`` (colleagues in the organisation) one question. Side effects: the
    request, one FeedbackInvite per person (they see it as a task on their home page), and
    after commit the task ``mail_feedback_invites`` that mails each of them a link."""
    people = list({p.pk: p for p in people}.values())
    if not people:
        raise ValidationError({"people": _("Choose at least one colleague.")})
    allowed = set(selectors.colleagues(access, requester).values_list("pk", flat=True))
    if any(p.pk not in allowed for p in people):
        raise ValidationError({"people": _("You can ask only colleagues in your organisation.")})
    if not question.strip():
        raise ValidationError({"question": _("Write your question.")})
    feedback_request = FeedbackRequest.objects.create(
        organisation=access.organisation,
        requester=requester,
        question=question.strip(),
        allow_anonymous=allow_anonymous,
    )
    FeedbackInvite.objects.bulk_create(
        FeedbackInvite(request=feedback_request, person=p) for p in people
    )
    request_id = feedback_request.pk
    transaction.on_commit(lambda: mail_feedback_invites.enqueue(feedback_request_id=request_id))
    return feedback_request


@transaction.atomic
def answer_feedback(*, invite, text, anonymous) -> FeedbackAnswer:
    """Answers an invite once. The invite only becomes ``answered``; the answer is a
    separate row that, when anonymous, holds neither the person nor the invite nor a time —
    so nothing, not even the database, ties an anonymous answer to its writer.
    The conditional update makes a double submit store one answer."""
    if not text.strip():
        raise ValidationError({"text": _("Write your answer.")})
    feedback_request = invite.request
    if anonymous and not feedback_request.allow_anonymous:
        raise ValidationError(_("This question asks for answers by name."))
    if not FeedbackInvite.objects.filter(pk=invite.pk, answered=False).update(answered=True):
        raise ValidationError(_("You have already answered this question."))
    invite.answered = True
    return FeedbackAnswer.objects.create(
        request=feedback_request,
        text=text.strip(),
        anonymous=bool(anonymous),
        author=None if anonymous else invite.person,
    )


# --- team reflection -------------------------------------------------------------------------


def _check_participants(team, participants):
    from lerend.organisations.models import Membership

    allowed = set(
        Membership.objects.active()
        .filter(organisation_id=team.organisation_id)
        .values_list("person_id", flat=True)
    )
    if any(p.pk not in allowed for p in participants):
        raise ValidationError({"participants": _("Choose participants from the organisation.")})


REFLECTION_FIELDS = ("title", "period", "held_on", "went_well", "learned", "change", "outcomes")


@transaction.atomic
def create_reflection(*, access, actor, team, participants=(), **values) -> TeamReflection:
    """Records a team reflection. Only the team's members and covering leaders may."""
    if team.organisation_id != access.organisation.id or not rules.can_work_on_reflection(
        access, team
    ):
        raise ValidationError({"team": _("Choose one of your teams.")})
    _check_participants(team, participants)
    reflection = TeamReflection(
        organisation=access.organisation, team=team, created_by=actor, **values
    )
    reflection.full_clean()
    reflection.save()
    reflection.participants.set(participants)
    return reflection


@transaction.atomic
def update_reflection(*, reflection, participants=(), **values) -> TeamReflection:
    _check_participants(reflection.team, participants)
    for name, value in values.items():
        setattr(reflection, name, value)
    reflection.full_clean()
    reflection.save()
    reflection.participants.set(participants)
    return reflection


@transaction.atomic
def reflection_to_action(*, reflection, actor, title, owner, due_on, building_blocks=()):
    """ "Maak er een actie van": turns an outcome into an improvement Action of the team
    (origin "reflection"). Side effects: the Action (through the improvement service) and
    its link to this reflection."""
    from lerend.improvement.models import Origin
    from lerend.improvement.services import create_action

    action = create_action(
        organisation=reflection.organisation,
        actor=actor,
        team=reflection.team,
        title=title,
        owner=owner,
        due_on=due_on,
        origin=Origin.REFLECTION,
        building_blocks=clean_block_keys(building_blocks),
    )
    reflection.actions.add(action)
    return action
