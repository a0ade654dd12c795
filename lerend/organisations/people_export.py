"""The people list as CSV and XLSX: exactly the rows of the list the leader is looking at
(the view passes the same selector and filters), in the reader's language. The files are
written by ``lerend.kit.downloads``, the one CSV and XLSX writer (docs/files.md): ";" and a
decimal comma, BOM, no formulas; typed FTE and dates in the XLSX. The staff import reads the
CSV back (it detects ";" and skips the BOM).

Both stream: the people are read in chunks (``iterator`` keeps the memberships prefetched
per chunk), so 15,000 people never sit in memory at once.
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
    columns += [_("Locations"), _("Teams"), _("Roles"), _("FTE"), _("Since"), _("Status")]
    return columns


def _unique(values) -> str:
    """Distinct values in first-seen order, comma-separated (a person may have several roles
    at several places; the list shows them all too)."""
    return ", ".join(dict.fromkeys(v for v in values if v))


CHUNK = 2000


def rows(people, *, former: bool, show_email: bool):
    """One row per person, from ``selectors.visible_people`` (memberships prefetched as
    ``org_memberships``, ``is_pending`` annotated), read in chunks: two queries per
    ``CHUNK`` people, none per row. FTE is the sum of the active memberships' FTE (empty
    when none has one), "since" the earliest start among them."""
    for person in people.iterator(chunk_size=CHUNK):
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
            _fte(memberships),
            min((m.start_date for m in memberships), default=None),
            status_label(person, former=former),
        ]
        yield row


def _fte(memberships):
    values = [m.fte for m in memberships if m.fte is not None]
    return sum(values) if values else None


def response(fmt: str, header_row, data_rows, filename: str):
    """The list as a streamed CSV or an XLSX attachment. Names and addresses: no shared
    cache and no copy on disk in the browser's cache."""
    if fmt == "xlsx":
        return downloads.xlsx_response(
            [(_("People"), header_row, data_rows)], filename, private=True
        )
    return downloads.csv_response(header_row, data_rows, filename, private=True)


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
