"""My learning (everything that is mine or my team's on one page) and the leaders' overview
(counts per team, never content)."""

from django.shortcuts import render
from django.utils import timezone

from lerend.collaboration import selectors as collaboration_selectors
from lerend.organisations.decorators import org_member, require

from .. import rules, selectors
from .journal import _blocks_of


@org_member
def my_learning(request):
    """My journal and POP, my PD activities and budget, my feedback questions, my teams'
    reflections, my learning groups and visits, and what others shared with me. Everything
    on it is mine or my team's."""
    access, user = request.access, request.user
    entries = list(selectors.own_entries(access, user)[:20])
    for entry in entries:
        entry.blocks = _blocks_of(entry.building_blocks)
    context = {
        "entries": entries,
        "plan": selectors.current_pop(access, user),
        "year": timezone.localdate().year,
        "shared_entries": list(selectors.entries_shared_with(access, user)[:50]),
        "shared_plans": list(selectors.plans_shared_with(access, user)),
        "reviews": list(selectors.reviews_visible_to(access, user)[:20]),
        "can_view_overview": rules.can_view_team_overview(access),
        "participations": list(selectors.own_participations(access, user)[:10]),
        "budget": selectors.own_pd_budget(access, user, timezone.localdate().year),
        "feedback_requests": list(selectors.own_feedback_requests(access, user)[:5]),
        "invites": list(selectors.pending_invites(access, user)),
        "reflections": list(selectors.reflections_visible_to(access)[:5]),
        # Through collaboration's selectors: only groups I am in, only visits I am a party to.
        "groups": list(collaboration_selectors.groups_of(user, request.organisation)[:20]),
        "visits": list(collaboration_selectors.visits_of(user, request.organisation)[:10]),
    }
    return render(request, "learning/my_learning.html", context)


# Up to this many teams the overview shows them all at once; a leader who covers more (a
# board of hundreds of teams) chooses a location first: 789 rows were 140 KB and 0.3 s.
TEAMS_AT_ONCE = 60


def _location_choice(request, teams):
    """(teams to show, the locations to choose from or None, the chosen location)."""
    locations = sorted({t.location for t in teams}, key=lambda loc: (loc.name, loc.pk))
    if len(teams) <= TEAMS_AT_ONCE and "locatie" not in request.GET:
        return teams, None, None
    wanted = request.GET.get("locatie", "")
    chosen = next((loc for loc in locations if str(loc.pk) == wanted), None)
    shown = [t for t in teams if chosen is not None and t.location_id == chosen.pk]
    return shown, locations, chosen


@require(rules.can_view_team_overview)
def team_overview(request):
    """Counts per team in the leader's scope (per location when there are many), plus what
    was shared with this leader."""
    access, user = request.access, request.user
    teams, locations, chosen = _location_choice(request, selectors.teams_in_scope(access))
    context = {
        "rows": selectors.team_counts(access, teams=teams) if teams else [],
        "locations": locations,
        "chosen": chosen,
        "year": timezone.localdate().year,
        "minimum": selectors.MIN_TEAM_SIZE_FOR_COUNTS,
        "shared_entries": list(selectors.entries_shared_with(access, user)[:50]),
        "shared_plans": list(selectors.plans_shared_with(access, user)),
    }
    return render(request, "learning/team_overview.html", context)
