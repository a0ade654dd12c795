"""Exports open as numbers and dates in a Dutch spreadsheet: LibreOffice Calc, headless, in
the Dutch locale, reads the people list (CSV and XLSX) and a scan's results (CSV and XLSX)
and saves them again as XLSX, which openpyxl reads back. A number must arrive as a numeric
cell and a date as a date cell — not as text.

Without LibreOffice the test skips with the reason; with CI set it fails instead (as the
browser tests do), so CI cannot pass without running it (.ci/run installs
libreoffice-calc-nogui)."""

import datetime
import io
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import member
from tests.scans.test_exports import _answer_everyone, _campaign

pytestmark = pytest.mark.django_db

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# CSV import options (LibreOffice's "Filter Options"): field separator ";" (59), text
# delimiter '"' (34), UTF-8 (76), from line 1, default column types, language nl-NL (1043),
# quoted fields not forced to text, detect special numbers (dates) on.
CSV_FILTER = "CSV:59,34,76,1,,1043,false,true"


@pytest.fixture
def soffice():
    if SOFFICE:
        return SOFFICE
    if os.environ.get("CI"):
        pytest.fail("CI is set but LibreOffice (soffice) is missing", pytrace=False)
    pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")


def _convert(soffice, tmp_path: Path, sources: dict[str, bytes]) -> dict:
    """Each source file opened by Calc in the Dutch locale and saved as XLSX; the sheets
    read back with openpyxl, by source name."""
    out = tmp_path / "out"
    out.mkdir()
    profile = (tmp_path / "profile").as_uri()
    env = {**os.environ, "LANG": "nl_NL.UTF-8", "LC_ALL": "nl_NL.UTF-8", "HOME": str(tmp_path)}
    books = {}
    for kind in ("csv", "xlsx"):
        paths = []
        for name, content in sources.items():
            if name.endswith("." + kind):
                path = tmp_path / name
                path.write_bytes(content)
                paths.append(str(path))
        if not paths:
            continue
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
        if kind == "csv":
            command.append(f"--infilter={CSV_FILTER}")
        # The same format in and out would be refused as "overwrite": .xlsx becomes .xlsx
        # in another folder.
        command += ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out)]
        subprocess.run(command + paths, env=env, check=True, capture_output=True, timeout=180)
    for name in sources:
        converted = out / (name.rpartition(".")[0] + ".xlsx")
        assert converted.exists(), f"LibreOffice did not convert {name}"
        books[name] = load_workbook(io.BytesIO(converted.read_bytes())).active
    return books


def _by_header(sheet) -> tuple[list, list[dict]]:
    rows = list(sheet.iter_rows())
    header = [c.value for c in rows[0]]
    return header, [dict(zip(header, row, strict=False)) for row in rows[1:]]


def test_exports_arrive_as_numbers_and_dates_in_dutch_libreoffice(soffice, client, world, tmp_path):
    # The people list: one person with two memberships (0,8 + 0,5 fte), so the FTE
    # column holds a decimal; every person has a start date.
    person = member(world.org, team=world.team, person__name="Fenna Fte", fte=Decimal("0.8"))
    member(world.org, location=world.location, person=person, fte=Decimal("0.5"))
    start = person.memberships.order_by("start_date").first().start_date
    campaign = _answer_everyone(_campaign(world.org, world.board), world.board)
    client.force_login(world.board)
    people = {"org_slug": world.org.slug}
    results = {"org_slug": world.org.slug, "campaign_id": campaign.pk}
    sources = {
        "people.csv": reverse("organisations:people_export_csv", kwargs=people),
        "people-x.xlsx": reverse("organisations:people_export_xlsx", kwargs=people),
        "results.csv": reverse("scan_exports:results_csv", kwargs=results),
        "results-x.xlsx": reverse("scan_exports:results_xlsx", kwargs=results),
    }
    files = {}
    for name, url in sources.items():
        response = client.get(url)
        assert response.status_code == 200, url
        files[name] = response.getvalue()

    books = _convert(soffice, tmp_path, files)

    for name in ("people.csv", "people-x.xlsx"):
        header, rows = _by_header(books[name])
        assert header[:2] == ["Naam", "E-mailadres"], name
        row = next(r for r in rows if r["Naam"].value == "Fenna Fte")
        fte, since = row["fte"], row["Sinds"]
        assert fte.data_type == "n" and fte.value == pytest.approx(1.3), (name, fte.value)
        assert since.is_date, (name, since.value, since.data_type)
        assert since.value.date() == start
        # Every start date of the list is a date, not one by accident.
        assert all(r["Sinds"].is_date for r in rows), name

    for name in ("results.csv", "results-x.xlsx"):
        header, rows = _by_header(books[name])
        assert "Gemiddelde" in header, name
        organisation = [r for r in rows if r["Groep"].value == world.org.name]
        assert organisation, name
        for row in organisation:
            assert row["Respondenten"].data_type == "n", name
            assert isinstance(row["Respondenten"].value, int | float)
            mean = row["Gemiddelde"]
            if mean.value is not None:
                # "2,91" in the CSV: a Dutch Calc reads the decimal comma as a number.
                assert mean.data_type == "n", (name, mean.value)
                assert 1 <= mean.value <= 5


def test_csv_dates_are_iso_and_read_as_dates(soffice, tmp_path):
    """The writer's own cells, without the app around it: a date, a decimal with a comma,
    a negative number, and a text that looks like a formula stays text."""
    from lerend.kit import downloads

    text = downloads.csv_text(
        ["Datum", "Getal", "Negatief", "Tekst"],
        [[datetime.date(2026, 12, 6), Decimal("1678.15"), Decimal("-0.5"), "=1+1"]],
    )
    books = _convert(soffice, tmp_path, {"cells.csv": text.encode()})
    header, rows = _by_header(books["cells.csv"])
    row = rows[0]
    assert row["Datum"].is_date and row["Datum"].value.date() == datetime.date(2026, 12, 6)
    assert row["Getal"].data_type == "n" and row["Getal"].value == pytest.approx(1678.15)
    assert row["Negatief"].data_type == "n" and row["Negatief"].value == pytest.approx(-0.5)
    assert row["Tekst"].data_type == "s" and row["Tekst"].value == "'=1+1"
