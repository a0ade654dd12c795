"""The one XLSX writer (kit.downloads.xlsx_file), read back by a second library (openpyxl):
typed cells, text that never becomes a formula, a frozen bold header, an autofilter over the
rows, and sheet names Excel accepts."""

import datetime
import io
from decimal import Decimal

from openpyxl import load_workbook

from lerend.kit import downloads


def _read(sheets):
    return load_workbook(io.BytesIO(downloads.xlsx_bytes(sheets)))


def test_cells_keep_their_type_and_text_stays_text():
    book = _read(
        [
            (
                "Mensen",
                ["Naam", "Sinds", "Score", "Aantal", "Actief", "Leeg", "Geen getal"],
                [
                    [
                        "=SUM(A1:A9)",
                        datetime.date(2026, 3, 1),
                        Decimal("3.45"),
                        12,
                        True,
                        None,
                        float("nan"),
                    ],
                    [
                        "+31 6 1234",
                        datetime.datetime(2026, 3, 1, 9, 30),
                        Decimal("4"),
                        0,
                        False,
                        "",
                        1.5,
                    ],
                ],
            )
        ]
    )
    sheet = book["Mensen"]
    first, second = list(sheet.iter_rows(min_row=2, values_only=True))
    assert first[0] == "=SUM(A1:A9)" and sheet["A2"].data_type == "s"
    assert second[0] == "+31 6 1234"
    assert first[1] == datetime.datetime(2026, 3, 1) and sheet["B2"].number_format == "dd-mm-yyyy"
    assert second[1] == datetime.datetime(2026, 3, 1, 9, 30)
    assert first[2] == 3.45 and sheet["C2"].number_format == "#,##0.00"
    assert second[2] == 4 and sheet["C3"].number_format == "#,##0"
    assert first[3] == 12 and second[3] == 0
    assert first[4] == "ja" and second[4] == "nee"
    assert first[5] is None and first[6] is None and second[6] == 1.5
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G3"


def test_sheet_names_are_cut_cleaned_and_unique():
    long = "Resultaten per team: Onderbouw/Middenbouw [2026]"
    book = _read([(long, ["a"], [[1]]), (long, ["a"], [[2]]), ("", ["a"], [])])
    names = book.sheetnames
    assert len(names) == 3 and len({n.lower() for n in names}) == 3
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
    assert names[0].startswith("Resultaten per team")
    assert names[1].endswith("(2)") and names[2] == "Blad"
    assert book[names[1]]["A2"].value == 2
