"""The hours: the Wet IKK norm step by step (childcare only), the figures it needs, the
houder's division over locations, realised hours, coverage and the GGD pack. Numbers and
names only: no page here shows what was said in a session."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lerend.kit import downloads
from lerend.kit.forms import apply_errors
from lerend.organisations.decorators import org_member, require
from lerend.organisations.models import Location

from . import exports, rules, selectors, services
from .forms import DivisionForm, NormFiguresForm
from .views import _year

PAGE_SIZE = 50


def _childcare_only(request):
    if not request.organisation.is_childcare:
        raise Http404


@require(rules.can_view_hours)
def norm(request):
    """The norm of a year, step by step, with the figures per location."""
    _childcare_only(request)
    year = _year(request)
    result, figures, unplaced, year_row = selectors.norm_for(request.organisation, year)
    context = {
        "year": year,
        "norm": result,
        "figures": figures,
        "unplaced": unplaced,
        "year_row": year_row,
        "division": selectors.current_division(request.organisation, year),
        "can_manage": rules.can_manage_coaching(request.access),
    }
    return render(request, "coaching/norm.html", context)


@require(rules.can_manage_coaching)
def norm_figures(request):
    _childcare_only(request)
    year = _year(request)
    figures, _unplaced, year_row = selectors.norm_figures(request.organisation, year)
    initial = {"flexible_hours_per_week": year_row.flexible_hours_per_week if year_row else 0}
    form = NormFiguresForm(request.POST or None, initial=initial, figures=figures)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_norm_figures(
                organisation=request.organisation,
                actor=request.user,
                year=year,
                flexible_hours_per_week=form.cleaned_data["flexible_hours_per_week"],
                locations=form.per_location(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved. The norm is calculated again."))
            return redirect(_with_year("coaching:norm", request, year))
    return render(request, "coaching/norm_figures.html", {"form": form, "year": year})


def _with_year(name, request, year) -> str:
    return reverse(name, args=[request.organisation.slug]) + f"?jaar={year}"


@org_member
def division(request):
    """The division in force, readable by every member (it is also public)."""
    year = _year(request)
    organisation = request.organisation
    current = selectors.current_division(organisation, year)
    context = {
        "year": year,
        "division": current,
        "lines": list(current.lines.all()) if current else [],
        "versions": list(selectors.division_versions(organisation, year)),
        "norm": selectors.norm_for(organisation, year)[0] if organisation.is_childcare else None,
        "can_manage": rules.can_manage_coaching(request.access),
        "years": selectors.published_years(organisation),
    }
    return render(request, "coaching/division.html", context)


@require(rules.can_manage_coaching)
def division_create(request):
    year = _year(request)
    organisation = request.organisation
    current = selectors.current_division(organisation, year)
    initial_lines = {}
    if current:
        for line in current.lines.all():
            initial_lines[line.location_id] = {
                "policy": line.policy_hours,
                "coaching": line.coaching_hours,
                "ve": line.ve_hours,
            }
    locations = Location.objects.filter(organisation=organisation).order_by("name")
    if organisation.is_childcare:
        locations = locations.filter(kind__in=selectors.CHILDCARE_KINDS)
    form = DivisionForm(
        request.POST or None,
        initial={"explanation": current.explanation if current else ""},
        locations=list(locations),
        initial_lines=initial_lines,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.decide_division(
                organisation=organisation,
                actor=request.user,
                year=year,
                lines=form.lines(),
                explanation=form.cleaned_data["explanation"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The division is recorded and published."))
            return redirect(_with_year("coaching:division", request, year))
    norm_result = selectors.norm_for(organisation, year)[0] if organisation.is_childcare else None
    context = {"form": form, "year": year, "norm": norm_result}
    return render(request, "coaching/division_form.html", context)


@require(rules.can_view_hours)
def hours(request):
    year = _year(request)
    rows = selectors.realised_hours(request.access, year)
    context = {
        "year": year,
        "rows": rows,
        "months": range(1, 13),
        "has_division": any(r.planned is not None for r in rows),
        "can_manage": rules.can_manage_coaching(request.access),
    }
    return render(request, "coaching/hours.html", context)


@require(rules.can_view_hours)
def coverage(request):
    """Who was coached this year: counts per location, and the people not yet coached (by
    search and page, never the whole organisation at once)."""
    access = request.access
    year = _year(request)
    query = request.GET.get("q", "").strip()[:100]
    location = request.GET.get("locatie", "")
    location_id = int(location) if location.isdigit() else None
    people = selectors.not_coached(access, year, query=query, location_id=location_id)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("pagina"))
    on_page = list(page.object_list)
    places = selectors.places_of(request.organisation, on_page)
    for person in on_page:
        person.place = places.get(person.pk, "")
    context = {
        "year": year,
        "counts": selectors.coverage_counts(access, year),
        "page": page,
        "people": on_page,
        "query": query,
        "location_id": location_id,
        "locations": list(selectors.locations_in_scope(access)),
        "signal": selectors.is_signal_period() and year == timezone.localdate().year,
    }
    return render(request, "coaching/coverage.html", context)


@require_GET
@require(rules.can_manage_coaching)
def ggd_pdf(request):
    year = _year(request)
    pack = exports.ggd_pack(request.access, year)
    return downloads.download(exports.ggd_pdf(request, pack), f"ggd-coaching-{year}.pdf")


@require_GET
@require(rules.can_manage_coaching)
def ggd_xlsx(request):
    year = _year(request)
    pack = exports.ggd_pack(request.access, year)
    return downloads.xlsx_response(exports.ggd_sheets(pack), f"ggd-coaching-{year}.xlsx")
