"""Goals and actions as rows for CSV and XLSX, and a team's plan as PDF, through
``lerend.kit.downloads`` (the one writer per format: dates are dates, not text). Headers
and values in the reader's language."""

from django.utils.translation import gettext as _

from lerend.kit import downloads


def goal_header():
    return [
        _("Level"),
        _("Location"),
        _("Team"),
        _("Title"),
        _("Status"),
        _("Owner"),
        _("Start"),
        _("End"),
        _("Building blocks"),
        _("Supports"),
    ]


def goal_rows(goals):
    for g in goals:
        yield [
            g.get_level_display(),
            g.location.name if g.location else (g.team.location.name if g.team else ""),
            g.team.name if g.team else "",
            g.title,
            g.get_status_display(),
            g.owner.name if g.owner else "",
            g.starts_on,
            g.ends_on,
            ", ".join(str(b.name) for b in g.blocks),
            g.supports.title if g.supports else "",
        ]


def action_header():
    return [
        _("Location"),
        _("Team"),
        _("Title"),
        _("Status"),
        _("Owner"),
        _("Due date"),
        _("Overdue"),
        _("Goal"),
        _("Did it work?"),
        _("What we learned"),
    ]


def action_rows(actions):
    for a in actions:
        yield [
            a.team.location.name,
            a.team.name,
            a.title,
            a.get_status_display(),
            a.owner.name if a.owner else "",
            a.due_on,
            _("yes") if a.is_overdue else _("no"),
            a.goal.title if a.goal else "",
            a.get_outcome_display() if a.outcome else "",
            a.learned,
        ]


def sheets(goals, actions) -> list:
    return [
        (_("Goals"), goal_header(), goal_rows(goals)),
        (_("Actions"), action_header(), action_rows(actions)),
    ]


def to_xlsx(goals, actions) -> bytes:
    return downloads.xlsx_bytes(sheets(goals, actions))


def team_plan_pdf(request, context: dict) -> bytes:
    return downloads.pdf_bytes(request, "improvement/team_plan_pdf.html", context)
