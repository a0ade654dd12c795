"""This app's part of a person's own-data download and of their erasure.

Nothing here is a personal record: indicators, measurements, well-being rounds and
experiments are the organisation's work. A person is linked as owner, as who entered a
measurement or a score, or as who leads an experiment. Erasure keeps the work and drops the
name — a well-being score never named a child and after erasure names no adult either."""

from django.db import transaction

from .models import CheckIn, Experiment, Indicator, WellbeingRound, WellbeingScore


def _iso(value):
    return value.isoformat() if value else None


def own_data(person) -> dict:
    """What this person owns or entered, across organisations. Four queries."""
    indicators = Indicator.objects.filter(owner=person).select_related("organisation")
    check_ins = CheckIn.objects.filter(created_by=person).select_related("indicator__organisation")
    experiments = Experiment.objects.filter(owner=person).select_related("organisation")
    scores = WellbeingScore.objects.filter(entered_by=person).count()
    return {
        "indicators_owned": [
            {"organisation": i.organisation.name, "title": i.title, "unit": i.unit}
            for i in indicators
        ],
        "measurements_entered": [
            {
                "organisation": c.indicator.organisation.name,
                "indicator": c.indicator.title,
                "measured_on": _iso(c.measured_on),
                "value": str(c.value),
                "note": c.note,
            }
            for c in check_ins
        ],
        "experiments_led": [
            {"organisation": e.organisation.name, "title": e.title, "status": e.status}
            for e in experiments
        ],
        # Scores are about children (tokens); the person only typed them in.
        "wellbeing_scores_entered": scores,
    }


@transaction.atomic
def erase(person, organisation) -> dict[str, int]:
    """Side effects: unlinks the person from indicators, measurements, well-being rounds and
    scores, and experiments in ``organisation``; all of it stays, without their name."""
    org = {"organisation": organisation}
    unnamed = sum(
        (
            Indicator.objects.filter(owner=person, **org).update(owner=None),
            Indicator.objects.filter(created_by=person, **org).update(created_by=None),
            CheckIn.objects.filter(created_by=person, indicator__organisation=organisation).update(
                created_by=None
            ),
            WellbeingRound.objects.filter(created_by=person, **org).update(created_by=None),
            WellbeingScore.objects.filter(
                entered_by=person, round__organisation=organisation
            ).update(entered_by=None),
            Experiment.objects.filter(owner=person, **org).update(owner=None),
            Experiment.objects.filter(created_by=person, **org).update(created_by=None),
        )
    )
    return {"monitoring_work_unnamed": unnamed}
