"""Reads for experiments: every member reads them; the implementation monitor per team."""

from django.db.models import Count, Prefetch, Q
from django.http import Http404

from lerend.improvement import selectors as improvement
from lerend.learning import selectors as learning_selectors

from ..models import Experiment, ExperimentLinkKind, ExperimentStatus, ImplementationStep


def experiments(organisation):
    """With their teams and indicator; two queries."""
    return (
        Experiment.objects.filter(organisation=organisation)
        .select_related("owner", "indicator")
        .prefetch_related("teams")
        .annotate(
            planned=Count("steps", distinct=True),
            done=Count("steps", filter=Q(steps__done_on__isnull=False), distinct=True),
        )
        .order_by("-starts_on", "-id")
    )


def experiment_or_404(organisation, experiment_id) -> Experiment:
    found = (
        Experiment.objects.filter(organisation=organisation, pk=experiment_id)
        .select_related("owner", "indicator", "organisation")
        .prefetch_related(
            Prefetch("teams", to_attr="team_list"),
        )
        .first()
    )
    if found is None:
        raise Http404
    return found


def step_or_404(organisation, step_id) -> ImplementationStep:
    found = (
        ImplementationStep.objects.filter(experiment__organisation=organisation, pk=step_id)
        .select_related("experiment__organisation", "team__location")
        .first()
    )
    if found is None:
        raise Http404
    return found


def monitor(experiment) -> list[dict]:
    """Per team taking part: its steps, and planned vs done. Two queries."""
    steps = list(experiment.steps.select_related("team").order_by("planned_on", "id"))
    rows = []
    for team in experiment.team_list:
        own = [s for s in steps if s.team_id == team.pk]
        rows.append(
            {
                "team": team,
                "steps": own,
                "planned": len(own),
                "done": sum(1 for s in own if s.done_on),
            }
        )
    return rows


def timeline(organisation):
    """Finished experiments, newest first: successes and instructive failures alike, the ones
    the team chose to celebrate marked."""
    return (
        Experiment.objects.filter(organisation=organisation, status=ExperimentStatus.FINISHED)
        .select_related("owner", "indicator")
        .order_by("-finished_at", "-id")
    )


def link_ids(experiment) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {kind: [] for kind in ExperimentLinkKind.values}
    for kind, target_id in experiment.links.values_list("kind", "target_id"):
        found[kind].append(target_id)
    return found


def linked(access, user, experiment) -> dict[str, list]:
    """The goals, themes and PD activities an experiment is linked to, read through their own
    apps' selectors (one query each; a removed one is skipped)."""
    ids = link_ids(experiment)
    found: dict[str, list] = {"goals": [], "themes": [], "pds": []}
    for key, kind, read in (
        ("goals", "doel", lambda i: improvement.goal_or_404(access.organisation, i)),
        (
            "themes",
            "thema",
            lambda i: improvement.theme_or_404(access.organisation, user, i),
        ),
        ("pds", "scholing", lambda i: learning_selectors.pd_activity_for_member(access, i)),
    ):
        for target_id in ids[kind]:
            try:
                found[key].append(read(target_id))
            except Http404:
                continue
    return found
