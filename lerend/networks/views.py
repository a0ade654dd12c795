"""Advice-network pages: the rounds, a round's answer page (a phone-first form with a
minimal server-side colleague search), and the aggregates through the gate."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from lerend.kit.forms import apply_errors
from lerend.organisations.decorators import require

from . import present, rules, selectors, services
from .forms import RoundForm
from .models import MAX_NAMES, NetworkRound


def _round(request, network_round_id):
    return get_object_or_404(NetworkRound, organisation=request.organisation, pk=network_round_id)


@require_safe
@require(rules.can_view)
def index(request):
    return render(
        request,
        "networks/index.html",
        {
            "rounds": selectors.rounds_for(request.organisation),
            "can_manage": rules.can_manage(request.access),
            "to_answer": {r.pk for r in selectors.open_rounds_for(request.access)},
        },
    )


@require(rules.can_manage)
def round_create(request):
    form = RoundForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            network_round = services.create_round(
                organisation=request.organisation,
                actor=request.user,
                title=data["title"],
                purposes=[data["purpose_1"], data["purpose_2"], data["purpose_3"]],
                purpose_statement=data["purpose_statement"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                min_response_rate=data["min_response_rate"],
                previous=data["previous"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect("networks:detail", request.organisation.slug, network_round.pk)
    return render(request, "networks/round_form.html", {"form": form})


@require_safe
@require(rules.can_view, obj=_round)
def round_detail(request, network_round):
    results = selectors.results_for(network_round, request.access)
    team_rows = present.team_rows(results) if results.ready else []
    return render(
        request,
        "networks/round_detail.html",
        {
            "round": network_round,
            "results": results,
            "team_rows": team_rows,
            "has_change": any(row["change"] for row in team_rows),
            "matrices": [
                {"title": location.name, "table": present.matrix_table(matrix, teams)}
                for location, matrix, teams in results.team_matrices
            ],
            "location_table": present.matrix_table(*results.location_matrix)
            if results.location_matrix
            else None,
            "can_manage": rules.can_manage(request.access),
            "can_respond": rules.can_respond(request.access, network_round),
            "purposes": list(enumerate(network_round.purposes, start=1)),
        },
    )


@require_POST
@require(rules.can_manage, obj=_round)
def round_launch(request, network_round):
    try:
        invited = services.launch_round(network_round=network_round, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The round is open: %(n)s people invited.") % {"n": invited})
    return redirect("networks:detail", request.organisation.slug, network_round.pk)


@require_POST
@require(rules.can_manage, obj=_round)
def round_close(request, network_round):
    try:
        services.close_round(network_round=network_round, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _(
                "The round is closed. The answers have been deleted; "
                "only the totals per team remain."
            ),
        )
    return redirect("networks:detail", request.organisation.slug, network_round.pk)


def _chosen(request, purposes) -> dict[int, list[int]]:
    chosen = {}
    for number, _text in purposes:
        ids = []
        source = request.POST if request.method == "POST" else request.GET
        for value in source.getlist(f"chosen_{number}"):
            if value.isdigit():
                ids.append(int(value))
        chosen[number] = ids[: MAX_NAMES + 1]
    return chosen


@require(rules.can_respond, obj=_round)
def respond(request, network_round):
    """One page per round. Searching for a colleague submits the form to itself (works
    without JavaScript); with htmx only the result list is refreshed (``respond_search``)."""
    purposes = list(enumerate(network_round.purposes, start=1))
    if request.method == "POST":
        chosen = _chosen(request, purposes)
    else:
        saved = selectors.own_answers(network_round, request.user)
        chosen = {number: saved.get(number, []) for number, _text in purposes}
    error = None
    if request.method == "POST" and request.POST.get("action") == "save":
        try:
            services.submit_answers(
                network_round=network_round,
                person=request.user,
                chosen=chosen,
                consent=request.POST.get("consent") == "on",
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request,
                _("Thank you. Your answers are saved; only totals per team will ever be shown."),
            )
            return redirect("networks:detail", request.organisation.slug, network_round.pk)
    searched = request.POST.get("action", "").removeprefix("search_")
    sections = []
    everyone = {i for ids in chosen.values() for i in ids}
    people = {inv.person_id: inv for inv in selectors.chosen_people(network_round, everyone)}
    for number, text in purposes:
        query = request.POST.get(f"q_{number}", "")
        sections.append(
            {
                "number": number,
                "text": text,
                "query": query,
                "chosen": [people[i] for i in chosen[number] if i in people],
                "found": selectors.search_roster(network_round, request.user, query)
                if searched == str(number)
                else None,
            }
        )
    return render(
        request,
        "networks/respond.html",
        {
            "round": network_round,
            "sections": sections,
            "error": error,
            "max_names": MAX_NAMES,
            "consent": request.POST.get("consent") == "on",
        },
    )


@require_safe
@require(rules.can_respond, obj=_round)
def respond_search(request, network_round):
    """htmx: the matching colleagues for one question (own team first, at most ten)."""
    number = request.GET.get("purpose", "")
    if not number.isdigit() or not 1 <= int(number) <= len(network_round.purposes):
        number = "1"
    query = request.GET.get(f"q_{number}", "")
    chosen = set(_chosen(request, [(int(number), "")]).get(int(number), []))
    found = selectors.search_roster(network_round, request.user, query)
    return render(
        request,
        "networks/_search_results.html",
        {
            "found": [f for f in found if f.person_id not in chosen],
            "number": number,
            "query": query,
        },
    )
