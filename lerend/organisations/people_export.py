"""The people list as CSV and XLSX: exactly the rows of the list the leader is looking at
(the view passes the same selector and filters), in the reader's language.

CSV: semicolon-separated, UTF-8 with a byte order mark. Excel with Dutch (or any
comma-decimal) regional settings splits a double-clicked .csv on the system list separator,
which is ";" there; with "," everything lands in one column. Without the BOM Excel reads the
bytes as Windows-1252 and "é" becomes "Ã©". A "sep=;" first line would also fix the
separator, but then Excel ignores the BOM, so it is not used. The staff import reads this
format back (it detects ";" and skips the BOM). Cells are written by defusedcsv: a value that
starts with "=", "+", "-", "@" ... gets a leading apostrophe, so a name cannot become a formula.

XLSX: openpyxl in write-only mode; text that starts with "=" is stored as text, not formula.
"""

import io

from defusedcsv import csv
from django.db import transaction
from django.utils.translation import gettext as _

from .services import record

BOM = "\ufeff"
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def status_label(person, *, former: bool) -> str:
    if former:
        return _("Former")
    if person.is_pending:
        return _("Not activated yet")
    return _("Active")


def header(*, show_email: bool) -> list[str]:
    columns = [_("Name")]
    if show_email:
        columns.append(_("E-mail address"))
    columns += [_("Locations"), _("Teams"), _("Roles"), _("Status")]
    return columns


def _unique(values) -> str:
    """Distinct values in first-seen order, comma-separated (a person may have several roles
    at several places; the list shows them all too)."""
    return ", ".join(dict.fromkeys(v for v in values if v))


def rows(people, *, former: bool, show_email: bool):
    """One row per person, from ``selectors.visible_people`` (memberships prefetched as
    ``org_memberships``, ``is_pending`` annotated): no query per row."""
    for person in people:
        memberships = person.org_memberships
        row = [person.name]
        if show_email:
            row.append(person.email)
        row += [
            _unique(
                m.location.name if m.location_id else (m.team.location.name if m.team_id else "")
                for m in memberships
            ),
            _unique(m.team.name if m.team_id else "" for m in memberships),
            _unique(m.get_role_display() for m in memberships),
            status_label(person, former=former),
        ]
        yield row


def to_csv(header_row, data_rows) -> str:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header_row)
    writer.writerows(data_rows)
    return buffer.getvalue()


def to_xlsx(header_row, data_rows) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("People")[:31])

    def cell(value):
        # openpyxl stores any text starting with "=" as a formula; names come from people.
        text = WriteOnlyCell(sheet, value=value)
        text.data_type = "s"
        return text

    sheet.append([cell(v) for v in header_row])
    for row in data_rows:
        sheet.append([cell(v) for v in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@transaction.atomic
def record_export(*, organisation, actor, fmt: str, count: int, filters: dict) -> None:
    """Note who took a copy of which part of the people list.

    Side effects: audit entry ``people.export`` with the format, the number of people and the
    filters that were set (the search text included); the exported names and addresses
    themselves are not copied into the log."""
    used = {key: value for key, value in filters.items() if value}
    record(
        organisation=organisation,
        actor=actor,
        action="people.export",
        target=organisation,
        after={"format": fmt, "people": count, **used},
    )
