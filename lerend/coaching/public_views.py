"""The public page of the division of coaching hours, for staff and parents: per location
the hours for policy, coaching and VE of the version in force. No names, no sessions."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from lerend.organisations.models import Organisation

from . import selectors


@require_GET
def public_division(request, organisation):
    org = Organisation.objects.filter(slug=organisation).first()
    if org is None:
        raise Http404
    years = selectors.published_years(org)
    if not years:
        raise Http404
    year = request.GET.get("jaar", "")
    year = int(year) if year.isdigit() and int(year) in years else years[0]
    division = selectors.current_division(org, year)
    context = {
        "organisation": org,
        "year": year,
        "years": years,
        "division": division,
        "lines": list(division.lines.all()),
        "norm": selectors.norm_for(org, year)[0] if org.is_childcare else None,
        "today": timezone.localdate(),
    }
    return render(request, "coaching/public_division.html", context)
