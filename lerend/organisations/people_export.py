"""The people list as CSV and XLSX: exactly the rows of the list the leader is looking at
(the view passes the same selector and filters), in the reader's language. The files are
written by ``lerend.kit.downloads`` (BOM, no formulas).

CSV: semicolon-separated. Excel with Dutch (or any comma-decimal) regional settings splits a
double-clicked .csv on the system list separator, which is ";" there; with "," everything
lands in one column. A "sep=;" first line would also fix the separator, but then Excel
ignores the BOM, so it is not used. The staff import reads this format back (it detects ";"
and skips the BOM).
"""

from django.db import transaction
from django.utils.translation import gettext as _

from lerend.kit import downloads

from .services import record


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
    return downloads.csv_text(header_row, data_rows, delimiter=";")


def to_xlsx(header_row, data_rows) -> bytes:
    return downloads.xlsx_bytes([(_("People"), header_row, data_rows)])


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
