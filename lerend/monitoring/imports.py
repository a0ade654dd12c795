"""Import of group-level outcome data (for example a pupil monitoring system's results per
class) as CSV or XLSX: one row per group and date, never per child.

The pattern of lerend/organisations/imports.py: the file is read by that module's reader;
``check_rows`` gives every row its Dutch errors (a dry run shows them); the service writes
only when no row has an error, all or nothing.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

from lerend.organisations.imports import MAX_ROWS, ImportFileError, read_table
from lerend.organisations.models import Team

COLUMNS = ("group", "location", "date", "value", "children")
REQUIRED = ("group", "date", "value", "children")
HEADER_ALIASES = {
    "groep": "group",
    "klas": "group",
    "group": "group",
    "team": "group",
    "locatie": "location",
    "school": "location",
    "location": "location",
    "datum": "date",
    "date": "date",
    "waarde": "value",
    "value": "value",
    "kinderen": "children",
    "leerlingen": "children",
    "aantal kinderen": "children",
    "aantal leerlingen": "children",
    "children": "children",
}
MAX_VALUE = Decimal("99999999.99")


@dataclass
class ImportRow:
    line: int
    raw: dict
    team: Team | None = None
    measured_on: datetime.date | None = None
    value: Decimal | None = None
    children: int | None = None
    errors: list[str] = field(default_factory=list)


def parse_upload(filename: str, data: bytes) -> list[dict]:
    """Rows as dicts with the canonical columns plus ``line``. Raises ImportFileError for a
    file that cannot be read as a whole."""
    table = read_table(filename, data)
    header = [HEADER_ALIASES.get(h.strip().lower()) for h in table[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFileError(
            _(
                "The first row must name the columns: groep, locatie (optional), datum, "
                "waarde, kinderen. Missing: %(missing)s."
            )
            % {"missing": ", ".join(missing)}
        )
    body = table[1:]
    if not body:
        raise ImportFileError(_("The file has column names but no rows."))
    if len(body) > MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(max)s rows. Split it into smaller files.")
            % {"max": MAX_ROWS}
        )
    rows = []
    for number, cells in enumerate(body, start=2):
        row = dict.fromkeys(COLUMNS, "")
        for key, value in zip(header, cells, strict=False):
            if key:
                row[key] = (value or "").strip()
        row["line"] = number
        rows.append(row)
    return rows


def _date(text: str) -> datetime.date | None:
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _decimal(text: str) -> Decimal | None:
    cleaned = text.replace("%", "").replace(" ", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _outside(indicator, team) -> bool:
    if indicator is None:
        return False
    if indicator.team_id is not None:
        return team.pk != indicator.team_id
    if indicator.location_id is not None:
        return team.location_id != indicator.location_id
    return False


def check_rows(organisation, rows: list[dict], indicator=None) -> list[ImportRow]:
    """Every row with its errors (in Dutch). With ``indicator``, a group outside its location
    or team is an error too. One query: the organisation's groups."""
    teams = Team.objects.filter(organisation=organisation).select_related("location")
    by_name: dict[str, list[Team]] = {}
    for team in teams:
        by_name.setdefault(team.name.strip().lower(), []).append(team)
    today, seen, checked = timezone.localdate(), {}, []
    for raw in rows:
        row = ImportRow(line=raw["line"], raw=raw)
        checked.append(row)
        candidates = by_name.get(raw["group"].lower(), [])
        if raw["location"]:
            candidates = [
                t for t in candidates if t.location.name.lower() == raw["location"].lower()
            ]
        if not raw["group"]:
            row.errors.append(_("The group is missing."))
        elif not candidates:
            row.errors.append(_("There is no group called “%(name)s”.") % {"name": raw["group"]})
        elif len(candidates) > 1:
            row.errors.append(
                _("Several locations have a group called “%(name)s”: fill in the location.")
                % {"name": raw["group"]}
            )
        elif _outside(indicator, candidates[0]):
            row.errors.append(
                _("“%(name)s” is outside this indicator's location or group.")
                % {"name": raw["group"]}
            )
        else:
            row.team = candidates[0]
        row.measured_on = _date(raw["date"])
        if row.measured_on is None:
            row.errors.append(_("Write the date as 2026-06-30 or 30-06-2026."))
        elif row.measured_on > today:
            row.errors.append(_("The date lies in the future."))
        row.value = _decimal(raw["value"])
        if row.value is None:
            row.errors.append(_("The value must be a number, such as 72,5."))
        elif abs(row.value) > MAX_VALUE:
            row.errors.append(_("The value is too large."))
        else:
            row.value = row.value.quantize(Decimal("0.01"))
        if not raw["children"].isdigit() or int(raw["children"]) == 0:
            row.errors.append(
                _("Fill in how many children the value is about (a whole number above 0).")
            )
        else:
            row.children = int(raw["children"])
        if row.team is not None and row.measured_on is not None:
            key = (row.team.pk, row.measured_on)
            if key in seen:
                row.errors.append(_("Same group and date as line %(line)s.") % {"line": seen[key]})
            else:
                seen[key] = row.line
    return checked
