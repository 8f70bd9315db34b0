"""Evidence documents are checked by what they contain, not by their names, and are only
ever served as downloads."""

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from improvement_hub.partnership import evidence, services
from tests.partnership.conftest import People, World

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx(body: bytes = b"<w:document/>") -> bytes:
    return _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": body})


def client(user) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(user)
    return c


def add(people: People, world: World, name: str, data: bytes):  # type: ignore[no-untyped-def]
    return services.evidence_add(
        actor=people.partner,
        deliverable=world.tasks[4],
        kind="document",
        label="Notes",
        document=SimpleUploadedFile(name, data),
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("report.pdf", PDF),
        ("photo.png", PNG),
        ("notes.txt", "Minutes of the board — 29 November 2016 ✓\n".encode()),
        ("plan.docx", docx()),
        ("no-extension", PDF),  # the name does not matter, the content does
    ],
)
def test_document_accepted_when_pdf_image_office_or_text(
    people: People, world: World, name: str, data: bytes
) -> None:
    link = add(people, world, name, data)
    assert link.document


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("report.pdf", _zip({"a.txt": b"hello"}), "must be a PDF, an image"),
        ("report.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "must be a PDF, an image"),
        ("report.pdf", b"\x1f\x8b\x08\x00" + b"\x00" * 20, "must be a PDF, an image"),
        ("notes.txt", b"text\x00with\x01binary", "must be a PDF, an image"),
        ("empty.pdf", b"", "is empty"),
        ("big.docx", docx(b"0" * (60 * 1024 * 1024)), "too big when opened"),
    ],
)
def test_document_refused_with_clear_message_when_not_allowed(
    people: People, world: World, name: str, data: bytes, message: str
) -> None:
    with pytest.raises(ValidationError, match=message) as error:
        add(people, world, name, data)
    assert "document" in error.value.message_dict
    assert not world.tasks[4].evidence.exists()


def test_document_refused_when_larger_than_10mb(people: People, world: World) -> None:
    with pytest.raises(ValidationError, match="smaller than 10MB"):
        add(people, world, "huge.pdf", PDF + b"0" * evidence.MAX_BYTES)


def test_document_refused_when_damaged_office_file(people: People, world: World) -> None:
    data = docx()
    with pytest.raises(ValidationError, match="could not be opened"):
        add(people, world, "plan.docx", data[:-40])


@pytest.mark.parametrize("role", ["leader", "staff", "other_partner"])
def test_document_refused_when_not_the_partner(people: People, world: World, role: str) -> None:
    with pytest.raises(PermissionDenied):
        services.evidence_add(
            actor=getattr(people, role),
            deliverable=world.tasks[4],
            kind="document",
            label="Notes",
            document=SimpleUploadedFile("report.pdf", PDF),
        )


def test_document_page_shows_error_and_download_is_an_attachment(
    people: People, world: World
) -> None:
    partner = client(people.partner)
    url = f"/contracts/{world.contract.pk}/tasks/4/evidence/"
    bad = partner.post(
        url,
        {
            "kind": "document",
            "label": "Page",
            "document": SimpleUploadedFile("page.pdf", b"MZ\x90\x00" + b"\x00" * 100),
        },
    )
    assert bad.status_code == 400
    assert "must be a PDF, an image" in bad.content.decode()
    ok = partner.post(
        url,
        {
            "kind": "document",
            "label": "Page",
            "document": SimpleUploadedFile("page.html", b"<script>alert(1)</script>\n"),
        },
    )
    assert ok.status_code == 302
    link = world.tasks[4].evidence.get(kind="document")
    download = partner.get(f"{url}{link.pk}/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
