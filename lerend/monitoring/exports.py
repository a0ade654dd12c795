"""Indicators as CSV and XLSX through the one writer of ``lerend.kit.downloads`` (";" and a
decimal comma, no formulas, typed numbers and dates in the XLSX). Numbers are rounded as the
page rounds them (``numbers``: a whole value keeps no decimals), then written as numbers."""

from django.utils.translation import gettext as _

from lerend.kit import downloads

from .numbers import rounded


def value(number, digits: int = 1):
    """``number`` rounded as the pages show it, as a Decimal whose scale is the decimals
    the file shows (none for a whole value); None stays None."""
    exact = rounded(number, digits)
    if exact is not None and exact.is_finite() and exact == exact.to_integral_value():
        return exact.quantize(1)
    return exact


def header():
    return [
        _("Indicator"),
        _("Kind"),
        _("Level"),
        _("Location"),
        _("Group / team"),
        _("Unit"),
        _("Baseline"),
        _("Target"),
        _("Target date"),
        _("Direction"),
        _("Source"),
        _("Latest value"),
        _("Measured on"),
        _("Status"),
        _("Owner"),
    ]


def rows(indicators):
    for i in indicators:
        location = i.location or (i.team.location if i.team else None)
        yield [
            i.title,
            i.get_kind_display(),
            i.get_level_display(),
            location.name if location else "",
            i.team.name if i.team else "",
            i.unit,
            value(i.baseline, 2),
            value(i.target, 2),
            i.target_on,
            i.get_direction_display(),
            i.get_source_display(),
            value(i.latest.value, 2) if i.latest else None,
            i.latest.measured_on if i.latest else None,
            str(i.status_label),
            i.owner.name if i.owner else "",
        ]


def indicators_csv(indicators, filename: str):
    return downloads.csv_response(header(), rows(indicators), filename)


def indicators_xlsx(indicators, filename: str):
    return downloads.xlsx_response([(_("Indicators"), header(), rows(indicators))], filename)


def profile_header():
    return [
        _("Location"),
        _("Group"),
        _("Latest round"),
        _("Children"),
        _("Well-being at 4–5"),
        _("Well-being at 1–2"),
        _("Involvement at 4–5"),
        _("Involvement at 1–2"),
    ]


def profile_rows(groups):
    """One row per group the reader sees; a group below the threshold has no numbers."""
    for row in groups:
        team, round_, profile = row["team"], row["round"], row["profile"]
        shown = bool(profile and profile.visible)
        numbers = (
            [
                profile.children,
                value(profile.wellbeing_high),
                value(profile.wellbeing_low),
                value(profile.involvement_high),
                value(profile.involvement_low),
            ]
            if shown
            else [_("too few children to show")] + [None] * 4
            if round_
            else [None] * 5
        )
        yield [
            team.location.name,
            team.name,
            round_.first_on if round_ else None,
            *numbers,
        ]


def profiles_csv(groups, filename: str):
    return downloads.csv_response(profile_header(), profile_rows(groups), filename)


PROFILE_CSS = "@page { size: A4 landscape; } td.number { text-align: right; }"


def profiles_xlsx(groups) -> bytes:
    return downloads.xlsx_bytes([(_("Well-being"), profile_header(), profile_rows(groups))])


def profiles_pdf(request, context: dict) -> bytes:
    """The well-being profiles as a PDF: the same threshold and numbers as the overview and
    the CSV (``profile_rows``); groups in alphabetical order, never ranked. Only groups that
    held a round get a line; the others are counted (hundreds of empty lines at a large
    organisation made a 40-page PDF that took seconds to render; the CSV lists them all)."""
    observed = [g for g in context["groups"] if g["round"] is not None]
    return downloads.pdf_bytes(
        request,
        "monitoring/profiles_pdf.html",
        {
            **context,
            "header": profile_header(),
            "rows": list(profile_rows(observed)),
            "without_round": len(context["groups"]) - len(observed),
        },
        extra_css=PROFILE_CSS,
    )


def indicators_pdf(request, context: dict) -> bytes:
    """The indicators as a PDF, each with the same SVG chart as its page."""
    return downloads.pdf_bytes(
        request,
        "monitoring/indicators_pdf.html",
        context,
        extra_css=".chart { width: 100%; height: auto; }",
    )
