"""The steering view: one page per scope (organisation, location, team), its one-page board
report as PDF and the same content as XLSX."""

from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.kit.downloads import download, pdf_bytes, xlsx_bytes
from lerend.organisations.decorators import require

from . import rules, selectors

REPORT_SIGNALS = 6


def _page(request, scope, title):
    view = selectors.view_for(scope)
    context = {
        "view": view,
        "scope": scope,
        "title": title,
        "links": selectors.links(request, scope),
        "report": _report_urls(request, scope),
        "panels": _rendered(request, view, "template"),
    }
    return render(request, "steering/view.html", context)


def _rendered(request, view, which: str) -> list:
    """Each panel's own template (``template`` on the page, ``report_template`` in the PDF)
    rendered with its own context."""
    return [
        render_to_string(getattr(panel, which), dict(panel.context), request=request)
        for panel in view.panels
        if getattr(panel, which)
    ]


def _report_urls(request, scope):
    slug = request.organisation.slug
    if scope.level == "team":
        args, name = [slug, scope.team.pk], "team_report"
    elif scope.level == "location":
        args, name = [slug, scope.location.pk], "location_report"
    else:
        args, name = [slug], "organisation_report"
    return {
        "pdf": reverse(f"steering:{name}_pdf", args=args),
        "xlsx": reverse(f"steering:{name}_xlsx", args=args),
    }


def _title(scope) -> str:
    if scope.level == "team":
        return scope.team.name
    if scope.level == "location":
        return scope.location.name
    return str(scope.organisation.name)


@require(rules.can_steer_organisation)
def organisation(request):
    scope = selectors.scope_for(request)
    return _page(request, scope, _title(scope))


@require(rules.can_steer_location, obj=selectors.location_or_404)
def location(request, location):
    scope = selectors.scope_for(request, location=location)
    return _page(request, scope, _title(scope))


@require(rules.can_steer_team, obj=selectors.team_or_404)
def team(request, team):
    scope = selectors.scope_for(request, team=team)
    return _page(request, scope, _title(scope))


# --- the board report --------------------------------------------------------------------


def _filename(scope, extension: str) -> str:
    day = timezone.localdate().isoformat()
    name = _title(scope).lower().replace(" ", "-")
    return f"sturen-{name}-{day}.{extension}"


REPORT_CSS = """
@page { size: A4; margin: 11mm 11mm 13mm; }
body { font-size: 7.5pt; line-height: 1.25; }
h1 { font-size: 13pt; margin: 0 0 1mm; } h2 { font-size: 9.5pt; margin: 2.5mm 0 1mm; }
p { margin: 0 0 1mm; }
th, td { padding: .4mm 1mm; }
table { margin: 1mm 0 1.5mm; }
caption { text-align: left; font-weight: bold; }
.report-charts { margin: 0; }
.report-chart { display: inline-block; vertical-align: top; width: 45mm; margin: 0 .5mm .8mm 0; }
.report-chart svg { width: 45mm; height: auto; }
.report-chart__name { font-weight: bold; margin: 0; font-size: 7pt; }
.report-legend svg { width: 150mm; height: auto; }
.report-columns { width: 100%; }
.report-column { display: inline-block; vertical-align: top; width: 49%; }
.signals { margin: 0; padding-left: 4mm; }
.signals li { margin: 0 0 .4mm; }
"""


def _pdf(request, scope):
    view = selectors.view_for(scope)
    context = {
        "view": view,
        "scope": scope,
        "title": _title(scope),
        "signals": view.signals[:REPORT_SIGNALS],
        "more_signals": max(0, len(view.signals) - REPORT_SIGNALS),
        "today": scope.today,
        "panels": _rendered(request, view, "report_template"),
    }
    content = pdf_bytes(request, "steering/report_pdf.html", context, extra_css=REPORT_CSS)
    return download(content, _filename(scope, "pdf"), private=True)


def _xlsx(request, scope):
    view = selectors.view_for(scope)
    sheets = [
        (
            _("Signals"),
            [_("Urgency"), _("Signal"), _("Source")],
            [[_severity(s.severity), s.text, s.source] for s in view.signals],
        )
    ]
    for panel in view.panels:
        sheets += panel.panel_sheets()
    return download(xlsx_bytes(sheets), _filename(scope, "xlsx"), private=True)


def _severity(value: int) -> str:
    return {3: _("Act now"), 2: _("Watch"), 1: _("Good to know")}.get(value, "")


@require(rules.can_download_report)
def organisation_report_pdf(request):
    return _pdf(request, selectors.scope_for(request))


@require(rules.can_download_report)
def organisation_report_xlsx(request):
    return _xlsx(request, selectors.scope_for(request))


@require(rules.can_download_report, obj=selectors.location_or_404)
def location_report_pdf(request, location):
    return _pdf(request, selectors.scope_for(request, location=location))


@require(rules.can_download_report, obj=selectors.location_or_404)
def location_report_xlsx(request, location):
    return _xlsx(request, selectors.scope_for(request, location=location))


@require(rules.can_download_report, obj=selectors.team_or_404)
def team_report_pdf(request, team):
    return _pdf(request, selectors.scope_for(request, team=team))


@require(rules.can_download_report, obj=selectors.team_or_404)
def team_report_xlsx(request, team):
    return _xlsx(request, selectors.scope_for(request, team=team))
