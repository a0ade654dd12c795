"""Children's well-being and involvement: rounds per group entered on a phone, the group's
profile behind the threshold, its reflection and actions, and the trend over rounds."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.kit import downloads
from lerend.kit.forms import apply_errors
from lerend.organisations import picker, team_picker
from lerend.organisations.decorators import require

from .. import charts, exports, rules
from ..forms import ReflectionForm, RoundActionForm, RoundForm, ScoreForm
from ..models import ContextFactor
from ..selectors import indicators as indicator_selectors
from ..selectors import wellbeing as selectors
from ..services import wellbeing as services


@require(rules.can_read_monitoring)
def wellbeing_home(request):
    access = request.access
    k = indicator_selectors.threshold(request.organisation)
    # Paged: a leader of 800 groups reads them 50 at a time; only the page's rounds are read.
    page = Paginator(selectors.teams_in_view(access), 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "groups": selectors.group_rows(access, list(page.object_list), k),
        "can_start": bool(selectors.entry_teams(access)),
        "threshold": k,
    }
    return render(request, "monitoring/wellbeing_home.html", context)


@require(rules.can_start_round)
def round_create(request):
    teams = team_picker.scope(request, "monitoring.round_teams")
    if teams.few == ():
        raise PermissionDenied
    form = RoundForm(
        request.POST or None, school=not request.organisation.is_childcare, teams=teams
    )
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.start_round(
                organisation=request.organisation, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Round started. Enter the children's scores below."))
            return redirect("monitoring:round", request.organisation.slug, round_.pk)
    return render(request, "monitoring/round_form.html", {"form": form})


def _school(request) -> bool:
    return not request.organisation.is_childcare


def _moment(request) -> int:
    return 2 if request.GET.get("moment") == "2" else 1


def _team_people(request, round_):
    return picker.scope(request, "monitoring.round_team", round_id=round_.pk)


def _action_form(request, round_):
    # Without JavaScript the picker's search comes back as a GET (see round_action).
    return RoundActionForm(people=_team_people(request, round_)).search_from(request.GET)


# Loaders: through the tenant (404 for another organisation's round or group); the rule
# declared with each decides 403.
def _round(request, round_id):
    return selectors.round_in_organisation(request.access, round_id)


def _team(request, team_id):
    return selectors.team_in_organisation(request.access, team_id)


@require(rules.can_view_round, obj=_round)
def round_detail(request, round_):
    return _round_page(request, round_)


def _round_page(request, round_, score_form=None):
    access = request.access
    k = indicator_selectors.threshold(request.organisation)
    profile = selectors.profile_of(round_, k)
    can_enter = rules.can_enter_wellbeing(access, round_.team)
    context = {
        "round": round_,
        "profile": profile,
        "threshold": k,
        "can_enter": can_enter,
        "scores": list(selectors.scores_of(round_)) if can_enter else None,
        "score_form": score_form
        or (
            ScoreForm(initial={"moment": _moment(request)}, school=_school(request))
            if round_.is_open
            else None
        ),
        "reflection_form": ReflectionForm(
            initial={"reflection": round_.reflection, "context_factors": round_.context_factors}
        ),
        "factors": [
            label for value, label in ContextFactor.choices if value in round_.context_factors
        ],
        "action_form": _action_form(request, round_) if can_enter else None,
        "chart": charts.profile_bars(
            [
                (_("Well-being"), profile.wellbeing_high, profile.wellbeing_low),
                (_("Involvement"), profile.involvement_high, profile.involvement_low),
            ],
            title=_("Share of observations at 4–5 and at 1–2"),
        )
        if profile.visible
        else None,
    }
    return render(request, "monitoring/round_detail.html", context)


@require_POST
@require(rules.can_enter_round, obj=_round)
def score_create(request, round_):
    form = ScoreForm(request.POST, school=_school(request))
    if form.is_valid():
        try:
            score = services.record_score(round=round_, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            saved = (
                _("Saved for pupil %(child)s. Next pupil.")
                if _school(request)
                else _("Saved for child %(child)s. Next child.")
            )
            messages.success(request, saved % {"child": score.child})
            # The next child is usually scored at the same moment: keep it chosen.
            url = reverse("monitoring:round", args=[request.organisation.slug, round_.pk])
            return redirect(f"{url}?moment={score.moment}")
    return _round_page(request, round_, score_form=form)


@require_POST
@require(rules.can_enter_round, obj=_round)
def round_reflect(request, round_):
    form = ReflectionForm(request.POST)
    if form.is_valid():
        services.save_reflection(round=round_, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Reflection saved."))
    return redirect("monitoring:round", request.organisation.slug, round_.pk)


@require_POST
@require(rules.can_enter_round, obj=_round)
def round_action(request, round_):
    form = RoundActionForm(request.POST, people=_team_people(request, round_))
    if form.picker_searching():
        return picker.search_redirect(
            request, "monitoring:round", request.organisation.slug, round_.pk
        )
    if form.is_valid():
        try:
            services.add_action(round=round_, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The action is on the team board."))
    else:
        messages.error(request, _("Fill in the action, who does it and when."))
    return redirect("monitoring:round", request.organisation.slug, round_.pk)


@require_POST
@require(rules.can_enter_round, obj=_round)
def round_close(request, round_):
    services.close_round(round=round_, actor=request.user)
    messages.success(request, _("Round closed."))
    return redirect("monitoring:round", request.organisation.slug, round_.pk)


@require(rules.can_view_group, obj=_team)
def group_trend(request, team):
    k = indicator_selectors.threshold(request.organisation)
    rows = selectors.trend(team, k)
    bars = []
    for r, p in rows:
        label = r.first_on.strftime("%m-%Y")
        bars.append((label, p.wellbeing_high, p.wellbeing_low))
    context = {
        "team": team,
        "rows": rows,
        "threshold": k,
        "chart": charts.profile_bars(bars, title=_("Well-being per round: share at 4–5 and at 1–2"))
        if any(p.visible for _r, p in rows)
        else None,
    }
    return render(request, "monitoring/group_trend.html", context)


@require(rules.can_read_monitoring)
def profiles_csv(request):
    """The overview as CSV: the same groups and the same threshold as the page."""
    k = indicator_selectors.threshold(request.organisation)
    groups = selectors.groups_in_scope(request.access, k)
    return exports.profiles_csv(groups, f"welbevinden-{request.organisation.slug}.csv")


@require(rules.can_read_monitoring)
def profiles_xlsx(request):
    k = indicator_selectors.threshold(request.organisation)
    groups = selectors.groups_in_scope(request.access, k)
    return downloads.download(
        exports.profiles_xlsx(groups), f"welbevinden-{request.organisation.slug}.xlsx"
    )


@require(rules.can_read_monitoring)
def profiles_pdf(request):
    """The overview as a PDF for a team meeting or the board: the same groups and the same
    threshold as the page, no child tokens, no ranking."""
    k = indicator_selectors.threshold(request.organisation)
    context = {
        "organisation": request.organisation,
        "groups": selectors.groups_in_scope(request.access, k),
        "threshold": k,
        "today": timezone.localdate(),
    }
    return downloads.download(
        exports.profiles_pdf(request, context), f"welbevinden-{request.organisation.slug}.pdf"
    )
