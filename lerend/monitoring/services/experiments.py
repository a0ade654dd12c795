"""Writes for experiments and their implementation log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from lerend.improvement import services as improvement
from lerend.organisations.services import diff, record, snapshot

from ..models import (
    Decision,
    Experiment,
    ExperimentLink,
    ExperimentLinkKind,
    ExperimentStatus,
    ImplementationStep,
)

FIELDS = (
    "title",
    "question",
    "hypothesis",
    "change",
    "owner",
    "starts_on",
    "ends_on",
    "indicator",
    "building_blocks",
    "status",
    "result",
    "lessons",
    "decision",
    "celebrated",
)


def _check(experiment, teams) -> None:
    org = experiment.organisation_id
    if any(team.organisation_id != org for team in teams):
        raise ValidationError({"teams": _("Unknown group.")})
    if experiment.indicator is not None and experiment.indicator.organisation_id != org:
        raise ValidationError({"indicator": _("Unknown indicator.")})
    if experiment.starts_on and experiment.ends_on and experiment.ends_on < experiment.starts_on:
        raise ValidationError({"ends_on": _("The end cannot come before the start.")})


def _set_links(experiment, links) -> None:
    """``links``: {kind: ids}, already checked against the organisation by the caller (the
    form offers only the organisation's own, read through the owning apps' selectors)."""
    if links is None:
        return
    ExperimentLink.objects.filter(experiment=experiment).delete()
    ExperimentLink.objects.bulk_create(
        ExperimentLink(experiment=experiment, kind=kind, target_id=target_id)
        for kind in ExperimentLinkKind.values
        for target_id in links.get(kind, ())
    )


@transaction.atomic
def create_experiment(*, organisation, actor, teams=(), links=None, **values) -> Experiment:
    """Side effects: creates an Experiment with its teams and links; audit entry."""
    experiment = Experiment(organisation=organisation, created_by=actor, **values)
    _check(experiment, teams)
    experiment.full_clean()
    experiment.save()
    experiment.teams.set(teams)
    _set_links(experiment, links)
    record(
        organisation=organisation,
        actor=actor,
        action="experiment.create",
        target=experiment,
        after=snapshot(experiment, FIELDS),
    )
    return experiment


@transaction.atomic
def update_experiment(*, experiment, actor, teams=None, links=None, **values) -> Experiment:
    """Side effects: updates the Experiment (and its teams and links when given); audit
    entry."""
    before = snapshot(experiment, FIELDS)
    for name, value in values.items():
        setattr(experiment, name, value)
    _check(experiment, teams if teams is not None else experiment.teams.all())
    experiment.full_clean()
    experiment.save()
    if teams is not None:
        experiment.teams.set(teams)
    _set_links(experiment, links)
    old, new = diff(before, snapshot(experiment, FIELDS))
    if new:
        record(
            organisation=experiment.organisation,
            actor=actor,
            action="experiment.update",
            target=experiment,
            before=old,
            after=new,
        )
    return experiment


def start_experiment(*, experiment, actor) -> Experiment:
    """Side effects: the experiment runs; audit entry."""
    if experiment.status != ExperimentStatus.PLANNED:
        raise ValidationError(_("Only a planned experiment can start."))
    return update_experiment(experiment=experiment, actor=actor, status=ExperimentStatus.RUNNING)


@transaction.atomic
def finish_experiment(*, experiment, actor, result, lessons, decision, celebrated) -> Experiment:
    """Close with what it brought, what we learned and the decision (stop / adapt / scale
    up). A celebrated experiment — a success or an instructive failure — also goes on the
    board of every team that took part, as a success to celebrate (improvement's own
    service).

    Side effects: updates the Experiment; audit entry; with ``celebrated`` a BoardItem per
    team."""
    if decision not in Decision.values:
        raise ValidationError({"decision": _("Choose: stop, adapt or scale up.")})
    if not lessons.strip():
        raise ValidationError({"lessons": _("Write down what you learned — also when it failed.")})
    experiment.finished_at = timezone.now()
    experiment = update_experiment(
        experiment=experiment,
        actor=actor,
        status=ExperimentStatus.FINISHED,
        result=result,
        lessons=lessons,
        decision=decision,
        celebrated=celebrated,
    )
    if celebrated:
        text = _("Experiment “%(title)s”: %(lessons)s") % {
            "title": experiment.title,
            "lessons": lessons.strip(),
        }
        for team in experiment.teams.all():
            improvement.add_board_item(
                team=team, actor=actor, kind="succes", text=Truncator(text).chars(300)
            )
    return experiment


@transaction.atomic
def add_step(*, experiment, actor, team, description, planned_on) -> ImplementationStep:
    """Side effects: creates an ImplementationStep; audit entry."""
    if not experiment.teams.filter(pk=team.pk).exists():
        raise ValidationError({"team": _("This team does not take part in the experiment.")})
    step = ImplementationStep.objects.create(
        experiment=experiment, team=team, description=description, planned_on=planned_on
    )
    record(
        organisation=experiment.organisation,
        actor=actor,
        action="experiment.step",
        target=experiment,
        after={"team": team.name, "step": description, "planned_on": planned_on.isoformat()},
    )
    return step


@transaction.atomic
def mark_step(*, step, actor, done: bool, note="") -> ImplementationStep:
    """Side effects: sets or clears ``done_on`` of the step; audit entry."""
    step.done_on = timezone.localdate() if done else None
    step.note = note
    step.save(update_fields=["done_on", "note"])
    record(
        organisation=step.experiment.organisation,
        actor=actor,
        action="experiment.step",
        target=step.experiment,
        after={"step": step.description, "done": done},
    )
    return step
