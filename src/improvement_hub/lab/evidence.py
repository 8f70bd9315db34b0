"""Checks on evidence files: type by content (not by name), size and count."""

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
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
ALLOWED_TEXT = "a PDF, JPG, PNG, GIF, WEBP, Word or ODT file"


def evidence_check(upload: UploadedFile) -> str:
    """The file's real type, or a ValidationError in GOV.UK wording."""
    name = upload.name or "The selected file"
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
    return mime
