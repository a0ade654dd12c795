"""Reads of partners, and the pulse's numbers through the anonymity gate."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext

from lerend.kit import numbers
from lerend.scans.results import SmallGroup, plan_groups

from .models import Agreement, Partner, PartnerKind, Pulse, PulseAnswer, Side
from .pulse import ITEMS


def partners_for(organisation, *, kind: str = "", query: str = ""):
    rows = Partner.objects.filter(organisation=organisation).annotate(
        activity_count=Count("activities", distinct=True)
    )
    if kind:
        rows = rows.filter(kind=kind)
    if query:
        rows = rows.filter(name__icontains=query)
    return rows.order_by("name")


def agreements_due(access):
    """Agreements whose review date has come, for the person who reviews them — or for
    leaders, those without anyone named."""
    today = timezone.localdate()
    rows = Agreement.objects.filter(partner__organisation=access.organisation, review_on__lte=today)
    mine = rows.filter(owner_id=access.person_id)
    if access.is_leader:
        mine = mine | rows.filter(owner__isnull=True)
    return list(mine.select_related("partner").order_by("review_on")[:20])


@dataclass
class PulseGroupResult:
    label: str
    n: int
    means: list[tuple[str, str]]  # (statement, mean)


def pulse_results(pulse: Pulse) -> tuple[bool, list[PulseGroupResult]]:
    """Means per side and per side and partner type, only for groups the gate shows (at
    least k answers, complementary suppression across the groups), and only after the
    pulse closed."""
    if pulse.closes_on >= timezone.localdate():
        return False, []
    counts: dict = defaultdict(int)
    sums: dict = defaultdict(lambda: defaultdict(int))
    for side, kind, scores in PulseAnswer.objects.filter(pulse=pulse).values_list(
        "side", "partner_kind", "scores"
    ):
        counts[(side, kind)] += 1
        for key, value in scores.items():
            sums[(side, kind)][key] += value
    cells = set(counts)
    # The two sides first: comparing them is the point of a two-sided pulse.
    groups = [SmallGroup(("all",), frozenset(cells), 20)]
    for side in Side.values:
        groups.append(SmallGroup(("side", side), frozenset(c for c in cells if c[0] == side), 30))
    for cell in cells:
        if sum(1 for c in cells if c[0] == cell[0]) > 1:  # else the same as its side
            groups.append(SmallGroup(("cell", *cell), frozenset({cell}), 10))
    visible = plan_groups(groups, counts, pulse.k)
    labels = dict(Side.choices)
    kinds = dict(PartnerKind.choices)
    results = []
    for group in sorted(groups, key=lambda g: (-g.priority, str(g.key))):
        key_parts: tuple = group.key  # type: ignore[assignment]  # our keys are tuples
        if group.key not in visible:
            continue
        n = sum(counts[c] for c in group.cells)
        if key_parts[0] == "all":
            label = gettext("Both sides together")
        elif key_parts[0] == "side":
            label = str(labels[key_parts[1]])
        else:
            label = f"{labels[key_parts[1]]}: {kinds.get(key_parts[2], key_parts[2])}"
        means = [
            (str(text), numbers.number(sum(sums[c][key] for c in group.cells) / n, 1))
            for key, text in ITEMS
        ]
        results.append(PulseGroupResult(label, n, means))
    return True, results
