"""Indicators: the list with computed status, a page per indicator (chart + table), check-ins,
computed measurements, the group-results import and CSV/XLSX exports."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerend.frameworks.registry import block
from lerend.improvement import selectors as goal_selectors
from lerend.improvement import selectors as improvement_selectors
from lerend.kit import downloads
from lerend.kit.forms import apply_errors
from lerend.organisations import picker, team_picker
from lerend.organisations.decorators import require
from lerend.organisations.imports import ImportFileError

from .. import charts, exports, imports, rules
from ..forms import CheckInForm, ImportForm, IndicatorForm, SettingsForm
from ..models import IndicatorKind, Level, LinkKind, Source
from ..selectors import indicators as selectors
from ..services import indicators as services

PAGE_SIZE = 50


def _indicator(request, indicator_id):
    """Through the tenant (404 for another organisation's); the declared rule decides 403."""
    return selectors.indicator_in_organisation(request.access, indicator_id)


@require(rules.can_read_monitoring)
def indicator_list(request):
    """Paged: a board of 800 teams has as many team indicators; a page holds 50, each with
    its latest value and status from one query."""
    access = request.access
    page = Paginator(selectors.visible_indicators(access), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    indicators = selectors.set_latest_status(list(page.object_list))
    context = {
        "page": page,
        "process": [i for i in indicators if i.kind == IndicatorKind.PROCESS],
        "outcome": [i for i in indicators if i.kind == IndicatorKind.OUTCOME],
        "count": page.paginator.count,
        "can_create": rules.can_create_indicator(access),
        "can_settings": rules.can_manage_settings(access),
    }
    return render(request, "monitoring/indicator_list.html", context)


def _link_choices(request, indicator=None):
    org = request.organisation
    goals = list(goal_selectors.organisation_goals(org))
    if indicator is not None and indicator.location_id:
        goals += list(goal_selectors.location_goals(org, indicator.location))
    if indicator is not None and indicator.team_id:
        goals += list(goal_selectors.team_goals(org, indicator.team))
    themes = improvement_selectors.themes(org, request.user, status="aangenomen")
    return {"goals": goals, "themes": list(themes)}


def _save(request, form, indicator=None):
    data = dict(form.cleaned_data)
    goal_ids, theme_ids = data.pop("goal_ids", []), data.pop("theme_ids", [])
    data["owner"] = data["owner"] or request.user
    level, location, team = data["level"], data.get("location"), data.get("team")
    if not rules.can_edit_level(
        request.access,
        location=location if level == Level.LOCATION else None,
        team=team if level == Level.TEAM else None,
    ):
        raise ValidationError({"level": _("You cannot set indicators at this level.")})
    if indicator is None:
        return services.create_indicator(
            organisation=request.organisation,
            actor=request.user,
            goal_ids=goal_ids,
            theme_ids=theme_ids,
            **data,
        )
    return services.update_indicator(
        indicator=indicator, actor=request.user, goal_ids=goal_ids, theme_ids=theme_ids, **data
    )


@require(rules.can_create_indicator)
def indicator_create(request):
    form = IndicatorForm(
        request.POST or None,
        access=request.access,
        owners=picker.scope(request, "monitoring.people"),
        teams=team_picker.scope(request, "monitoring.level_teams"),
        **_link_choices(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            indicator = _save(request, form)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Indicator added."))
            return redirect("monitoring:indicator", request.organisation.slug, indicator.pk)
    return render(request, "monitoring/indicator_form.html", {"form": form})


@require(rules.can_edit_indicator, obj=_indicator)
def indicator_edit(request, indicator):
    links = selectors.links_of(indicator)
    form = IndicatorForm(
        request.POST or None,
        instance=indicator,
        access=request.access,
        owners=picker.scope(request, "monitoring.people"),
        teams=team_picker.scope(request, "monitoring.level_teams"),
        initial={"goal_ids": links[LinkKind.GOAL], "theme_ids": links[LinkKind.THEME]},
        **_link_choices(request, indicator),
    )
    if request.method == "POST" and form.is_valid():
        try:
            _save(request, form, selectors.indicator_in_organisation(request.access, indicator.pk))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("monitoring:indicator", request.organisation.slug, indicator.pk)
    return render(request, "monitoring/indicator_form.html", {"form": form, "indicator": indicator})


@require(rules.can_view_indicator, obj=_indicator)
def indicator_detail(request, indicator):
    access = request.access
    points = [(p.measured_on, p.value) for p in indicator.points]
    links = selectors.links_of(indicator)
    goals = []
    for goal_id in links[LinkKind.GOAL]:
        try:
            goals.append(goal_selectors.goal_or_404(request.organisation, goal_id))
        except Http404:
            continue  # the goal was removed since; the link is harmless
    can_check_in = rules.can_check_in(access, indicator)
    context = {
        "indicator": indicator,
        "chart": charts.line_with_target(
            points,
            title=_("%(title)s over time, with target") % {"title": indicator.title},
            target=indicator.target,
            baseline=indicator.baseline,
            target_label=_("Target"),
            baseline_label=_("Baseline"),
        )
        if points
        else None,
        "check_ins": list(selectors.check_ins(indicator)[:50]),
        "groups": (
            selectors.group_results(access, indicator, selectors.threshold(request.organisation))
            if indicator.source == Source.IMPORT
            else None
        ),
        "goals": goals,
        "can_edit": rules.can_edit_indicator(access, indicator),
        "scan_block": block(indicator.scan_block) if indicator.scan_block else None,
        "can_check_in": can_check_in and not indicator.is_computed,
        "can_measure": can_check_in and indicator.is_computed,
        "can_import": can_check_in and indicator.source == Source.IMPORT,
        "form": CheckInForm() if can_check_in and not indicator.is_computed else None,
    }
    return render(request, "monitoring/indicator_detail.html", context)


@require_POST
@require(rules.can_check_in, obj=_indicator)
def check_in_create(request, indicator):
    form = CheckInForm(request.POST)
    if form.is_valid():
        try:
            services.add_check_in(indicator=indicator, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Measurement saved."))
            return redirect("monitoring:indicator", request.organisation.slug, indicator.pk)
    messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors_text(form)})
    return redirect("monitoring:indicator", request.organisation.slug, indicator.pk)


def _errors_text(form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


@require_POST
@require(rules.can_check_in, obj=_indicator)
def measure_now(request, indicator):
    try:
        check_in = services.measure_computed(indicator=indicator, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if check_in is None:
            messages.warning(
                request, _("Too little data yet to compute this indicator without tracing people.")
            )
        else:
            messages.success(request, _("Measured."))
    return redirect("monitoring:indicator", request.organisation.slug, indicator.pk)


@require(rules.can_import_group_results, obj=_indicator)
def group_import(request, indicator):
    """Dry run first: the rows with their errors; with "import now" ticked and no errors, the
    rows are written — all or nothing."""
    form = ImportForm(request.POST or None, request.FILES or None)
    rows = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            parsed = imports.parse_upload(upload.name, upload.read())
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            rows = imports.check_rows(request.organisation, parsed, indicator)
            if form.cleaned_data["confirm"] and not any(r.errors for r in rows):
                count = services.import_group_results(
                    indicator=indicator, actor=request.user, rows=rows
                )
                messages.success(request, _("%(n)s group results imported.") % {"n": count})
                return redirect("monitoring:indicator", request.organisation.slug, indicator.pk)
    context = {
        "indicator": indicator,
        "form": form,
        "rows": rows,
        "error_count": sum(1 for r in rows or () if r.errors),
    }
    return render(request, "monitoring/import.html", context)


@require(rules.can_manage_settings)
def settings_page(request):
    form = SettingsForm(request.POST or None, instance=selectors.settings_for(request.organisation))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_settings(
                organisation=request.organisation, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("monitoring:indicators", request.organisation.slug)
    return render(request, "monitoring/settings.html", {"form": form})


@require(rules.can_read_monitoring)
def export_csv(request):
    indicators = selectors.set_latest_status(list(selectors.visible_indicators(request.access)))
    stamp = timezone.localdate().isoformat()
    return exports.indicators_csv(
        indicators, f"indicatoren-{request.organisation.slug}-{stamp}.csv"
    )


@require(rules.can_read_monitoring)
def export_xlsx(request):
    indicators = selectors.set_latest_status(list(selectors.visible_indicators(request.access)))
    stamp = timezone.localdate().isoformat()
    return exports.indicators_xlsx(
        indicators, f"indicatoren-{request.organisation.slug}-{stamp}.xlsx"
    )


@require(rules.can_read_monitoring)
def export_pdf(request):
    indicators = selectors.indicators_visible_to(request.access)
    today = timezone.localdate()
    charts_ = [
        (
            i,
            charts.line_with_target(
                [(p.measured_on, p.value) for p in i.points],
                title=i.title,
                target=i.target,
                baseline=i.baseline,
                target_label=_("Target"),
                baseline_label=_("Baseline"),
            ),
        )
        for i in indicators
        if i.points
    ]
    context = {
        "organisation": request.organisation,
        "indicators": indicators,
        "charts": charts_,
        "today": today,
    }
    return downloads.download(
        exports.indicators_pdf(request, context),
        f"indicatoren-{request.organisation.slug}-{today.isoformat()}.pdf",
    )
