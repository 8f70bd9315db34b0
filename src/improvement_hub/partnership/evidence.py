"""Checks on a deliverable's evidence document: its real type by content (not by its name),
its size, and what an office document (a ZIP archive inside) expands to. Archives, programs
and anything else are refused. Documents are only ever served as downloads."""

import zipfile
from typing import Any

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

MAX_BYTES = 10 * 1024 * 1024
MAX_EXPANDED_BYTES = 50 * 1024 * 1024
MAX_EXPANSION_RATIO = 100  # for archives that expand to more than a megabyte
MAX_ARCHIVE_ENTRIES = 1000
TEXT = "text/plain"
ALLOWED = {
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/rtf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
    TEXT,
}
ZIPPED = {mime for mime in ALLOWED if "openxml" in mime or "opendocument" in mime}
ALLOWED_TEXT = "a PDF, an image (JPG, PNG, GIF or WEBP), an office document or a plain text file"


def document_check(upload: UploadedFile[Any]) -> str:
    """The document's real type, or a ValidationError in GOV.UK wording."""
    name = f"The file ‘{upload.name}’" if upload.name else "The selected file"
    if upload.size is None or upload.size == 0:
        raise ValidationError(f"{name} is empty")
    if upload.size > MAX_BYTES:
        raise ValidationError(f"{name} must be smaller than 10MB")
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else (TEXT if _is_text(head) else "")
    if mime not in ALLOWED:
        raise ValidationError(f"{name} must be {ALLOWED_TEXT}")
    if mime in ZIPPED:
        _archive_check(upload, name)
    return mime


def _is_text(head: bytes) -> bool:
    """UTF-8 text without control characters other than tabs and line breaks. The first
    8KB may end inside a character: up to three trailing bytes are let off."""
    for cut in range(4):
        try:
            text = head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        return all(ch in "\t\r\n\f" or ch >= " " and ch != "\x7f" for ch in text)
    return False


def _archive_check(upload: UploadedFile[Any], name: str) -> None:
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
            if expanded > MAX_EXPANDED_BYTES or (
                expanded > 1024 * 1024 and expanded > MAX_EXPANSION_RATIO * packed
            ):
                raise too_big
            for entry in entries:
                with archive.open(entry) as part:
                    while part.read(1024 * 1024):
                        pass
    except ValidationError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError):
        raise damaged from None
    finally:
        upload.seek(0)
