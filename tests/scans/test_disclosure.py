"""Hand-worked cases for lerend.scans.disclosure (the property tests live next door)."""

import pytest

from lerend.organisations import models as org_models
from lerend.scans.disclosure import (
    DEFAULT_K,
    MAX_K,
    MIN_K,
    Group,
    Reason,
    ResponseRate,
    Stratum,
    coarsen_strata,
    comments_visible,
    find_violations,
    plan_disclosure,
    plan_response_rates,
    standard_groups,
    visible_rate,
)


def tree(parent, children, *, leftover=0):
    """A parent group made of child groups with the given counts (one cell per child) and
    optionally a cell that belongs to no child (e.g. staff without a team)."""
    counts = {f"c{i}": n for i, n in enumerate(children)}
    if leftover:
        counts["rest"] = leftover
    groups = [Group(parent, frozenset(counts), priority=1)]
    groups += [Group(f"child{i}", frozenset({f"c{i}"})) for i in range(len(children))]
    return groups, counts


def visibility(disclosure, groups):
    return {g.key: disclosure.reason(g.key) for g in groups}


def test_constants_match_the_organisation_model():
    assert (MIN_K, MAX_K, DEFAULT_K) == (org_models.K_MIN, org_models.K_MAX, org_models.K_DEFAULT)


def test_plan_hides_a_team_of_four_and_its_sibling_with_k5():
    groups, counts = tree("org", [10, 4])
    plan = plan_disclosure(groups, counts, 5)
    # Showing the 10 would give org - 10 = the team of 4.
    assert visibility(plan, groups) == {
        "org": None,
        "child0": Reason.PROTECTS_OTHERS,
        "child1": Reason.TOO_FEW,
    }


def test_plan_parent_20_children_12_4_4_keeps_the_12():
    groups, counts = tree("org", [12, 4, 4])
    plan = plan_disclosure(groups, counts, 5)
    # 20 - 12 = 8 people from two hidden teams: 8 >= 5 and nothing splits the 8.
    assert visibility(plan, groups) == {
        "org": None,
        "child0": None,
        "child1": Reason.TOO_FEW,
        "child2": Reason.TOO_FEW,
    }
    assert plan.n("org") == 20
    assert plan.n("child0") == 12
    assert plan.n("child1") is None


def test_plan_parent_20_children_12_5_3_hides_the_5():
    groups, counts = tree("org", [12, 5, 3])
    plan = plan_disclosure(groups, counts, 5)
    # With 12 and 5 both visible, 20 - 12 - 5 = 3 would be the hidden team.
    assert visibility(plan, groups) == {
        "org": None,
        "child0": None,
        "child1": Reason.PROTECTS_OTHERS,
        "child2": Reason.TOO_FEW,
    }


def test_plan_suppresses_the_smallest_sibling_first():
    groups, counts = tree("location", [10, 10, 6], leftover=2)
    plan = plan_disclosure(groups, counts, 5)
    # Two staff members belong to no team: the location minus all teams would be them.
    assert visibility(plan, groups) == {
        "location": None,
        "child0": None,
        "child1": None,
        "child2": Reason.PROTECTS_OTHERS,
    }


def test_plan_ties_are_broken_by_key_not_by_input_order():
    groups, counts = tree("location", [10, 10], leftover=2)
    forward = plan_disclosure(groups, counts, 5)
    backward = plan_disclosure(list(reversed(groups)), counts, 5)
    assert forward.visible_keys == backward.visible_keys == frozenset({"location", "child0"})


def test_plan_empty_group_is_hidden_but_does_not_block_its_sibling():
    groups, counts = tree("org", [10, 0])
    plan = plan_disclosure(groups, counts, 5)
    assert visibility(plan, groups) == {"org": None, "child0": None, "child1": Reason.TOO_FEW}


def test_plan_hides_the_whole_organisation_below_k():
    groups, counts = tree("org", [2, 2])
    plan = plan_disclosure(groups, counts, 5)
    assert plan.visible_keys == frozenset()
    assert plan.reason("org") == Reason.TOO_FEW


def test_plan_shows_a_location_and_its_only_team_together():
    counts = {"a": 7}
    groups = [Group("location", frozenset({"a"}), 1), Group("team", frozenset({"a"}))]
    assert plan_disclosure(groups, counts, 5).visible_keys == frozenset({"location", "team"})


def test_plan_cross_cutting_role_group_cannot_split_a_team():
    # Two teams, each one leader (in the team) and nine staff members.
    cells = [Stratum("L", t, r) for t in ("T1", "T2") for r in ("leiding", "medewerkers")]
    counts = {c: (1 if c.role_group == "leiding" else 9) for c in cells}
    groups = standard_groups(cells)
    plan = plan_disclosure(groups, counts, 5)
    # Teams (priority) stay; "medewerkers" would make team minus staff = its one leader.
    assert plan.visible_keys == frozenset(
        {("organisation",), ("location", "L"), ("team", "T1"), ("team", "T2")}
    )
    assert plan.reason(("role_group", "medewerkers")) == Reason.PROTECTS_OTHERS
    assert plan.reason(("role_group", "leiding")) == Reason.TOO_FEW
    assert find_violations(
        [*plan.visible_groups, *(g for g in groups if g.key == ("role_group", "medewerkers"))],
        counts,
        5,
    ) == [frozenset({Stratum("L", "T1", "leiding")}), frozenset({Stratum("L", "T2", "leiding")})]


def test_plan_priority_decides_between_teams_and_role_groups():
    cells = [Stratum("L", t, r) for t in ("T1", "T2") for r in ("leiding", "medewerkers")]
    counts = {c: (1 if c.role_group == "leiding" else 9) for c in cells}
    groups = standard_groups(cells, priorities={"role_group": 99, "role_group_in_location": 9})
    plan = plan_disclosure(groups, counts, 5)
    # Staff across the organisation first; then the organisation (20) minus them would be
    # the two leaders, so everything structural goes.
    assert plan.visible_keys == frozenset(
        {("role_group", "medewerkers"), ("role_group_in_location", "medewerkers", "L")}
    )


def test_standard_groups_cover_organisation_location_team_and_role_groups():
    cells = [
        Stratum("L1", "T1", "mw"),
        Stratum("L1", None, "leiding"),
        Stratum(None, None, "leiding"),
    ]
    groups = {g.key: (g.cells, g.priority) for g in standard_groups(cells)}
    assert groups == {
        ("organisation",): (frozenset(cells), 50),
        ("location", "L1"): (frozenset(cells[:2]), 40),
        ("team", "T1"): (frozenset(cells[:1]), 30),
        ("role_group", "mw"): (frozenset(cells[:1]), 20),
        ("role_group", "leiding"): (frozenset(cells[1:]), 20),
        ("role_group_in_location", "mw", "L1"): (frozenset(cells[:1]), 10),
        ("role_group_in_location", "leiding", "L1"): (frozenset(cells[1:2]), 10),
    }


def test_plan_unknown_group_is_never_visible():
    groups, counts = tree("org", [10])
    plan = plan_disclosure(groups, counts, 5)
    assert plan.is_visible("nonexistent") is False
    assert plan.reason("nonexistent") == Reason.NOT_PLANNED
    assert plan.n("nonexistent") is None


@pytest.mark.parametrize("k", [2, 11, 5.0])
def test_plan_rejects_k_outside_3_to_10(k):
    groups, counts = tree("org", [10])
    with pytest.raises(ValueError):
        plan_disclosure(groups, counts, k)


def test_plan_rejects_duplicate_keys_and_negative_counts():
    with pytest.raises(ValueError):
        plan_disclosure([Group("a", frozenset({"x"})), Group("a", frozenset({"y"}))], {}, 5)
    with pytest.raises(ValueError):
        plan_disclosure([Group("a", frozenset({"x"}))], {"x": -1}, 5)


def test_comments_follow_the_plan_and_the_role():
    groups, counts = tree("org", [12, 5, 3])
    plan = plan_disclosure(groups, counts, 5)
    assert comments_visible(plan, "org", role_allowed=True) is True
    assert comments_visible(plan, "org", role_allowed=False) is False
    # child1 has 5 >= k respondents, but its comment list minus the organisation's list
    # would narrow down the hidden team of 3: hidden with the numbers.
    assert comments_visible(plan, "child1", role_allowed=True) is False
    assert comments_visible(plan, "child2", role_allowed=True) is False


def test_visible_rate_needs_k_invited():
    assert visible_rate(4, 3, 5) is None
    assert visible_rate(12, 3, 5) == ResponseRate(12, 3)
    assert visible_rate(12, 3, 5).percentage == 25
    assert visible_rate(5, 0, 5).percentage == 0
    with pytest.raises(ValueError):
        visible_rate(4, 5, 5)


def test_plan_response_rates_protects_a_small_team_from_subtraction():
    groups, invited = tree("org", [12, 3])
    responded = {"c0": 9, "c1": 2}
    rates = plan_response_rates(groups, invited, responded, 5)
    assert rates.get("org") == ResponseRate(15, 11)
    # 12 >= k, but org minus this team would give "2 of 3" for the small team.
    assert rates.get("child0") is None
    assert rates.get("child1") is None
    with pytest.raises(ValueError):
        plan_response_rates(groups, invited, {"c1": 4}, 5)


def rows_of(spec):
    rows = []
    for (location, team, role), n in spec.items():
        rows += [
            {"location": location, "team": team, "role_group": role, "q1": (i % 5) + 1}
            for i in range(n)
        ]
    return rows


def test_coarsen_strata_drops_role_group_when_a_team_has_one_leader():
    rows = rows_of({("L1", "T1", "mw"): 5, ("L1", "T1", "leiding"): 1, ("L1", "T2", "mw"): 5})
    result = coarsen_strata(rows, 5)
    assert result.columns == ("location", "team")
    assert len(result.rows) == 11
    assert all(set(r) == {"location", "team", "q1"} for r in result.rows)


def test_coarsen_strata_rolls_up_to_everybody_or_nothing():
    rows = rows_of({("L1", "T1", "mw"): 3, ("L2", "T2", "leiding"): 3})
    assert coarsen_strata(rows, 5).columns == ()
    assert len(coarsen_strata(rows, 5).rows) == 6
    assert coarsen_strata(rows[:4], 5).rows == []


def test_coarsen_strata_respects_the_published_plan():
    spec = {
        ("L1", "T1", "mw"): 4,
        ("L1", "T1", "leiding"): 3,
        ("L1", "T2", "mw"): 3,
        ("L1", "T2", "leiding"): 3,
    }
    counts = {Stratum(*cell): n for cell, n in spec.items()}
    # The results pages show the perception gap (role groups), not the teams.
    groups = [g for g in standard_groups(counts) if g.key[0] in ("organisation", "role_group")]
    plan = plan_disclosure(groups, counts, 5)
    assert plan.visible_keys == {("organisation",), ("role_group", "mw"), ("role_group", "leiding")}
    rows = rows_of(spec)
    # Teams of 7 and 6 alone would be fine, but next to the role groups they expose
    # "leaders of T1" (3): the export falls back to role groups.
    assert coarsen_strata(rows, 5).columns == ("location", "team")
    assert coarsen_strata(rows, 5, published=plan).columns == ("location", "role_group")


def test_coarsen_strata_output_order_ignores_input_order():
    rows = rows_of({("L1", "T1", "mw"): 6, ("L1", "T2", "mw"): 6})
    assert coarsen_strata(rows, 5).rows == coarsen_strata(list(reversed(rows)), 5).rows
