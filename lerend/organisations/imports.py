"""Staff import from CSV or XLSX: reading the file and checking each row.

Pure functions apart from ``build_context`` (the only database read): the view shows a
dry-run preview from ``parse_upload`` + ``validate_rows``; the service validates again
right before writing.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from .models import Location, Membership, Role, Scope, Team

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
COLUMNS = ("name", "email", "location", "team", "role", "fte")
REQUIRED_COLUMNS = ("name", "email")
HEADER_ALIASES = {
    "naam": "name",
    "name": "name",
    "e-mail": "email",
    "email": "email",
    "e-mailadres": "email",
    "emailadres": "email",
    "locatie": "location",
    "location": "location",
    "team": "team",
    "groep": "team",
    "rol": "role",
    "role": "role",
    "fte": "fte",
}
ROLE_SYNONYMS = {
    "pedagogisch medewerker": Role.MEDEWERKER,
    "leraar": Role.MEDEWERKER,
    "leerkracht": Role.MEDEWERKER,
    "staff": Role.MEDEWERKER,
    "locatieleider": Role.LOCATIEMANAGER,
    "pedagogisch beleidsmedewerker": Role.COACH,
    "pedagogisch coach": Role.COACH,
    "admin": Role.BEHEERDER,
}


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the person uploading."""


@dataclass
class ImportContext:
    """What rows are checked against, read once from the database."""

    locations: dict[str, Location]  # lower-cased name -> location
    teams: dict[tuple[int, str], Team]  # (location id, lower-cased name) -> team
    teams_by_name: dict[str, list[Team]]
    member_emails: set[str]


@dataclass
class ImportRow:
    line: int
    raw: dict
    name: str = ""
    email: str = ""
    role: str = ""
    scope: str = Scope.ORGANISATION
    location: Location | None = None
    team: Team | None = None
    fte: Decimal = Decimal("0")
    errors: list[str] = field(default_factory=list)


# --- reading -------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportFileError(
            _(
                "The file's character encoding could not be read. "
                "Save it as CSV UTF-8 and try again."
            )
        ) from None
    # cp1252 decodes almost any byte; control characters betray a binary file.
    if any(ord(c) < 32 and c not in "\r\n\t" for c in text):
        raise ImportFileError(
            _(
                "The file's character encoding could not be read. "
                "Save it as CSV UTF-8 and try again."
            )
        )
    return text


def _read_csv(data: bytes) -> list[list[str]]:
    text = _decode(data)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        # One column, or too little text to sniff: fall back on the most frequent delimiter.
        class dialect(csv.excel):
            delimiter = ";" if sample.count(";") > sample.count(",") else ","

    return [row for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)]


def _read_xlsx(data: bytes) -> list[list[str]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file
        raise ImportFileError(_("This is not a readable Excel file (.xlsx).")) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True):
            cells = ["" if v is None else _cell_text(v) for v in values]
            if any(c.strip() for c in cells):
                rows.append(cells)
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        workbook.close()


def read_table(filename: str, data: bytes) -> list[list[str]]:
    """The non-empty rows of an uploaded CSV (delimiter sniffed, encoding checked) or the
    first sheet of an XLSX, as text. Raises ImportFileError, with a Dutch message, for a
    file that is empty, larger than 2 MB, of another type or unreadable. Every import of
    Lerend reads its file here."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 2 MB. Split it into smaller files."))
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    name = filename.lower()
    if name.endswith(".xlsx"):
        table = _read_xlsx(data)
    elif name.endswith((".csv", ".txt")):
        table = _read_csv(data)
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))
    if not table:
        raise ImportFileError(_("The file is empty."))
    return table


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_upload(filename: str, data: bytes) -> list[dict]:
    """Rows of the first sheet / the CSV as dicts with the canonical column names
    (name, email, location, team, role, fte) plus ``line`` (the line in the file).
    Raises ImportFileError for an empty, too large or unreadable file or wrong columns."""
    table = read_table(filename, data)
    header = [HEADER_ALIASES.get(h.strip().lower()) for h in table[0]]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ImportFileError(
            _(
                "The first row must name the columns: naam, e-mail, locatie, team, rol, fte "
                "(or name, email, location, team, role, fte). Missing: %(missing)s."
            )
            % {"missing": ", ".join(missing)}
        )
    body = table[1:]
    if not body:
        raise ImportFileError(_("The file has column names but no people."))
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


# --- checking ------------------------------------------------------------------------------


def build_context(organisation) -> ImportContext:
    """Locations, teams and current members' e-mail addresses: three queries."""
    locations = {loc.name.strip().lower(): loc for loc in organisation.locations.all()}
    teams, by_name = {}, {}
    for team in Team.objects.filter(organisation=organisation).select_related("location"):
        key = team.name.strip().lower()
        teams[(team.location_id, key)] = team
        by_name.setdefault(key, []).append(team)
    emails = {
        e.lower()
        for e in Membership.objects.active()
        .filter(organisation=organisation)
        .values_list("person__email", flat=True)
    }
    return ImportContext(locations, teams, by_name, emails)


def role_lookup() -> dict[str, str]:
    """Every accepted spelling of a role -> its value: codes, English and Dutch labels."""
    lookup = {value: value for value in Role.values}
    for lang in ("en", "nl"):
        with translation.override(lang):
            lookup.update({str(label).lower(): value for value, label in Role.choices})
    lookup.update({k: v.value for k, v in ROLE_SYNONYMS.items()})
    return lookup


def parse_fte(text: str) -> Decimal | None:
    """'0,8' and '0.8' both work; None when it is not a number from 0 to 1.2."""
    text = (text or "").strip().replace(",", ".")
    if not text:
        return Decimal("0")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0 or value > Decimal("1.2"):
        return None
    return value.quantize(Decimal("0.01"))


def validate_rows(raw_rows: list[dict], context: ImportContext) -> list[ImportRow]:
    """Check every row; each problem becomes a sentence in ``row.errors``."""
    roles = role_lookup()
    seen: dict[str, int] = {}
    rows = []
    for raw in raw_rows:
        row = ImportRow(line=raw.get("line", 0), raw=raw)
        row.name = raw.get("name", "").strip()
        row.email = raw.get("email", "").strip().lower()
        if not row.name:
            row.errors.append(_("The name is missing."))
        if not row.email:
            row.errors.append(_("The e-mail address is missing."))
        else:
            try:
                validate_email(row.email)
            except ValidationError:
                row.errors.append(
                    _("“%(email)s” is not a valid e-mail address.") % {"email": row.email}
                )
            else:
                if row.email in seen:
                    row.errors.append(
                        _("This e-mail address is also on line %(line)s of the file.")
                        % {"line": seen[row.email]}
                    )
                else:
                    seen[row.email] = row.line
                if row.email in context.member_emails:
                    row.errors.append(_("This person is already a member of the organisation."))
        _check_place(row, raw, context)
        role_text = raw.get("role", "").strip().lower()
        if not role_text:
            row.role = Role.MEDEWERKER
        elif role_text in roles:
            row.role = roles[role_text]
        else:
            row.errors.append(
                _(
                    "Unknown role “%(role)s”. Use medewerker, teamleider, locatiemanager, "
                    "coach, bestuurder or beheerder."
                )
                % {"role": raw.get("role", "").strip()}
            )
        fte = parse_fte(raw.get("fte", ""))
        if fte is None:
            row.errors.append(
                _("FTE “%(fte)s” is not possible: give a number from 0 to 1.2, such as 0,8.")
                % {"fte": raw.get("fte", "").strip()}
            )
        else:
            row.fte = fte
        rows.append(row)
    return rows


def _check_place(row: ImportRow, raw: dict, context: ImportContext) -> None:
    location_name = raw.get("location", "").strip()
    team_name = raw.get("team", "").strip()
    if location_name:
        row.location = context.locations.get(location_name.lower())
        if row.location is None:
            row.errors.append(_("Unknown location “%(name)s”.") % {"name": location_name})
            return
    if team_name:
        if row.location is not None:
            row.team = context.teams.get((row.location.id, team_name.lower()))
            if row.team is None:
                known = context.teams_by_name.get(team_name.lower())
                if known:
                    row.errors.append(
                        _("Team “%(team)s” is not part of location “%(location)s”.")
                        % {"team": team_name, "location": row.location.name}
                    )
                else:
                    row.errors.append(_("Unknown team “%(name)s”.") % {"name": team_name})
                return
        else:
            matches = context.teams_by_name.get(team_name.lower(), [])
            if not matches:
                row.errors.append(_("Unknown team “%(name)s”.") % {"name": team_name})
                return
            if len(matches) > 1:
                row.errors.append(
                    _("There are several teams called “%(name)s”: add the location.")
                    % {"name": team_name}
                )
                return
            row.team = matches[0]
        row.scope = Scope.TEAM
        row.location = None
    elif row.location is not None:
        row.scope = Scope.LOCATION
