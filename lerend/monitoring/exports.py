"""Indicators as CSV (improvement's defusedcsv writer: no cell is read as a formula) and
XLSX. Numbers through ``numbers.number``: what the page says, the file says."""

from django.utils.translation import gettext as _

from lerend.kit import downloads

from .numbers import number


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
            number(i.baseline, 2),
            number(i.target, 2),
            i.target_on.isoformat() if i.target_on else "",
            i.get_direction_display(),
            i.get_source_display(),
            number(i.latest.value, 2) if i.latest else "",
            i.latest.measured_on.isoformat() if i.latest else "",
            str(i.status_label),
            i.owner.name if i.owner else "",
        ]


def indicators_csv(indicators) -> str:
    return downloads.csv_text(header(), rows(indicators))


def indicators_xlsx(indicators) -> bytes:
    return downloads.xlsx_bytes([(_("Indicators"), header(), rows(indicators))])


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
                str(profile.children),
                number(profile.wellbeing_high),
                number(profile.wellbeing_low),
                number(profile.involvement_high),
                number(profile.involvement_low),
            ]
            if shown
            else [_("too few children to show")] + [""] * 4
            if round_
            else [""] * 5
        )
        yield [
            team.location.name,
            team.name,
            round_.first_on.isoformat() if round_ else "",
            *numbers,
        ]


def profiles_csv(groups) -> str:
    return downloads.csv_text(profile_header(), profile_rows(groups))


PROFILE_CSS = "@page { size: A4 landscape; } td.number { text-align: right; }"


def profiles_xlsx(groups) -> bytes:
    return downloads.xlsx_bytes([(_("Well-being"), profile_header(), profile_rows(groups))])


def profiles_pdf(request, context: dict) -> bytes:
    """The well-being profiles as a PDF: the same groups, threshold and numbers as the
    overview and the CSV (``profile_rows``); groups in alphabetical order, never ranked."""
    return downloads.pdf_bytes(
        request,
        "monitoring/profiles_pdf.html",
        {**context, "header": profile_header(), "rows": list(profile_rows(context["groups"]))},
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
