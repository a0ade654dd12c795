"""Network measures of one team, with networkx, and the tie matrix with its suppression.

Pure functions of small graphs and counts — no ORM — so they are tested against graphs
computed by hand (tests/networks/test_measures.py)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class TeamMeasures:
    nodes: int
    density: float
    reciprocity: float | None  # None without any tie
    centralisation: float  # Freeman in-degree centralisation, 0..1
    isolates_share: float  # share of nodes without any tie in the team, 0..1


def freeman_in_degree_centralisation(graph: nx.DiGraph) -> float:
    """Freeman's in-degree centralisation: sum over nodes of (max in-degree - in-degree),
    divided by its largest possible value in a directed graph of n nodes, (n-1)^2 (every
    other node naming one and only one). networkx has in-degree centrality per node but
    no graph centralisation, hence the formula."""
    n = graph.number_of_nodes()
    if n < 3:
        return 0.0
    degrees = [d for _node, d in graph.in_degree()]
    top = max(degrees)
    return sum(top - d for d in degrees) / ((n - 1) ** 2)


def team_measures(nodes: Iterable[int], ties: Iterable[tuple[int, int]]) -> TeamMeasures:
    """Measures of the directed graph of ``nodes`` (a team's respondents) with the ``ties``
    between them (respondent -> named colleague); ties to anyone else are ignored."""
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    members = set(graph.nodes)
    graph.add_edges_from((a, b) for a, b in ties if a in members and b in members and a != b)
    n = graph.number_of_nodes()
    density = nx.density(graph) if n > 1 else 0.0
    reciprocity = nx.reciprocity(graph) if graph.number_of_edges() else None
    isolates = sum(1 for _ in nx.isolates(graph))
    return TeamMeasures(
        nodes=n,
        density=density,
        reciprocity=reciprocity,
        centralisation=freeman_in_degree_centralisation(graph),
        isolates_share=isolates / n if n else 0.0,
    )


# Isolates are shown in bands, never as a count: "1 of 6" in a team would point at someone.
ISOLATE_BANDS = ((0.0, "none"), (0.25, "under_quarter"), (0.5, "quarter_to_half"))


def isolates_band(share: float) -> str:
    if share == 0:
        return "none"
    if share < 0.25:
        return "under_quarter"
    if share < 0.5:
        return "quarter_to_half"
    return "half_or_more"


# --- the tie matrix --------------------------------------------------------------------


@dataclass(frozen=True)
class Matrix:
    """A square table of tie counts between units (teams or locations), off the diagonal
    only. ``cells[(a, b)]`` is None where suppressed. Row and column totals are the true sums
    over the shown columns and rows; ``protected`` says the audit found no suppressed cell
    that the totals and the shown cells pin down."""

    units: tuple
    cells: Mapping[tuple, int | None]
    row_totals: Mapping
    column_totals: Mapping
    suppressed: frozenset
    primary: frozenset


def _bridges(suppressed: Iterable[tuple]) -> set[tuple]:
    """Suppressed cells that row and column totals determine exactly.

    The unknowns are the suppressed cells; each row total and column total is one linear
    equation over them. Seen as a bipartite graph (rows and columns as nodes, suppressed
    cells as edges), a cell is determined exactly when its edge lies on no cycle — when it is
    a bridge: a cycle lets the cell move by +t with the others around the cycle moving by -t
    and +t, keeping every total."""
    graph = nx.MultiGraph()
    for a, b in suppressed:
        graph.add_edge(("r", a), ("c", b), cell=(a, b))
    found = set()
    for u, v in nx.bridges(nx.Graph(graph)):
        if graph.number_of_edges(u, v) == 1:
            found.add(next(iter(graph.get_edge_data(u, v).values()))["cell"])
    return found


def _closing_path(units, values, suppressed, cell) -> list[tuple] | None:
    """The cheapest set of cells that, suppressed too, puts ``cell`` on a cycle: a
    shortest path from its column back to its row over the other off-diagonal cells
    (suppressed ones cost nothing; shown ones cost one plus a little for their size, so
    few and small cells are sacrificed)."""
    a, b = cell
    graph = nx.Graph()
    for r in units:
        for c in units:
            if r == c or (r, c) == cell:
                continue
            weight = 0.0 if (r, c) in suppressed else 1.0 + values[(r, c)] / 1000
            graph.add_edge(("r", r), ("c", c), weight=weight, cell=(r, c))
    try:
        path = nx.shortest_path(graph, ("c", b), ("r", a), weight="weight")
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return None
    return [graph.edges[u, v]["cell"] for u, v in itertools.pairwise(path)]


def tie_matrix(units: Sequence, counts: Mapping[tuple, int], k: int) -> Matrix:
    """Suppress cells with 1..k-1 ties (primary), then add complementary cells until no
    suppressed cell can be recovered from the totals (no bridge, see ``_bridges``): each
    bridge cell is closed into a cycle by the cheapest path of other cells
    (``_closing_path``). When none exists (two units), the whole table and its totals are
    withheld."""
    units = tuple(units)
    keys = [(a, b) for a in units for b in units if a != b]
    values = {key: int(counts.get(key, 0)) for key in keys}
    primary = {key for key, value in values.items() if 0 < value < k}
    suppressed = set(primary)
    withheld = False
    while True:
        open_cells = _bridges(suppressed)
        if not open_cells:
            break
        cell = min(open_cells, key=lambda c: (values[c], str(c)))
        path = _closing_path(units, values, suppressed, cell)
        if path is None:
            withheld = True
            suppressed = set(keys)
            break
        suppressed.update(path)
    cells = {key: (None if key in suppressed else values[key]) for key in keys}
    rows: dict = {a: sum(values[(a, b)] for b in units if b != a) for a in units}
    columns: dict = {b: sum(values[(a, b)] for a in units if a != b) for b in units}
    if withheld:
        rows, columns = dict.fromkeys(units), dict.fromkeys(units)
    return Matrix(units, cells, rows, columns, frozenset(suppressed), frozenset(primary))


def recoverable(matrix: Matrix) -> set[tuple]:
    """The audit: suppressed cells pinned down by the totals (empty for a published table)."""
    if any(value is None for value in matrix.row_totals.values()):
        return set()
    return _bridges(matrix.suppressed)
