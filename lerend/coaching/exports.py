"""The GGD pack of one year: the norm calculation, the division in force, the realised hours
per location and coach, and the coverage — generated from the records, as PDF (WeasyPrint,
the same styles as improvement's team plan) and XLSX. Numbers and names only: no notes."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lerend.kit import downloads
from lerend.organisations.wording import staff_plural

from . import selectors

# The pack lists everyone not yet coached; a houder's list is long but finite.
MAX_NOT_COACHED = 5000
# The PDF is read and handed over: it names the people not coached yet while they fit on a
# page; a longer list (hundreds at a large organisation, 100 pages and half a minute of
# rendering) is in the pack's XLSX, where it can be sorted and filtered.
PDF_NAMES = 50


def ggd_pack(access, year) -> dict:
    organisation = access.organisation
    norm = figures = unplaced = year_row = None
    if organisation.is_childcare:
        norm, figures, unplaced, year_row = selectors.norm_for(organisation, year)
    division = selectors.current_division(organisation, year)
    not_coached = list(selectors.not_coached(access, year)[:MAX_NOT_COACHED])
    places = selectors.places_of(organisation, not_coached)
    return {
        "organisation": organisation,
        "year": year,
        "made_on": timezone.localdate(),
        "norm": norm,
        "figures": figures or [],
        "unplaced": unplaced,
        "year_row": year_row,
        "division": division,
        "lines": list(division.lines.all()) if division else [],
        "hours": selectors.realised_hours(access, year),
        "coverage": selectors.coverage_counts(access, year),
        "not_coached": [(p.name, places.get(p.pk, "")) for p in not_coached],
    }


PACK_CSS = """
.num { text-align: right; white-space: nowrap; }
.total th, .total td { font-weight: 700; border-top: 1.5px solid #123d33; }
.formula { color: #5f6b73; }
"""


def ggd_pdf(request, pack: dict) -> bytes:
    names = pack["not_coached"]
    context = {**pack, "names_in_xlsx": len(names) > PDF_NAMES}
    if context["names_in_xlsx"]:
        context["not_coached"] = []
    return downloads.pdf_bytes(request, "coaching/ggd_pdf.html", context, extra_css=PACK_CSS)


def ggd_sheets(pack: dict) -> list:
    """The pack as sheets for the one XLSX writer (typed numbers, frozen header, filter)."""
    sheets: list = []

    def sheet(title, header, rows):
        sheets.append((title, header, rows))

    norm = pack["norm"]
    if norm is not None:
        sheet(
            _("Calculation"),
            [_("Part"), _("Hours per unit"), _("Number"), _("Hours")],
            [
                [_("Policy: kindercentra (per LRK registration)"), *_step(norm, "policy")],
                [_("Coaching: FTE of pedagogisch medewerkers"), *_step(norm, "coaching")],
                [_("VE: VE-children on 1 January"), *_step(norm, "ve")],
                [_("Minimum hours"), None, None, norm.total],
            ],
        )
        sheet(
            _("Figures per location"),
            [_("Location"), _("LRK number"), _("LRK registrations"), _("FTE"), _("VE-children")],
            [
                [f.location.name, f.location.lrk_number, f.registrations, f.fte, f.ve_children]
                for f in pack["figures"]
            ],
        )
    division = pack["division"]
    sheet(
        _("Division"),
        [_("Location"), _("Policy hours"), _("Coaching hours"), _("VE hours"), _("Total")],
        [
            [line.location.name, line.policy_hours, line.coaching_hours, line.ve_hours, line.total]
            for line in pack["lines"]
        ]
        + (
            [
                [
                    _("Version %(v)s of %(d)s")
                    % {"v": division.version, "d": date_format(division.decided_at.date())}
                ]
            ]
            if division
            else [[_("No division recorded for this year.")]]
        ),
    )
    sheet(
        _("Realised hours"),
        [_("Location"), _("Coach"), _("Hours")],
        [
            [row.location.name, coach, coach_hours]
            for row in pack["hours"]
            for coach, coach_hours in row.by_coach
        ],
    )
    sheet(
        _("Realised per location"),
        [_("Location"), _("Planned (coaching + VE)"), _("Realised")]
        + [str(m) for m in range(1, 13)],
        [[row.location.name, row.planned, row.realised, *row.by_month] for row in pack["hours"]],
    )
    coverage = pack["coverage"]
    sheet(
        _("Coverage"),
        [_("Location"), staff_plural(pack["organisation"]), _("Coached"), _("Not yet coached")],
        [
            [
                r["name"] or _("Not at a location"),
                r["people"],
                r["coached"],
                r["people"] - r["coached"],
            ]
            for r in coverage["locations"]
        ]
        + [
            [
                _("Whole organisation"),
                coverage["people"],
                coverage["coached"],
                coverage["people"] - coverage["coached"],
            ]
        ],
    )
    sheet(_("Not yet coached"), [_("Name"), _("Works at")], pack["not_coached"])
    return sheets


def ggd_xlsx(pack: dict) -> bytes:
    return downloads.xlsx_bytes(ggd_sheets(pack))


def _step(norm, key):
    step = norm.step(key)
    return [step.per, step.quantity, step.hours]
