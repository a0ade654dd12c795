"""The team board, its session mode, actions and the "Did it work?" follow-up.

Every change is a normal POST with a redirect back to the board; with htmx the same view
answers with the board's columns partial instead, so the page works with and without JS.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from lerend.frameworks.registry import block_keys
from lerend.kit.forms import apply_errors
from lerend.kit.site import absolute
from lerend.organisations import picker
from lerend.organisations.decorators import require

from .. import ical, rules, selectors, services
from ..forms.team_board import (
    ActionForm,
    BoardItemForm,
    FollowUpForm,
    ScheduleForm,
    SessionNotesForm,
    action_teams,
)
from ..models import ActionStatus, Goal, Level, Origin

# Loaders: the object a page is about, fetched through the tenant; 404 for whoever may
# not know of it. The rule declared with each on the view decides 403.


def _team_or_404(request, team_id):
    return selectors.team_or_404(request.organisation, team_id)


def _action_or_404(request, action_id):
    return selectors.action_or_404(request.organisation, action_id)


def _board_context(request, team):
    org = request.organisation
    data = selectors.board(team)
    selectors.with_measured_status(org, data["goals"])
    limit = services.settings_for(org).max_active_goals_per_team
    return {
        "team": team,
        **data,
        "limit": limit,
        "too_many": len(data["goals"]) > limit,
        "can_work": rules.can_work_board(request.access, team),
        "can_edit": rules.can_edit_team_level(request.access, team),
        "item_form": BoardItemForm(),
    }


@require(rules.can_view_board, obj=_team_or_404)
def board(request, team):
    return render(request, "improvement/board.html", _board_context(request, team))


@require(rules.can_view_board, obj=_team_or_404)
def session_mode(request, team):
    """The board for a large screen: big type, a timer, one step at a time."""
    context = _board_context(request, team)
    context["notes_form"] = SessionNotesForm()
    context["duration"] = services.board_for(team).duration_minutes
    return render(request, "improvement/session.html", context)


@require_POST
@require(rules.can_work_board, obj=_team_or_404)
def session_notes(request, team):
    form = SessionNotesForm(request.POST)
    if form.is_valid():
        services.save_session_notes(team=team, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Session notes saved."))
        return redirect("improvement:sessions", request.organisation.slug, team.pk)
    messages.error(request, _("Write something before you save the notes."))
    return redirect("improvement:session_mode", request.organisation.slug, team.pk)


@require(rules.can_view_board, obj=_team_or_404)
def sessions(request, team):
    return render(
        request,
        "improvement/sessions.html",
        {"team": team, "sessions": selectors.sessions(team)[:52]},
    )


def _back_to_board(request, team):
    if request.htmx:
        return render(request, "improvement/board.html#board-body", _board_context(request, team))
    return redirect("improvement:board", request.organisation.slug, team.pk)


@require_POST
@require(rules.can_work_board, obj=_team_or_404)
def board_item_add(request, team):
    form = BoardItemForm(request.POST)
    if form.is_valid():
        services.add_board_item(team=team, actor=request.user, **form.cleaned_data)
    else:
        messages.error(request, _("Write a short text for the board."))
    return _back_to_board(request, team)


@require_POST
@require(rules.can_work_board, obj=_team_or_404)
def board_item_close(request, team):
    item = team.board_items.filter(pk=_int(request.POST.get("item"))).first()
    if item is None:
        raise Http404
    services.close_board_item(item=item)
    return _back_to_board(request, team)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require(rules.can_edit_team_level, obj=_team_or_404)
def schedule(request, team):
    """When the team meets, and the private calendar link (teamleider and wider leaders)."""
    board = services.board_for(team)
    form = ScheduleForm(request.POST or None, instance=board)
    if request.method == "POST" and form.is_valid():
        services.update_schedule(team=team, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Session time saved."))
        return redirect("improvement:schedule", request.organisation.slug, team.pk)
    # The link is shown once, right after it is made: only its sha256 is kept.
    feed_url = request.session.pop(f"board-feed-{team.pk}", None)
    context = {
        "team": team,
        "form": form,
        "feed_url": feed_url,
        "feed_exists": bool(board.feed_token_hash),
    }
    return render(request, "improvement/schedule.html", context)


@require_POST
@require(rules.can_edit_team_level, obj=_team_or_404)
def regenerate_feed(request, team):
    token = services.regenerate_feed_token(team=team, actor=request.user)
    path = ical.feed_path(token)
    if path:
        request.session[f"board-feed-{team.pk}"] = absolute(path)
    messages.success(request, _("New calendar link made. The old link no longer works."))
    return redirect("improvement:schedule", request.organisation.slug, team.pk)


# --- actions ---------------------------------------------------------------------------------


def _goals_for_team(org, team_ids):
    """Goals an action may serve: of its team, that team's location, or the organisation."""
    return (
        Goal.objects.filter(organisation=org)
        .filter(
            Q(level=Level.ORGANISATION)
            | Q(level=Level.TEAM, team__in=team_ids)
            | Q(level=Level.LOCATION, location__teams__in=team_ids)
        )
        .distinct()
        .order_by("level", "title")
    )


@require(rules.can_add_action)
def action_create(request):
    """New action. Prefills from the query string, so a scan result can link here with
    ``?origin=scan&block=<key>`` (and ``&team=<id>``, ``&goal=<id>``, ``&title=<text>``)."""
    access, org = request.access, request.organisation
    teams = action_teams(access, rules)
    team_ids = list(teams.values_list("pk", flat=True))
    initial = {}
    if request.GET.get("origin") in Origin.values:
        initial["origin"] = request.GET["origin"]
    if request.GET.get("block") in block_keys():
        initial["building_blocks"] = [request.GET["block"]]
    if request.GET.get("title", "").strip():
        initial["title"] = request.GET["title"].strip()[:200]
    team_id = _int(request.GET.get("team"))
    if team_id in team_ids:
        initial["team"] = team_id
    elif len(team_ids) == 1:
        initial["team"] = team_ids[0]
    goal_id = _int(request.GET.get("goal"))
    goals = _goals_for_team(org, teams.values("pk"))
    if goal_id and goals.filter(pk=goal_id).exists():
        initial["goal"] = goal_id
        initial.setdefault("origin", Origin.GOAL)
    owners = picker.scope(request, "improvement.action_owner", team=initial.get("team"))
    if owners.people.filter(pk=request.user.pk).exists():
        initial.setdefault("owner", request.user.pk)
    form = ActionForm(
        request.POST or None,
        initial=initial,
        organisation=org,
        teams=teams,
        goals=goals,
        owners=owners,
    )
    if request.method == "POST" and form.is_valid():
        try:
            action = services.create_action(
                organisation=org, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Action added to the board."))
            return redirect("improvement:board", org.slug, action.team_id)
    return render(request, "improvement/action_form.html", {"form": form})


@require(rules.can_work_on_action, obj=_action_or_404)
def action_edit(request, action):
    org = request.organisation
    team = action.team
    form = ActionForm(
        request.POST or None,
        instance=action,
        organisation=org,
        teams=None,
        goals=_goals_for_team(org, [team.pk]),
        owners=picker.scope(request, "improvement.action_owner", team=team.pk),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_action(
                action=action,
                version=_int(request.POST.get("version")),
                **form.cleaned_data,
            )
        except services.StaleAction:
            messages.error(
                request,
                _(
                    "Someone else changed this action just now. "
                    "Here is the latest version; make your change again."
                ),
            )
            return redirect("improvement:action_edit", org.slug, action.pk)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Action saved."))
            return redirect("improvement:board", org.slug, team.pk)
    return render(
        request, "improvement/action_form.html", {"form": form, "action": action, "team": team}
    )


@require_POST
@require(rules.can_work_on_action, obj=_action_or_404)
def action_move(request, action):
    team = action.team
    try:
        services.move_action(
            action=action,
            status=request.POST.get("status", ""),
            version=_int(request.POST.get("version")),
        )
    except services.StaleAction:
        messages.error(
            request,
            _(
                "Someone else moved this action just now. "
                "The board has been reloaded: check it and try again."
            ),
        )
        if request.htmx:
            return HttpResponseClientRefresh()
    except ValidationError:
        return HttpResponse(status=400)
    return _back_to_board(request, team)


@require(rules.can_answer_follow_up, obj=_action_or_404)
def follow_up(request, action):
    """ "Did it work?" — yes, partly or no, and what we learned."""
    org = request.organisation
    form = FollowUpForm(request.POST or None, instance=action)
    answerable = action.status == ActionStatus.DONE or action.outcome
    if request.method == "POST" and answerable and form.is_valid():
        services.answer_follow_up(action=action, **form.cleaned_data)
        messages.success(request, _("Thank you. Your answer is on the board and under the goal."))
        return redirect("improvement:board", org.slug, action.team_id)
    return render(request, "improvement/follow_up.html", {"form": form, "action": action})
