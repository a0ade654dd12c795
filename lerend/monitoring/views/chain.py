"""The chain from learning to children for a goal (Guskey's five levels)."""

from django.shortcuts import render

from lerend.improvement import selectors as goal_selectors
from lerend.organisations.decorators import require

from .. import rules
from ..selectors import chain as selectors


@require(rules.can_view_chains)
def chain_index(request):
    overview = goal_selectors.goals_overview(request.organisation)
    goals = [
        g
        for level in ("organisation", "location", "team")
        for g in overview[level]
        if rules.can_view_chain(request.access, g)
    ]
    return render(request, "monitoring/chain_index.html", {"goals": goals})


def _goal(request, goal_id):
    return goal_selectors.goal_or_404(request.organisation, goal_id)


@require(rules.can_view_goal_chain, obj=_goal)
def chain(request, goal):
    context = {"goal": goal, **selectors.chain_for(goal)}
    return render(request, "monitoring/chain.html", context)
