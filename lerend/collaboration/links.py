"""What collaboration offers other apps by id (contribution slot ``offers``), so that
coaching and monitoring link to visits and the observation rubrics without importing this
app:

- ``observation_focus(organisation) -> list[(key, label)]``: the domains of the sector's
  observation rubric — the six interaction skills in childcare, the lesson observation guide
  at a school — as focus areas a coaching goal can be linked to (``"<rubric>.<domain>"``).
- ``visits_observing(organisation, person) -> list[LinkedRecord]``: visits and observations
  in which ``person`` is the observed one, newest first (kind and date only), for the
  observed person to link to their own coaching trajectory.
- ``visit_links(organisation, ids) -> {id: LinkedRecord}``: labels of those visits, for
  the trajectory page; the visit page's own rules decide who opens it.
- ``rubric_trend(organisation, team_ids, *, years, k) -> list[dict]``: per half-year, per
  rubric domain, the share of observations at the good end of the scale, over the held
  visits of people in those teams — an aggregate, never per person, and only for a
  half-year with at least ``k`` different observed people (the one gate's core).
"""

import datetime
from decimal import Decimal

from django.urls import reverse

from lerend.kit.contrib import LinkedRecord
from lerend.organisations.models import K_MAX, K_MIN, Membership, Scope
from lerend.scans.results import Group, plan_small_groups

from . import catalogue
from .models import Observation, Visit, VisitStatus

# Childcare observes the six interaction skills; schools (po, vo, mbo) the lesson guide.
RUBRIC_FOR_SECTOR = {
    "kinderopvang": "interactievaardigheden",
    "po": "klas",
    "vo": "klas",
    "mbo": "klas",
}


def _rubric(organisation):
    key = RUBRIC_FOR_SECTOR.get(organisation.sector)
    return catalogue.rubric(key) if key else None


def observation_focus(organisation) -> list[tuple[str, str]]:
    rubric = _rubric(organisation)
    if rubric is None:
        return []
    return [(f"{rubric.key}.{d.key}", f"{rubric.name}: {d.name}") for d in rubric.domains]


def _label(visit) -> str:
    return f"{visit.get_kind_display()} {visit.date:%d-%m-%Y}"


def _link(organisation, visit) -> LinkedRecord:
    url = reverse("collaboration:visit_detail", args=[organisation.slug, visit.pk])
    return LinkedRecord(visit.pk, _label(visit), url)


def visits_observing(organisation, person) -> list[LinkedRecord]:
    visits = Visit.objects.filter(organisation=organisation, observed=person).order_by(
        "-date", "-id"
    )[:50]
    return [_link(organisation, v) for v in visits]


def visit_links(organisation, ids) -> dict[int, LinkedRecord]:
    visits = Visit.objects.filter(organisation=organisation, pk__in=list(ids))
    return {v.pk: _link(organisation, v) for v in visits}


def _good_levels(rubric) -> list[str]:
    """The good end of the rubric's scale: a numbered scale counts its upper half (3 and 4
    of 1..4), a worded one its first level ("zie ik")."""
    keys = [level.key for level in rubric.scale]
    if all(key.isdigit() for key in keys):
        ordered = sorted(keys, key=int)
        return ordered[len(ordered) // 2 :]
    return keys[:1]


def _half(day: datetime.date) -> str:
    return f"{day.year}-{1 if day.month <= 6 else 2}"


def rubric_trend(organisation, team_ids, *, years: int = 2, k: int) -> list[dict]:
    """See the module docstring. Two queries."""
    rubric = _rubric(organisation)
    if rubric is None:
        return []
    since = datetime.date(datetime.date.today().year - years + 1, 1, 1)
    people = (
        Membership.objects.active()
        .filter(organisation=organisation, scope=Scope.TEAM, team_id__in=list(team_ids))
        .values("person_id")
    )
    observations = Observation.objects.filter(
        visit__organisation=organisation,
        visit__status=VisitStatus.HELD,
        visit__rubric_key=rubric.key,
        visit__date__gte=since,
        visit__observed_id__in=people,
    ).exclude(level="")
    good = _good_levels(rubric)
    rows = list(
        observations.values("visit__date", "visit__observed_id", "item_key", "level").order_by()
    )
    people_per_half: dict[str, set[int]] = {}
    cells: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        half = _half(row["visit__date"])
        people_per_half.setdefault(half, set()).add(row["visit__observed_id"])
        domain = row["item_key"].split(".", 1)[0]
        counts = cells.setdefault((half, domain), [0, 0])
        counts[0] += 1
        counts[1] += row["level"] in good
    observed = {half: len(found) for half, found in people_per_half.items()}
    groups = [Group(key=("half", half), cells=frozenset([half])) for half in observed]
    plan = plan_small_groups(groups, observed, k, k_range=(K_MIN, K_MAX))
    names = {d.key: str(d.name) for d in rubric.domains}
    found = []
    for half in sorted(observed):
        if not plan.is_visible(("half", half)):
            found.append({"period": half, "visible": False, "domains": []})
            continue
        domains = [
            (names[d], Decimal(100 * c[1] / c[0]).quantize(Decimal("0.1")))
            for d in names
            if (c := cells.get((half, d))) and c[0]
        ]
        found.append(
            {"period": half, "visible": True, "people": observed[half], "domains": domains}
        )
    return found
