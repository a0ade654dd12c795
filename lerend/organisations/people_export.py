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

from .models import Membership, Role
from .services import record


def status_label(*, pending: bool, former: bool) -> str:
    if former:
        return _("Former")
    if pending:
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
MEMBERSHIP_FIELDS = (
    "person_id",
    "role",
    "location__name",
    "team__name",
    "team__location__name",
    "fte",
    "start_date",
)


def rows(people, *, organisation, former: bool, show_email: bool):
    """One row per person of ``selectors.visible_people`` (its order and ``is_pending``),
    read as plain values in chunks of ``CHUNK``: per chunk one query for the people's
    active memberships here — no model objects, no query per row, flat memory. FTE is the
    sum of the active memberships' FTE (empty when none has one), "since" the earliest
    start among them."""
    roles = dict(Role.choices)
    people = people.prefetch_related(None).values_list("id", "name", "email", "is_pending")
    chunk: list[tuple] = []
    for person in people.iterator(chunk_size=CHUNK):
        chunk.append(person)
        if len(chunk) == CHUNK:
            yield from _chunk_rows(chunk, organisation, roles, former, show_email)
            chunk = []
    if chunk:
        yield from _chunk_rows(chunk, organisation, roles, former, show_email)


def _chunk_rows(chunk, organisation, roles, former, show_email):
    labels = {pending: status_label(pending=pending, former=former) for pending in (False, True)}
    memberships: dict[int, list[tuple]] = {pk: [] for pk, *_rest in chunk}
    for membership in (
        Membership.objects.active()
        .filter(organisation=organisation, person_id__in=list(memberships))
        .order_by("role", "id")
        .values_list(*MEMBERSHIP_FIELDS)
    ):
        memberships[membership[0]].append(membership)
    for pk, name, email, pending in chunk:
        mine = memberships[pk]
        row = [name, email] if show_email else [name]
        fte = [m[5] for m in mine if m[5] is not None]
        row += [
            _unique(m[2] or m[4] or "" for m in mine),
            _unique(m[3] or "" for m in mine),
            _unique(str(roles.get(m[1], m[1])) for m in mine),
            sum(fte) if fte else None,
            min((m[6] for m in mine), default=None),
            labels[bool(pending)],
        ]
        yield row


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
