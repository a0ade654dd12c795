"""Every write of the collaboration area.

Groups: creating a group and changing its members write an audit entry (who is in which
group is organisational). Meeting content and everything about visits does not: the audit
log is read by the beheerder, and even "A observed B" or "notes changed" says something
about a confidential record. The records carry their own timestamps.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lerend.frameworks.fields import clean_block_keys
from lerend.improvement import services as improvement_services
from lerend.improvement.models import Origin
from lerend.kit.tokens import hash_token, new_token
from lerend.organisations.models import Membership
from lerend.organisations.services import record

from . import catalogue
from .models import (
    CalendarFeed,
    GroupMeeting,
    GroupMembership,
    GroupRole,
    LearningGroup,
    LessonDesign,
    Observation,
    Visit,
    VisitKind,
    VisitShare,
    VisitStatus,
)


def _check_colleagues(organisation, people, field) -> None:
    ids = {p.pk for p in people}
    active = set(
        Membership.objects.active()
        .filter(organisation=organisation, person_id__in=ids)
        .values_list("person_id", flat=True)
    )
    if ids - active:
        raise ValidationError({field: _("Choose people from your organisation.")})


# --- groups ---------------------------------------------------------------------------------


@transaction.atomic
def create_group(
    *, organisation, actor, kind, name, theme="", building_blocks=(), members=()
) -> LearningGroup:
    """Creates a group with ``actor`` as coordinator and ``members`` as members.

    Side effects: LearningGroup, GroupMemberships; audit entry ``group.create``."""
    people = [p for p in members if p.pk != actor.pk]
    _check_colleagues(organisation, [actor, *people], "members")
    group = LearningGroup(
        organisation=organisation,
        kind=kind,
        name=name,
        theme=theme,
        building_blocks=clean_block_keys(building_blocks),
    )
    group.full_clean()
    group.save()
    GroupMembership.objects.create(group=group, person=actor, role=GroupRole.COORDINATOR)
    GroupMembership.objects.bulk_create(GroupMembership(group=group, person=p) for p in people)
    record(
        organisation=organisation,
        actor=actor,
        action="group.create",
        target=group,
        after={"members": sorted(p.pk for p in [actor, *people])},
    )
    return group


@transaction.atomic
def update_group(*, group, actor, kind, name, theme="", building_blocks=(), members=()):
    """Changes the group and sets its members (the actor always stays in).

    Side effects: updates LearningGroup, adds/removes GroupMemberships; audit entry
    ``group.members`` when the members changed."""
    group.kind, group.name, group.theme = kind, name, theme
    group.building_blocks = clean_block_keys(building_blocks)
    group.full_clean()
    group.save()
    wanted = {p.pk: p for p in members}
    wanted[actor.pk] = actor
    _check_colleagues(group.organisation, list(wanted.values()), "members")
    before = set(group.memberships.values_list("person_id", flat=True))
    group.memberships.exclude(person_id__in=wanted).delete()
    GroupMembership.objects.bulk_create(
        GroupMembership(group=group, person=p) for pk, p in wanted.items() if pk not in before
    )
    if before != set(wanted):
        record(
            organisation=group.organisation,
            actor=actor,
            action="group.members",
            target=group,
            before={"members": sorted(before)},
            after={"members": sorted(wanted)},
        )
    return group


def _check_meeting(group, values) -> None:
    members = set(group.memberships.values_list("person_id", flat=True))
    for field in ("facilitator", "case_bringer"):
        person = values.get(field)
        if person is not None and person.pk not in members:
            raise ValidationError({field: _("Choose a member of the group.")})
    key = values.get("method_key")
    if key and key not in catalogue.method_keys():
        raise ValidationError({"method_key": _("Unknown method.")})


_MEETING_FIELDS = (
    "date",
    "starts_at",
    "duration_minutes",
    "place",
    "agenda",
    "method_key",
    "facilitator",
    "case_bringer",
    "notes",
    "action_points",
)


@transaction.atomic
def plan_meeting(*, group, **values) -> GroupMeeting:
    """Side effects: creates a GroupMeeting (it appears in the members' calendar feeds)."""
    _check_meeting(group, values)
    meeting = GroupMeeting(group=group, **{k: v for k, v in values.items() if k in _MEETING_FIELDS})
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def update_meeting(*, meeting, **values) -> GroupMeeting:
    """Side effects: updates the GroupMeeting."""
    _check_meeting(meeting.group, values)
    for name, value in values.items():
        if name in _MEETING_FIELDS:
            setattr(meeting, name, value)
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def save_step_notes(*, meeting, step: int, text: str) -> GroupMeeting:
    """Keeps the notes of one step of the guided session. Side effects: updates step_notes."""
    notes = dict(meeting.step_notes or {})
    if text.strip():
        notes[str(step)] = text.strip()
    else:
        notes.pop(str(step), None)
    meeting.step_notes = notes
    meeting.save(update_fields=["step_notes"])
    return meeting


@transaction.atomic
def meeting_to_action(*, meeting, actor, team, title, owner, due_on):
    """ "Maak er een actie van": an action point becomes an improvement Action on ``team``'s
    board, linked to the meeting. Only the title travels — never the meeting's notes.

    Side effects: creates an improvement Action (see ``improvement.services.create_action``)
    and links it to the meeting."""
    action = improvement_services.create_action(
        organisation=meeting.group.organisation,
        actor=actor,
        team=team,
        title=title,
        owner=owner,
        due_on=due_on,
        origin=Origin.OTHER,
        building_blocks=list(meeting.group.building_blocks),
    )
    meeting.actions.add(action)
    return action


@transaction.atomic
def regenerate_feed(*, organisation, person) -> str:
    """A new secret calendar link; the old one stops working at once. Returns the token,
    which exists in clear only here: the feed keeps its sha256.

    Side effects: creates or updates the person's CalendarFeed."""
    token = new_token(24)
    CalendarFeed.objects.update_or_create(
        organisation=organisation,
        person=person,
        defaults={"token_hash": hash_token(token)},
    )
    return token


# --- visits ---------------------------------------------------------------------------------


def _check_rubric(rubric_key) -> None:
    if rubric_key and rubric_key not in catalogue.rubric_keys():
        raise ValidationError({"rubric_key": _("Unknown observation guide.")})


def _check_parties(organisation, actor, observed, observers) -> None:
    if not observers:
        raise ValidationError({"observers": _("Choose at least one observer.")})
    if observed.pk in {o.pk for o in observers}:
        raise ValidationError({"observers": _("You cannot observe yourself.")})
    if actor.pk != observed.pk and actor.pk not in {o.pk for o in observers}:
        raise ValidationError(
            _("You plan a visit as the observed person or as one of the observers.")
        )
    _check_colleagues(organisation, [observed, *observers], "observers")


_VISIT_FIELDS = (
    "kind",
    "date",
    "rubric_key",
    "focus_question",
    "team",
    "location",
    "external_observers",
    "lesson_design",
)


@transaction.atomic
def plan_visit(*, organisation, actor, observed, observers, **values) -> Visit:
    """Plans a visit. ``actor`` is the observed or one of the observers: a visit is never
    planned about someone behind their back, and the observed always sees it.

    Side effects: creates a Visit (no audit entry: see the module docstring)."""
    _check_parties(organisation, actor, observed, observers)
    _check_rubric(values.get("rubric_key"))
    visit = Visit(
        organisation=organisation,
        observed=observed,
        created_by=actor,
        **{k: v for k, v in values.items() if k in _VISIT_FIELDS},
    )
    visit.full_clean()
    visit.save()
    visit.observers.set(observers)
    return visit


@transaction.atomic
def update_visit(*, visit, actor, observers, **values) -> Visit:
    """Changes the planning of a visit (the observed person stays the same).

    Side effects: updates the Visit and its observers."""
    _check_parties(visit.organisation, actor, visit.observed, observers)
    _check_rubric(values.get("rubric_key"))
    for name, value in values.items():
        if name in _VISIT_FIELDS:
            setattr(visit, name, value)
    visit.full_clean()
    visit.save()
    visit.observers.set(observers)
    return visit


@transaction.atomic
def record_observation(*, visit, rubric, entries: dict[str, tuple[str, str]]) -> None:
    """Stores level and note per rubric item: ``entries`` maps item key -> (level, note).
    An item with neither is removed.

    Side effects: creates, updates or deletes Observations of the visit."""
    known = {item.key: item for item in rubric.items}
    levels = {lv.key for lv in rubric.scale}
    existing = {o.item_key: o for o in visit.observations.all()}
    for key, (level, note) in entries.items():
        if key not in known:
            raise ValidationError(_("Unknown item in the observation guide."))
        if level and level not in levels:
            raise ValidationError(_("Unknown level."))
        found = existing.get(key)
        if not level and not note.strip():
            if found:
                found.delete()
            continue
        if found is None:
            Observation.objects.create(
                visit=visit,
                item_key=key,
                item_text=str(known[key].text)[:300],
                level=level,
                note=note.strip(),
            )
        elif (found.level, found.note) != (level, note.strip()):
            found.level, found.note = level, note.strip()
            found.save(update_fields=["level", "note"])


@transaction.atomic
def record_feedback(*, visit, tops="", tips="", feedback_notes="", held=False) -> Visit:
    """Tops, tips and the notes of the feedback conversation; ``held`` marks the visit as
    held. Side effects: updates the Visit."""
    visit.tops, visit.tips, visit.feedback_notes = tops, tips, feedback_notes
    if held:
        visit.status = VisitStatus.HELD
    visit.save(update_fields=["tops", "tips", "feedback_notes", "status"])
    return visit


@transaction.atomic
def record_peer_review(*, visit, self_evaluation="", programme="", report="") -> Visit:
    """Self-evaluation, programme and report of a collegiale visitatie.
    Side effects: updates the Visit."""
    if visit.kind != VisitKind.PEER_REVIEW:
        raise ValidationError(_("Only a peer review visit has a self-evaluation and report."))
    visit.self_evaluation, visit.programme, visit.report = self_evaluation, programme, report
    visit.save(update_fields=["self_evaluation", "programme", "report"])
    return visit


@transaction.atomic
def share_visit(*, actor, visit, person) -> VisitShare:
    """The observed lets ``person`` read the visit. Observers cannot pass it on. Only to an
    active colleague in the visit's organisation who is not already a party to it; anything
    else is refused before anything is written.

    Side effects: creates a VisitShare (one per person)."""
    if visit.observed_id != actor.pk:
        raise ValidationError(_("Only the observed person can share this visit."))
    if person.pk == visit.observed_id:
        raise ValidationError({"person": _("This visit is yours: you always see it.")})
    if visit.observers.filter(pk=person.pk).exists():
        raise ValidationError(
            {"person": _("%(name)s observes this visit and already sees it.") % {"name": person}}
        )
    if (
        not person.is_active
        or not Membership.objects.active()
        .filter(organisation_id=visit.organisation_id, person=person)
        .exists()
    ):
        raise ValidationError(
            {
                "person": _(
                    "%(name)s does not work in this organisation now, so you cannot share "
                    "this visit with them."
                )
                % {"name": person}
            }
        )
    share, _created = VisitShare.objects.get_or_create(visit=visit, person=person)
    return share


@transaction.atomic
def revoke_visit_share(*, share) -> None:
    """Side effects: deletes the VisitShare; the reader loses access with the next request."""
    share.delete()


@transaction.atomic
def delete_visit(*, visit) -> None:
    """Only the observed deletes. Side effects: deletes the visit, observations, shares."""
    visit.delete()


# --- lesson designs -------------------------------------------------------------------------


@transaction.atomic
def save_design(
    *, organisation, actor, title, goal="", plan="", participants=(), design=None
) -> LessonDesign:
    """Creates or changes a lesson design; the author always stays a participant.

    Side effects: creates/updates LessonDesign and its participants."""
    people = {p.pk: p for p in participants}
    people[actor.pk] = actor
    _check_colleagues(organisation, list(people.values()), "participants")
    if design is None:
        design = LessonDesign(organisation=organisation, created_by=actor)
    design.title, design.goal, design.plan = title, goal, plan
    design.full_clean()
    design.save()
    design.participants.set(people.values())
    return design
