"""Checks on evidence files: type by content (not by name), size, what a Word or ODT file
(a ZIP archive inside) expands to, and the limits per draft and per address."""

import zipfile
from typing import Any

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
# All of one draft's files together.
MAX_DRAFT_BYTES = 20 * 1024 * 1024
# Uploads (accepted or not) from one address in an hour, across all drafts.
MAX_UPLOADS_PER_IP_PER_HOUR = 20
# Word (.docx) and ODT files are ZIP archives: refuse "zip bombs" that expand hugely.
MAX_EXPANDED_BYTES = 50 * 1024 * 1024
MAX_EXPANSION_RATIO = 100  # for archives that expand to more than a megabyte
MAX_ARCHIVE_ENTRIES = 1000
ALLOWED = {
    "application/pdf": "PDF",
    "image/jpeg": "JPG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/webp": "WEBP",
    "application/msword": "Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/vnd.oasis.opendocument.text": "ODT",
}
ZIPPED = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
}
ALLOWED_TEXT = "a PDF, JPG, PNG, GIF, WEBP, Word or ODT file"


def evidence_check(upload: UploadedFile[Any]) -> str:
    """The file's real type, or a ValidationError in GOV.UK wording."""
    # A file's name may start in lower case ("letter.pdf"): the message never starts with it.
    name = f"The file ‘{upload.name}’" if upload.name else "The selected file"
    if upload.size is None or upload.size == 0:
        raise ValidationError(f"{name} is empty")
    if upload.size > MAX_BYTES:
        raise ValidationError(f"{name} must be smaller than 10MB")
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else ""
    if mime not in ALLOWED:
        raise ValidationError(f"{name} must be {ALLOWED_TEXT}")
    if mime in ZIPPED:
        _archive_check(upload, name)
    return mime


def _archive_check(upload: UploadedFile[Any], name: str) -> None:
    """Refuses an archive with too many parts, or that expands too much in total or for its
    size. Sizes are read from the archive's list, then proven by expanding each part (at
    most MAX_EXPANDED_BYTES in all): a part bigger than its listed size fails its check."""
    too_big = ValidationError(
        f"{name} is too big when opened. Save it as a PDF, or split it into smaller files"
    )
    damaged = ValidationError(f"{name} could not be opened. Save it again, or save it as a PDF")
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ARCHIVE_ENTRIES:
                raise too_big
            expanded = sum(entry.file_size for entry in entries)
            packed = sum(entry.compress_size for entry in entries)
            ratio_too_high = expanded > 1024 * 1024 and expanded > MAX_EXPANSION_RATIO * packed
            if expanded > MAX_EXPANDED_BYTES or ratio_too_high:
                raise too_big
            for entry in entries:
                with archive.open(entry) as part:
                    while part.read(1024 * 1024):
                        pass
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError):
        raise damaged from None
    except RuntimeError:  # an encrypted part
        raise damaged from None
    finally:
        upload.seek(0)
