"""Network measures against small graphs computed by hand, and the tie matrix's
suppression against an attacker who solves the totals."""

import itertools

import pytest

from lerend.networks import measures


def test_a_star_pointing_in_is_fully_centralised():
    # 4 people all go to person 1: in-degrees 3,0,0,0; Freeman = (0+3+3+3)/(3^2) = 1.
    m = measures.team_measures([1, 2, 3, 4], [(2, 1), (3, 1), (4, 1)])
    assert m.centralisation == 1.0
    assert m.density == pytest.approx(3 / 12)  # 3 ties of 4*3 possible
    assert m.reciprocity == 0.0
    assert m.isolates_share == 0.0


def test_a_complete_graph_has_density_one_no_centralisation_full_reciprocity():
    nodes = [1, 2, 3]
    ties = [(a, b) for a in nodes for b in nodes if a != b]
    m = measures.team_measures(nodes, ties)
    assert (m.density, m.reciprocity, m.centralisation, m.isolates_share) == (1.0, 1.0, 0.0, 0.0)


def test_a_hand_computed_mixed_graph():
    # 5 nodes; ties 1->2, 2->1, 3->2, 4->2, 3->4; node 5 isolated.
    # density 5/20 = 0.25; reciprocity: 2 of 5 ties are mutual = 0.4;
    # in-degrees: 1:1, 2:3, 3:0, 4:1, 5:0 -> Freeman (2+0+3+2+3)/16 = 10/16.
    m = measures.team_measures([1, 2, 3, 4, 5], [(1, 2), (2, 1), (3, 2), (4, 2), (3, 4)])
    assert m.density == pytest.approx(0.25)
    assert m.reciprocity == pytest.approx(0.4)
    assert m.centralisation == pytest.approx(10 / 16)
    assert m.isolates_share == pytest.approx(0.2)
    assert measures.isolates_band(m.isolates_share) == "under_quarter"


def test_ties_outside_the_team_and_to_oneself_are_ignored():
    m = measures.team_measures([1, 2], [(1, 2), (1, 99), (2, 2)])
    assert m.density == 0.5 and m.reciprocity == 0.0


def test_no_ties_gives_no_reciprocity_and_all_isolated():
    m = measures.team_measures([1, 2, 3], [])
    assert m.reciprocity is None and m.isolates_share == 1.0
    assert measures.isolates_band(1.0) == "half_or_more"


@pytest.mark.parametrize(
    ("share", "band"),
    [(0, "none"), (0.2, "under_quarter"), (0.25, "quarter_to_half"), (0.5, "half_or_more")],
)
def test_isolate_bands(share, band):
    assert measures.isolates_band(share) == band


def _feasible_values(matrix, true_counts, bound):
    """Every integer value each suppressed cell can take given the shown cells and the row
    and column totals: the attacker's exact search (small tables only)."""
    hidden = sorted(matrix.suppressed, key=str)
    possible = {cell: set() for cell in hidden}
    for values in itertools.product(range(bound + 1), repeat=len(hidden)):
        guess = dict(zip(hidden, values, strict=True))
        full = {key: (guess[key] if key in guess else matrix.cells[key]) for key in matrix.cells}
        rows_ok = all(
            sum(full[(a, b)] for b in matrix.units if b != a) == matrix.row_totals[a]
            for a in matrix.units
        )
        cols_ok = all(
            sum(full[(a, b)] for a in matrix.units if a != b) == matrix.column_totals[b]
            for b in matrix.units
        )
        if rows_ok and cols_ok:
            for cell, value in guess.items():
                possible[cell].add(value)
    return possible


def test_a_single_small_cell_is_complemented_so_the_totals_do_not_give_it_away():
    units = ["A", "B", "C"]
    # Every true value stays below the attacker's search bound (8), so truncating the
    # search never hides a solution around the truth.
    counts = {
        ("A", "B"): 2,
        ("A", "C"): 6,
        ("B", "A"): 5,
        ("B", "C"): 7,
        ("C", "A"): 6,
        ("C", "B"): 5,
    }
    matrix = measures.tie_matrix(units, counts, k=5)
    assert matrix.primary == {("A", "B")}
    assert len(matrix.suppressed) > 1
    assert measures.recoverable(matrix) == set()
    # Without complementary suppression the row total gives the cell away at once:
    assert matrix.row_totals["A"] - counts[("A", "C")] == 2  # 8 - 6
    possible = _feasible_values(matrix, counts, bound=8)
    assert all(len(values) > 1 for values in possible.values())
    assert 2 in possible[("A", "B")]


def test_two_units_cannot_be_protected_and_show_nothing():
    matrix = measures.tie_matrix(["A", "B"], {("A", "B"): 1, ("B", "A"): 12}, k=5)
    assert all(value is None for value in matrix.cells.values())
    assert set(matrix.row_totals.values()) == {None}


def test_cells_of_zero_or_at_least_k_are_shown():
    matrix = measures.tie_matrix(["A", "B", "C"], {("A", "B"): 0, ("B", "A"): 5}, k=5)
    assert matrix.suppressed == frozenset()
    assert matrix.cells[("A", "B")] == 0 and matrix.cells[("B", "A")] == 5


@pytest.mark.parametrize("seed", range(12))
def test_random_tables_never_leave_a_suppressed_cell_pinned(seed):
    import random

    rng = random.Random(seed)
    units = list(range(rng.randint(3, 4)))
    counts = {(a, b): rng.choice([0, 1, 2, 3, 4, 5, 6]) for a in units for b in units if a != b}
    matrix = measures.tie_matrix(units, counts, k=4)
    assert {c for c, v in counts.items() if 0 < v < 4} <= matrix.suppressed
    if (
        matrix.suppressed
        and len(matrix.suppressed) <= 5
        and matrix.row_totals[units[0]] is not None
    ):
        possible = _feasible_values(matrix, counts, bound=7)
        assert all(len(values) > 1 for values in possible.values()), possible


def test_a_larger_table_suppresses_only_a_small_cycle():
    units = ["A", "B", "C", "D", "E"]
    counts = {(a, b): 9 for a in units for b in units if a != b}
    counts[("A", "B")] = 1
    matrix = measures.tie_matrix(units, counts, k=5)
    assert measures.recoverable(matrix) == set()
    assert ("A", "B") in matrix.suppressed
    assert len(matrix.suppressed) == 4  # a rectangle is the smallest cycle
    assert matrix.cells[("C", "D")] in (9, None)
