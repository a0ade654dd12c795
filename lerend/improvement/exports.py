"""Goals and actions as CSV (defusedcsv: no cell is read as a formula) and XLSX, and a
team's plan as PDF (WeasyPrint). Headers and values in the reader's language."""

import io

from defusedcsv import csv
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

BOM = "\ufeff"  # Excel opens UTF-8 CSV correctly only with it


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
            g.starts_on.isoformat(),
            g.ends_on.isoformat(),
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
            a.due_on.isoformat(),
            _("yes") if a.is_overdue else _("no"),
            a.goal.title if a.goal else "",
            a.get_outcome_display() if a.outcome else "",
            a.learned,
        ]


def to_csv(header, rows) -> str:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _text_cell(sheet, value):
    # openpyxl would turn a text starting with "=" into a formula; titles come from users.
    if isinstance(value, str) and value.startswith("="):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def to_xlsx(goals, actions) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for name, header, rows in (
        (_("Goals"), goal_header(), goal_rows(goals)),
        (_("Actions"), action_header(), action_rows(actions)),
    ):
        sheet = workbook.create_sheet(name[:31])
        sheet.append(header)
        for row in rows:
            sheet.append([_text_cell(sheet, v) for v in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


PDF_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm; @bottom-right { content: counter(page) " / "
  counter(pages); font-size: 8pt; color: #5f6b73; } }
body { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 9.5pt;
  color: #1f2328; line-height: 1.4; }
h1 { font-size: 17pt; color: #123d33; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; color: #123d33; margin: 6mm 0 2mm; border-bottom: 1px solid #c9d1d6;
  padding-bottom: 1mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; }
th, td { border-bottom: 1px solid #dde3e6; padding: 1.2mm 1.5mm; text-align: left;
  vertical-align: top; }
thead th { background: #e4ece8; }
.muted { color: #5f6b73; }
"""


def team_plan_pdf(request, context: dict) -> bytes:
    from weasyprint import CSS, HTML

    html = render_to_string("improvement/team_plan_pdf.html", context, request=request)
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(
        stylesheets=[CSS(string=PDF_CSS)]
    )
