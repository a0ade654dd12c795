"""Experiments and the implementation log, and the organisation's timeline of what was tried."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.improvement import selectors as goal_selectors
from lerend.improvement import selectors as improvement_selectors
from lerend.kit.forms import apply_errors
from lerend.learning import selectors as learning_selectors
from lerend.organisations import picker, team_picker
from lerend.organisations.decorators import require
from lerend.organisations.models import Team

from .. import rules
from ..forms import ExperimentForm, OutcomeForm, StepForm
from ..models import Indicator
from ..selectors import experiments as selectors
from ..selectors import indicators as indicator_selectors
from ..services import experiments as services


# Loaders: the object a page is about, through the tenant (404 for another organisation's);
# the rule declared with each decides 403.
def _experiment(request, experiment_id):
    return selectors.experiment_or_404(request.organisation, experiment_id)


def _step(request, step_id):
    return selectors.step_or_404(request.organisation, step_id)


@require(rules.can_read_monitoring)
def experiment_list(request):
    context = {
        "experiments": list(selectors.experiments(request.organisation)),
        "can_add": rules.can_add_experiment(request.access),
    }
    return render(request, "monitoring/experiment_list.html", context)


def _form(request, experiment=None):
    access = request.access
    params = {"experiment": experiment.pk} if experiment is not None else {}
    overview = goal_selectors.goals_overview(request.organisation)
    year_ago = timezone.localdate() - datetime.timedelta(days=365)
    initial = {}
    if experiment is not None:
        ids = selectors.link_ids(experiment)
        initial = {"goal_ids": ids["doel"], "theme_ids": ids["thema"], "pd_ids": ids["scholing"]}
    return ExperimentForm(
        request.POST or None,
        instance=experiment,
        initial=initial,
        access=access,
        owners=picker.scope(request, "monitoring.people"),
        teams=team_picker.scope(request, "monitoring.experiment_teams", **params),
        indicators=Indicator.objects.filter(
            indicator_selectors.visible_q(access), organisation=access.organisation, archived=False
        ),
        goals=overview["organisation"] + overview["location"],
        themes=improvement_selectors.themes(
            request.organisation, request.user, status="aangenomen"
        ),
        pds=learning_selectors.pd_catalogue(access)
        .filter(starts_on__gte=year_ago)
        .order_by("-starts_on")[:100],
    )


def _data(request, form) -> dict:
    data = dict(form.cleaned_data)
    data["owner"] = data["owner"] or request.user
    data["links"] = {
        "doel": data.pop("goal_ids", []),
        "thema": data.pop("theme_ids", []),
        "scholing": data.pop("pd_ids", []),
    }
    return data


@require(rules.can_add_experiment)
def experiment_create(request):
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        data = _data(request, form)
        try:
            experiment = services.create_experiment(
                organisation=request.organisation, actor=request.user, **data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Experiment added."))
            return redirect("monitoring:experiment", request.organisation.slug, experiment.pk)
    return render(request, "monitoring/experiment_form.html", {"form": form})


@require(rules.can_edit_experiment, obj=_experiment)
def experiment_edit(request, experiment):
    form = _form(request, experiment)
    if request.method == "POST" and form.is_valid():
        data = _data(request, form)
        try:
            services.update_experiment(experiment=experiment, actor=request.user, **data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("monitoring:experiment", request.organisation.slug, experiment.pk)
    return render(
        request, "monitoring/experiment_form.html", {"form": form, "experiment": experiment}
    )


@require(rules.can_view_experiment, obj=_experiment)
def experiment_detail(request, experiment):
    access, user = request.access, request.user
    can_edit = rules.can_edit_experiment(access, experiment)
    loggable = [t for t in experiment.team_list if rules.can_log_step(access, experiment, t)]
    context = {
        "experiment": experiment,
        "monitor": selectors.monitor(experiment),
        "loggable": {t.pk for t in loggable},
        "can_edit": can_edit,
        "step_form": StepForm(teams=Team.objects.filter(pk__in=[t.pk for t in loggable]))
        if loggable
        else None,
        "outcome_form": OutcomeForm(instance=experiment) if can_edit else None,
        "linked": selectors.linked(access, user, experiment),
    }
    return render(request, "monitoring/experiment_detail.html", context)


@require_POST
@require(rules.can_edit_experiment, obj=_experiment)
def experiment_start(request, experiment):
    try:
        services.start_experiment(experiment=experiment, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("monitoring:experiment", request.organisation.slug, experiment.pk)


@require_POST
@require(rules.can_edit_experiment, obj=_experiment)
def experiment_finish(request, experiment):
    form = OutcomeForm(request.POST, instance=experiment)
    if form.is_valid():
        try:
            services.finish_experiment(
                experiment=selectors.experiment_or_404(request.organisation, experiment.pk),
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Finished. It is on the timeline."))
    else:
        messages.error(request, _("Choose a decision: stop, adapt or scale up."))
    return redirect("monitoring:experiment", request.organisation.slug, experiment.pk)


@require_POST
@require(rules.can_log_steps, obj=_experiment)
def step_create(request, experiment):
    access, user = request.access, request.user
    loggable = [t.pk for t in experiment.team_list if rules.can_log_step(access, experiment, t)]
    form = StepForm(request.POST, teams=Team.objects.filter(pk__in=loggable))
    if form.is_valid():
        try:
            services.add_step(experiment=experiment, actor=user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Step planned."))
    else:
        messages.error(request, _("Fill in the team, the step and its date."))
    return redirect("monitoring:experiment", request.organisation.slug, experiment.pk)


@require_POST
@require(rules.can_mark_step, obj=_step)
def step_toggle(request, step):
    services.mark_step(
        step=step,
        actor=request.user,
        done=step.done_on is None,
        note=request.POST.get("note", "")[:300],
    )
    return redirect("monitoring:experiment", request.organisation.slug, step.experiment_id)


@require(rules.can_read_monitoring)
def timeline(request):
    return render(
        request,
        "monitoring/timeline.html",
        {"experiments": list(selectors.timeline(request.organisation))},
    )
