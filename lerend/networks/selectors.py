"""Who may see which advice-network numbers: the only way out of the app's tables.

Every number goes through the anonymity gate (``lerend.scans.results.plan_groups``, the
generic disclosure core): cells are teams (and, for people without a team, their location
or the organisation), counts are respondents; one plan for the teams, one for the
locations (``_groups``). A reader who was on a team's roster is inside that team: it is shown
to them only
with k+1 respondents. On top of the gate: nothing before the round is closed and the overall
response rate is reached; a team's measures only at the team's own response rate; a team or
location whose respondents or members changed by 1..k-1 against an earlier round of the
series is not shown in the later one (subtracting rounds). Tie counts between units are
suppressed below k and complemented until no cell follows from the totals
(``measures.tie_matrix``). No person's name, degree or position ever leaves (docs/networks.md).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from lerend.organisations.models import Location, Team
from lerend.scans.results import SmallGroup, plan_groups

from . import measures
from .models import CrossTies, Invitation, NetworkRound, Status, TeamResult, Tie

EARLIER_ROUNDS = 5  # how far back a series is compared


def rounds_for(organisation):
    return NetworkRound.objects.filter(organisation=organisation).order_by("-opens_on", "-pk")


def invitation_for(network_round, person):
    return Invitation.objects.filter(round=network_round, person=person).first()


def open_rounds_for(access):
    """Open rounds the person is invited to (home task)."""
    return list(
        NetworkRound.objects.filter(
            organisation=access.organisation,
            status=Status.OPEN,
            invitations__person_id=access.person_id,
            invitations__responded=False,
        ).order_by("closes_on")
    )


def search_roster(network_round, person, query: str, limit: int = 10):
    """Colleagues on the round's roster whose name contains ``query``, the person's own team
    first, at most ``limit`` (never the whole roster: at least two letters)."""
    query = query.strip()
    if len(query) < 2:
        return []
    own = (
        Invitation.objects.filter(round=network_round, person=person)
        .values_list("team_id", flat=True)
        .first()
    )
    rows = (
        Invitation.objects.filter(round=network_round, person__name__icontains=query)
        .exclude(person=person)
        .select_related("person", "team")
        .order_by("person__name", "person_id")[:200]
    )
    found = sorted(
        rows,
        key=lambda i: (
            own is None or i.team_id != own,
            (i.person.name if i.person else "").lower(),
        ),
    )
    return found[:limit]


def chosen_people(network_round, person_ids):
    """The roster entries for ids a respondent chose (to show their own choice back)."""
    return list(
        Invitation.objects.filter(round=network_round, person_id__in=person_ids)
        .select_related("person", "team")
        .order_by("person__name")
    )


# --- results ------------------------------------------------------------------------------


@dataclass
class Population:
    """Who was invited and who answered, per cell (team, or location/organisation for
    people without a team)."""

    invited: dict = field(default_factory=lambda: defaultdict(set))
    responded: dict = field(default_factory=lambda: defaultdict(set))
    team_location: dict = field(default_factory=dict)
    cell_of: dict = field(default_factory=dict)

    @property
    def invited_total(self) -> int:
        return sum(len(v) for v in self.invited.values())

    @property
    def responded_total(self) -> int:
        return sum(len(v) for v in self.responded.values())


def _cell(team_id, location_id):
    if team_id is not None:
        return ("team", team_id)
    if location_id is not None:
        return ("loc", location_id)
    return ("org",)


def population(network_round) -> Population:
    pop = Population()
    for pk, person_id, team, location, responded in network_round.invitations.values_list(
        "pk", "person_id", "team_id", "location_id", "responded"
    ):
        # An erased person stays counted, as someone nobody can match across rounds.
        person = person_id if person_id is not None else f"erased-{pk}"
        cell = _cell(team, location)
        pop.cell_of[person] = cell
        pop.invited[cell].add(person)
        if responded:
            pop.responded[cell].add(person)
        if team is not None:
            pop.team_location[team] = location
    return pop


def _unit_sets(pop: Population, attribute: str) -> dict:
    """Unit key ("team", id) / ("location", id) -> set of people (invited or responded)."""
    sets: dict = defaultdict(set)
    for cell, people in getattr(pop, attribute).items():
        if cell[0] == "team":
            sets[("team", cell[1])] |= people
            location = pop.team_location.get(cell[1])
            if location is not None:
                sets[("location", location)] |= people
        elif cell[0] == "loc":
            sets[("location", cell[1])] |= people
    return sets


def _groups(pop: Population, level: str) -> list[SmallGroup]:
    """The groups of one plan. Teams and locations are planned apart because they publish
    different statistics that cannot be subtracted from each other: a team's measures are
    about ties *within* it and its tie counts go to other teams of its location; a
    location's counts are ties to *other locations*. Within one level the groups are
    disjoint, so the gate's work is the threshold (k, or k+1 for a reader inside)."""
    by_unit: dict = defaultdict(set)
    for cell in pop.invited:
        if cell[0] == "team":
            by_unit[("team", cell[1])].add(cell)
            by_unit[("location", pop.team_location.get(cell[1]))].add(cell)
        elif cell[0] == "loc":
            by_unit[("location", cell[1])].add(cell)
    return [
        SmallGroup(key, frozenset(cells), 10)
        for key, cells in by_unit.items()
        if key[0] == level and key[1] is not None
    ]


def _rate_ok(responded: int, invited: int, minimum: int) -> bool:
    return invited > 0 and responded * 100 >= minimum * invited


def _earlier(network_round) -> list[NetworkRound]:
    found: list[NetworkRound] = []
    current, seen = network_round.previous, {network_round.pk}
    while current is not None and len(found) < EARLIER_ROUNDS and current.pk not in seen:
        seen.add(current.pk)
        if current.status == Status.CLOSED:
            found.append(current)
        current = current.previous
    return found


def _stable(key, now_sets, earlier_sets, k) -> bool:
    """A unit may be shown in a later round only when, against every earlier round of the
    series, its respondents and its members differ by 0 or at least k people."""
    for responded, invited in earlier_sets:
        for current, before in ((now_sets[0], responded), (now_sets[1], invited)):
            changed = len(current.get(key, set()) ^ before.get(key, set()))
            if 0 < changed < k:
                return False
    return True


@dataclass
class TeamRow:
    team: Team
    measures: dict  # purpose -> TeamResult
    change: dict | None = None  # purpose 0: differences with the previous round


@dataclass
class NetworkResults:
    network_round: NetworkRound
    ready: bool
    invited: int = 0
    responded: int = 0
    teams: list[TeamRow] = field(default_factory=list)
    team_matrices: list[tuple[Location, measures.Matrix, dict]] = field(default_factory=list)
    location_matrix: tuple[measures.Matrix, dict] | None = None
    suggestions: list[tuple[str, str]] = field(default_factory=list)
    hidden_teams: int = 0


def visible_units(network_round, access) -> tuple[set, Population]:
    """The unit keys ("team", id), ("location", id) this reader may see numbers of."""
    pop = population(network_round)
    k = network_round.k
    reader_cell = pop.cell_of.get(access.person_id)
    counts = {cell: len(people) for cell, people in pop.responded.items()}
    reader = [reader_cell] if reader_cell else []
    visible = plan_groups(_groups(pop, "team"), counts, k, reader_cells=reader) | plan_groups(
        _groups(pop, "location"), counts, k, reader_cells=reader
    )
    responded, invited = _unit_sets(pop, "responded"), _unit_sets(pop, "invited")
    earlier = []
    for other in _earlier(network_round):
        other_pop = population(other)
        earlier.append((_unit_sets(other_pop, "responded"), _unit_sets(other_pop, "invited")))
    units = set()
    for key in visible:
        if not isinstance(key, tuple) or key[0] not in ("team", "location"):
            continue
        if not _rate_ok(
            len(responded.get(key, ())), len(invited.get(key, ())), network_round.min_response_rate
        ):
            continue
        if _stable(key, (responded, invited), earlier, k):
            units.add(key)
    return units, pop


def results_for(network_round, access) -> NetworkResults:
    pop = population(network_round)
    result = NetworkResults(
        network_round, ready=False, invited=pop.invited_total, responded=pop.responded_total
    )
    if network_round.status != Status.CLOSED or result.invited < network_round.k:
        return result
    if result.responded < network_round.k or not _rate_ok(
        result.responded, result.invited, network_round.min_response_rate
    ):
        return result
    result.ready = True
    units, _pop = visible_units(network_round, access)
    team_ids = sorted(key[1] for key in units if key[0] == "team")
    location_ids = sorted(key[1] for key in units if key[0] == "location")
    teams = {t.pk: t for t in Team.objects.filter(pk__in=team_ids).select_related("location")}
    locations = {loc.pk: loc for loc in Location.objects.filter(pk__in=location_ids)}
    result.hidden_teams = sum(1 for cell in pop.invited if cell[0] == "team") - len(teams)
    by_team: dict = defaultdict(dict)
    for stored in TeamResult.objects.filter(round=network_round, team_id__in=team_ids):
        by_team[stored.team_id][stored.purpose] = stored
    previous: dict[int, TeamResult] = {}
    if network_round.previous_id and network_round.previous.status == Status.CLOSED:
        prev_units, _p = visible_units(network_round.previous, access)
        shown_before = [key[1] for key in prev_units if key[0] == "team"]
        previous = {
            result_row.team_id: result_row
            for result_row in TeamResult.objects.filter(
                round_id=network_round.previous_id, purpose=0, team_id__in=shown_before
            )
        }
    for team_id in sorted(teams, key=lambda t: (teams[t].location.name, teams[t].name)):
        row = TeamRow(teams[team_id], by_team.get(team_id, {}))
        before, now = previous.get(team_id), row.measures.get(0)
        if before is not None and now is not None:
            row.change = {
                "density": now.density - before.density,
                "centralisation": now.centralisation - before.centralisation,
            }
        result.teams.append(row)
    counts = {
        (level, s, r): n
        for level, s, r, n in CrossTies.objects.filter(round=network_round).values_list(
            "level", "sender", "receiver", "count"
        )
    }
    k = network_round.k
    for location_id in sorted(locations, key=lambda i: locations[i].name):
        members = [t for t in team_ids if teams[t].location_id == location_id]
        if len(members) < 2:
            continue
        matrix = measures.tie_matrix(
            members, {(a, b): counts.get(("team", a, b), 0) for a in members for b in members}, k
        )
        result.team_matrices.append((locations[location_id], matrix, teams))
        result.suggestions += _suggest(matrix, {t: teams[t].name for t in members})
    if len(location_ids) >= 2:
        matrix = measures.tie_matrix(
            location_ids,
            {(a, b): counts.get(("location", a, b), 0) for a in location_ids for b in location_ids},
            k,
        )
        result.location_matrix = (matrix, locations)
        result.suggestions += _suggest(matrix, {i: locations[i].name for i in location_ids})
    return result


def _suggest(matrix: measures.Matrix, names: dict) -> list[tuple[str, str]]:
    """Pairs with no advice either way, from shown cells only (a suppressed cell says
    nothing, so that suggesting on it cannot tell it is small)."""
    pairs = []
    for a, b in combinations(matrix.units, 2):
        if matrix.cells.get((a, b)) == 0 and matrix.cells.get((b, a)) == 0:
            pairs.append((names[a], names[b]))
    return sorted(pairs)


def own_answers(network_round, person) -> dict[int, list[int]]:
    """Whom the person named so far, per purpose (their own answers, while the round is
    open; nobody else ever reads them)."""
    chosen: dict[int, list[int]] = defaultdict(list)
    for purpose, alter in (
        Tie.objects.filter(round=network_round, respondent=person)
        .order_by("pk")
        .values_list("purpose", "alter_id")
    ):
        chosen[purpose].append(alter)
    return dict(chosen)
