"""Files a person downloads: CSV, XLSX and PDF, and the response that hands them over.

CSV: UTF-8 with a byte order mark (without it Excel reads the bytes as Windows-1252 and "é"
becomes "Ã©"). Cells go through defusedcsv: a value that starts with "=", "+", "-", "@" ...
gets a leading apostrophe, so a name cannot become a formula. Pass ``delimiter=";"`` for a
file that Dutch Excel opens in columns on a double click.

XLSX: openpyxl in write-only mode; text that starts with "=" is stored as text, not as a
formula (openpyxl would otherwise read it as one, and titles and names come from people).

PDF: WeasyPrint, A4, the house style below plus what the caller adds.
"""

import io
from collections.abc import Iterable, Sequence

from defusedcsv import csv
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header

BOM = "\ufeff"
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"
CONTENT_TYPES = {"csv": CSV_TYPE, "xlsx": XLSX_TYPE, "pdf": PDF_TYPE}


def csv_text(header: Sequence, rows: Iterable[Sequence], *, delimiter: str = ",") -> str:
    """The whole file as text: BOM, header, rows; lines end in CRLF."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def text_cell(sheet, value):
    """``value`` for ``sheet.append``: a text starting with "=" becomes a text cell."""
    if isinstance(value, str) and value.startswith("="):
        from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415 -- openpyxl loads slowly

        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def xlsx_bytes(sheets: Iterable[tuple[str, Sequence, Iterable[Sequence]]]) -> bytes:
    """A workbook with one sheet per (name, header, rows); names are cut to Excel's 31."""
    from openpyxl import Workbook  # noqa: PLC0415 -- openpyxl loads slowly

    workbook = Workbook(write_only=True)
    for name, header, rows in sheets:
        sheet = workbook.create_sheet(str(name)[:31])
        sheet.append([text_cell(sheet, v) for v in header])
        for row in rows:
            sheet.append([text_cell(sheet, v) for v in row])
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


def pdf_bytes(request, template: str, context: dict, *, extra_css: str = "") -> bytes:
    """``template`` rendered and printed to PDF with the house style (plus ``extra_css``);
    images and fonts resolve against the site's own address. Tagged (PDF/UA-1), so a
    screen reader follows headings and tables."""
    from weasyprint import CSS, HTML  # noqa: PLC0415 -- WeasyPrint loads slowly

    html = render_to_string(template, context, request=request)
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(
        stylesheets=[CSS(string=PDF_CSS + extra_css)], pdf_variant="pdf/ua-1"
    )


def download(content, filename: str, *, private: bool = False) -> HttpResponse:
    """An attachment named ``filename``; its type follows the extension. ``private`` keeps
    it out of shared caches and off the disk of the browser's cache (names, addresses)."""
    extension = filename.rpartition(".")[2]
    response = HttpResponse(content, content_type=CONTENT_TYPES[extension])
    response["Content-Disposition"] = content_disposition_header(True, filename)
    if private:
        response["Cache-Control"] = "private, no-store"
    return response
