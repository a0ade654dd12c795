"""Checks on portfolio uploads: size, and type by the file's first bytes (not its name).

An extension can be anything; what counts is what the bytes are. Office files are zip
archives, so for docx/xlsx we also look inside for the part that makes them Word or Excel.
"""

import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class FileType:
    extension: str
    content_type: str


PDF = FileType("pdf", "application/pdf")
PNG = FileType("png", "image/png")
JPG = FileType("jpg", "image/jpeg")
DOCX = FileType("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = FileType("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def sniff(uploaded) -> FileType | None:
    """The type the content really has, or None when it is none we accept."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPG
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(uploaded) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            return None
        finally:
            uploaded.seek(0)
        if "[Content_Types].xml" in names:
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
    return None


def check_upload(uploaded) -> FileType:
    """The sniffed type, or a ValidationError in plain Dutch (via gettext)."""
    if uploaded.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This file is larger than %(max)d MB. Make it smaller, or add a link instead.")
            % {"max": MAX_UPLOAD_BYTES // (1024 * 1024)},
            code="too_large",
        )
    file_type = sniff(uploaded)
    if file_type is None:
        raise ValidationError(
            _(
                "This kind of file cannot be added. Allowed are PDF, PNG, JPG, Word (docx) "
                "and Excel (xlsx)."
            ),
            code="wrong_type",
        )
    return file_type
