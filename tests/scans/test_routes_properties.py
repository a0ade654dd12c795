"""Property tests for the routes of issue 10 (docs/anonymity.md): random organisations,
readers inside groups, "don't know" patterns, two rounds with joiners, leavers and movers.
The attackers are the independent ones of test_disclosure_properties.py (Boolean: set
algebra on what is published; linear: exact rational span of the published groups), now
given what each route adds to their knowledge: their own answer (route 2), the answer
counts of one question (route 3), and "everyone answers as last time" (route 4).

Each property comes with a ``find`` that shows the attacker is not vacuous: without the
route's rule, it does find a leak.
"""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from lerend.scans import services
from lerend.scans.disclosure import (
    Group,
    Stratum,
    number_visible_keys,
    plan_across,
    plan_disclosure,
    standard_groups,
)
from lerend.scans.models import AccessCode, Campaign, ScanInvitation
from lerend.scans.results.comments import MASK, mask_names, name_tokens
from lerend.scans.services_respond import CodeExhausted, start_with_code

from .test_campaign_support import make_campaign
from .test_disclosure_properties import boolean_leaks, linear_leaks, organisations

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FIND = settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))


def _without(counts, cell):
    less = dict(counts)
    less[cell] -= 1
    return less


# --- route 2: a reader who answered knows their own answer ----------------------------------


@st.composite
def org_with_reader(draw):
    k, counts = draw(organisations())
    answered = sorted((c for c, n in counts.items() if n), key=repr)
    if not answered:
        counts[next(iter(counts))] = k
        answered = [next(iter(counts))]
    return k, counts, draw(st.sampled_from(answered))


def _reader_plan(k, counts, cell):
    groups = standard_groups(counts)
    everybody = plan_disclosure(groups, counts, k)
    own = plan_disclosure(groups, counts, k, strict_cells={cell})
    return groups, everybody, everybody.restricted_to(own.visible_keys)


@FAST
@given(org_with_reader())
def test_route2_a_reader_learns_nothing_of_fewer_than_k_others(org):
    k, counts, cell = org
    groups, everybody, mine = _reader_plan(k, counts, cell)
    visible = list(mine.visible_groups)
    assert mine.visible_keys <= everybody.visible_keys
    others = _without(counts, cell)  # what is left once they subtract their own answer
    assert boolean_leaks(visible, others, k) == []
    assert linear_leaks(visible, groups, others, k) == []
    assert boolean_leaks(visible, counts, k) == []


def test_route2_without_the_rule_the_reader_finds_a_leak():
    def leaks(org):
        k, counts, cell = org
        everybody = plan_disclosure(standard_groups(counts), counts, k)
        return bool(boolean_leaks(list(everybody.visible_groups), _without(counts, cell), k))

    k, counts, cell = find(org_with_reader(), leaks, settings=FIND)
    assert counts[cell] >= 1


# --- route 3: per question ------------------------------------------------------------------


@st.composite
def org_with_answers(draw):
    """Respondents per cell and, for one question, how many of them answered it on the
    scale (the others said "don't know" or skipped it); sometimes a reader inside."""
    k, counts = draw(organisations())
    answered = {c: draw(st.integers(0, n)) for c, n in sorted(counts.items(), key=repr)}
    readers = sorted((c for c, n in answered.items() if n), key=repr)
    reader = draw(st.one_of(st.none(), st.sampled_from(readers))) if readers else None
    return k, counts, answered, reader


@FAST
@given(org_with_answers())
def test_route3_every_number_has_k_answers_behind_it_in_every_atom(org):
    k, counts, answered, reader = org
    groups = standard_groups(counts)
    strict = {reader} if reader else set()
    everybody = plan_disclosure(groups, counts, k)
    plan = everybody.restricted_to(
        plan_disclosure(groups, counts, k, strict_cells=strict).visible_keys
    )
    keys = number_visible_keys(plan, answered, strict_cells=strict)
    assert keys <= plan.visible_keys
    shown = [g for g in plan.visible_groups if g.key in keys]
    for group in shown:
        assert sum(answered.get(c, 0) for c in group.cells) >= k
    known = _without(answered, reader) if reader else answered
    assert boolean_leaks(shown, known, k) == []
    assert linear_leaks(shown, groups, known, k) == []


def test_route3_without_the_rule_a_question_with_few_answers_leaks():
    def leaks(org):
        k, counts, answered, _reader = org
        plan = plan_disclosure(standard_groups(counts), counts, k)
        return bool(boolean_leaks(list(plan.visible_groups), answered, k))

    k, counts, answered, _reader = find(org_with_answers(), leaks, settings=FIND)
    assert sum(answered.values()) < sum(counts.values())


# --- route 4: two rounds, everyone answering as before ----------------------------------------


CELLS = [Stratum(f"L{loc}", f"T{loc}.{t}", "medewerkers") for loc in range(2) for t in range(3)]


@st.composite
def two_rounds(draw):
    """People with a cell in each round (None: not there — a joiner or a leaver); most stay
    where they were. Everyone invited answers (the strongest case for the attacker)."""
    k = draw(st.integers(3, 6))
    people = {}
    for person in range(draw(st.integers(k, 60))):
        now = draw(st.sampled_from([*CELLS, None]))
        stays = draw(st.integers(0, 9)) < 7
        before = now if stays else draw(st.sampled_from([*CELLS, None]))
        if now is None and before is None:
            continue
        people[person] = (now, before)
    return k, people


def _round(people, number, k):
    counts = {}
    for cells in people.values():
        if cells[number] is not None:
            counts[cells[number]] = counts.get(cells[number], 0) + 1
    return plan_disclosure(standard_groups(counts), counts, k)


def _as_people(people, number, groups):
    return [
        Group(
            (number, g.key),
            frozenset(p for p, cells in people.items() if cells[number] in g.cells),
        )
        for g in groups
    ]


@FAST
@given(two_rounds())
def test_route4_two_rounds_side_by_side_pin_nobody_below_k(rounds):
    k, people = rounds
    now, before = _round(people, 0, k), _round(people, 1, k)
    [kept] = plan_across(people, [now.visible_groups, before.visible_groups], k)
    assert kept <= before.visible_keys
    published = _as_people(people, 0, now.visible_groups) + _as_people(
        people, 1, [g for g in before.visible_groups if g.key in kept]
    )
    ones = dict.fromkeys(people, 1)
    assert boolean_leaks(published, ones, k) == []
    assert linear_leaks(published, published, ones, k) == []


def test_route4_without_the_rule_a_joiner_is_found():
    def leaks(rounds):
        k, people = rounds
        now, before = _round(people, 0, k), _round(people, 1, k)
        published = _as_people(people, 0, now.visible_groups) + _as_people(
            people, 1, before.visible_groups
        )
        return bool(boolean_leaks(published, dict.fromkeys(people, 1), k))

    k, people = find(two_rounds(), leaks, settings=FIND)
    assert any(a != b for a, b in people.values())


# --- route 6: names in open answers ------------------------------------------------------------

NAME = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéë", min_size=2, max_size=9).map(str.title)


@FAST
@given(st.lists(st.tuples(NAME, NAME), min_size=1, max_size=8), st.data())
def test_route6_no_name_of_the_organisation_survives_masking(names, data):
    full = [f"{first} van der {last}" for first, last in names]
    tokens = name_tokens(full)
    words = data.draw(
        st.lists(st.one_of(st.sampled_from(["zegt", "nooit", "team", "fijn"]), NAME), max_size=12)
    )
    mentioned = [data.draw(st.sampled_from(full)) for _ in range(data.draw(st.integers(1, 3)))]
    text = " ".join([*words[:5], *mentioned, *words[5:]]) + "."
    masked = mask_names(text, tokens)
    for word in masked.replace(".", " ").split():
        assert word == MASK or word.casefold() not in tokens or not word[0].isupper()
    assert MASK in masked


# --- route 1: one issued letter, one answer ---------------------------------------------------


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    families=st.integers(1, 8),
    parents=st.data(),
    stuffing=st.lists(st.integers(0, 7), max_size=12),
    guesses=st.lists(st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ23456789", min_size=8, max_size=8)),
)
def test_route1_responses_never_outnumber_the_letters_used(
    world, families, parents, stuffing, guesses
):
    """Whatever a leader tries — starting again with letters already used, guessing codes —
    every invitation comes from one issued letter, used once."""
    draft = make_campaign(world, key="ouders", audience="parents", role_groups=())
    Campaign.objects.filter(pk=draft.pk).update(code_use_limit=families)
    draft.refresh_from_db()
    campaign = services.launch_campaign(campaign=draft, actor=world.admin)
    letters = list(AccessCode.objects.filter(campaign=campaign, team_key=world.team.pk))
    assert len(letters) == families
    real = parents.draw(st.integers(0, families))
    used_now = set()
    for letter in letters[:real]:
        start_with_code(code=letter)
        used_now.add(letter.pk)
    for number in stuffing:  # the leader, with letters they laid hands on
        letter = letters[number % families]
        if letter.pk in used_now:
            with pytest.raises(CodeExhausted):
                start_with_code(code=letter)
        else:
            start_with_code(code=letter)
            used_now.add(letter.pk)
    client = Client()
    for guess in guesses:
        response = client.get(reverse("respond:code_start", args=[guess]))
        assert response.status_code in (404, 410)
    used = AccessCode.objects.filter(campaign=campaign, team_key=world.team.pk, uses=1).count()
    invitations = ScanInvitation.objects.filter(campaign=campaign, team_key=world.team.pk)
    assert invitations.count() == used == len(used_now) <= families
    assert set(invitations.values_list("access_code", flat=True)) <= {c.pk for c in letters}
