"""Images and documents the Hub Team uploads in the admin: nothing uploaded may run as code.

An SVG, HTML or XML file can carry script. Served from the hub's own address it would run
with the rights of whoever opens it (a Hub Team member's session, say). So:

- images are raster only (``WAGTAILIMAGES_EXTENSIONS``; Wagtail also checks that the file's
  content matches its extension, so an SVG renamed ``.png`` is refused too);
- documents are refused when their content is markup, whatever their extension;
- documents are always served as downloads (``Content-Disposition: attachment``,
  ``nosniff``, and a policy that blocks script), and so are media files when Django
  serves them (see ``improvement_hub.cms.views.serve_media`` and docs/operations.md).

Wagtail uses these forms through ``WAGTAILIMAGES_IMAGE_FORM_BASE`` and
``WAGTAILDOCS_DOCUMENT_FORM_BASE``, for single and multiple uploads alike.
"""

from typing import IO, Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

# How markup files start, after any byte-order mark and white space (lower case).
_MARKUP_STARTS = (b"<",)
_BYTE_ORDER_MARKS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_SNIFF_BYTES = 1024

SERVED_AS_DOWNLOAD_HEADERS = {
    "Content-Disposition": "attachment",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
}


def _image_formats() -> str:
    names = [ext.upper() for ext in settings.WAGTAILIMAGES_EXTENSIONS if ext != "jpeg"]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]


def looks_like_markup(file: IO[Any]) -> bool:
    """Whether an uploaded file's content is HTML, SVG or XML (which browsers may run)."""
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head: bytes | str = file.read(_SNIFF_BYTES)
    file.seek(position)
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    for mark in _BYTE_ORDER_MARKS:
        if head.startswith(mark):
            head = head[len(mark) :]
            break
    # UTF-16 text has a NUL beside every ASCII character.
    head = head.replace(b"\x00", b"").lstrip()
    return head.startswith(_MARKUP_STARTS)


class ImageForm(BaseImageForm):
    """Wagtail's image form, with the refusal of SVG explained in GOV.UK style."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            formats = _image_formats()
            messages = self.fields["file"].error_messages
            messages["invalid_image_extension"] = (
                f"The selected file must be a {formats}. SVG images are not accepted because "
                "they can contain code"
            )
            messages["invalid_image_known_format"] = (
                "The selected file must be a %(extension)s image, but it is a %(image_format)s "
                f"file. Upload a {formats}"
            )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content is markup."""

    def clean_file(self) -> UploadedFile | None:
        file: UploadedFile | None = self.cleaned_data.get("file")
        if file and "file" in self.changed_data and looks_like_markup(file):
            raise forms.ValidationError(
                "The selected file must not be a web page, SVG or XML file. Upload a PDF, "
                "Word, OpenDocument, Excel, CSV or plain text file",
                code="markup",
            )
        return file
