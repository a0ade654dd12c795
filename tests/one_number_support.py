"""Reading numbers back out of what people get: HTML tables, PDF text, CSV, XLSX (real
parsers), for the one-number test (tests/test_one_number.py)."""

import csv
import io
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import openpyxl


@dataclass
class Table:
    caption: str = ""
    classes: str = ""
    head: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: list[Table] = []
        self.stack: list[Table] = []
        self.cell: list[str] | None = None
        self.row: list[str] | None = None
        self.in_caption = False
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            table = Table(classes=attrs.get("class") or "")
            self.stack.append(table)
            self.tables.append(table)
        elif not self.stack:
            return
        elif tag == "caption":
            self.in_caption = True
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if not self.stack:
            return
        table = self.stack[-1]
        if tag == "table":
            self.stack.pop()
        elif tag == "caption":
            self.in_caption = False
        elif tag == "thead":
            self.in_head = False
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            (table.head if self.in_head else table.rows).append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.in_caption and self.stack:
            self.stack[-1].caption += data
        if self.cell is not None:
            self.cell.append(data)


def tables(html: str) -> list[Table]:
    parser = _Tables()
    parser.feed(html)
    for table in parser.tables:
        table.caption = " ".join(table.caption.split())
        if table.head:
            table.head = table.head[0]
    return parser.tables


def pdf_text(content: bytes) -> str:
    """The PDF's text as poppler's pdftotext reads it (``-layout``: a table row stays one
    line)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(content)
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout


def body(response) -> bytes:
    """A download's bytes, whether it is sent at once or streamed (kit/downloads: CSV as a
    StreamingHttpResponse, XLSX as a FileResponse)."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(text: str) -> list[list[str]]:
    """kit/downloads' CSV: a byte order mark, ";" between cells, decimal commas."""
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def xlsx_rows(content: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


SCORE = re.compile(r"^\d,\d$")


def dutch(value) -> str:
    """A machine-written decimal ("3.4", 3.4, Decimal) as the pages write it ("3,4")."""
    return str(value).replace(".", ",")
