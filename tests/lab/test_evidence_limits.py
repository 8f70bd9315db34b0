"""Item 11 of issue 8: evidence uploads cannot beat the limits by racing, flooding from one
address, filling a draft, or sending a small Word file that expands hugely (a zip bomb)."""

import io
import threading
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from improvement_hub.lab import services
from improvement_hub.lab.evidence import MAX_UPLOADS_PER_IP_PER_HOUR
from improvement_hub.lab.models import Evidence, ReferralDraft

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 64
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
URL = "/lab/refer/evidence/"


def _word_file(expanded_mb: int = 0) -> bytes:
    """A Word (.docx) file whose document part holds ``expanded_mb`` megabytes of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("word/_rels/document.xml.rels", "<Relationships/>")
        with archive.open("word/document.xml", "w") as part:
            part.write(b"<w:document>Our letter from the council</w:document>")
            for _ in range(expanded_mb):
                part.write(b"\0" * (1024 * 1024))
    return buffer.getvalue()


@pytest.mark.django_db
def test_word_file_that_expands_to_200mb_is_refused_when_uploaded(client):
    bomb = _word_file(expanded_mb=200)
    assert len(bomb) < 1024 * 1024, "small on the wire"

    response = client.post(URL, {"file": SimpleUploadedFile("report.docx", bomb, DOCX)})

    assert response.status_code == 400
    assert "The file ‘report.docx’ is too big when opened" in response.content.decode()
    assert not Evidence.objects.exists()


@pytest.mark.django_db
def test_word_file_that_expands_1000_times_is_refused_when_under_the_total_cap(client):
    bomb = _word_file(expanded_mb=20)  # 20MB from about 20KB

    response = client.post(URL, {"file": SimpleUploadedFile("minutes.docx", bomb, DOCX)})

    assert response.status_code == 400
    assert "The file ‘minutes.docx’ is too big when opened" in response.content.decode()
    assert not Evidence.objects.exists()


@pytest.mark.django_db
def test_ordinary_word_file_is_accepted_when_uploaded(client):
    response = client.post(URL, {"file": SimpleUploadedFile("letter.docx", _word_file(), DOCX)})

    assert response.status_code == 302
    assert Evidence.objects.get().content_type == DOCX


@pytest.mark.django_db
def test_uploads_from_one_address_stop_when_the_hourly_limit_is_reached(client):
    # each upload from a new browser (a new draft), all from the same address
    for n in range(MAX_UPLOADS_PER_IP_PER_HOUR):
        browser = Client(REMOTE_ADDR="198.51.100.7")
        response = browser.post(URL, {"file": SimpleUploadedFile(f"p{n}.png", PNG)})
        assert response.status_code == 302, n

    over = Client(REMOTE_ADDR="198.51.100.7").post(
        URL, {"file": SimpleUploadedFile("more.png", PNG)}
    )

    assert over.status_code == 429
    assert "You have uploaded a lot of files in a short time" in over.content.decode()
    assert Evidence.objects.count() == MAX_UPLOADS_PER_IP_PER_HOUR
    other = Client(REMOTE_ADDR="198.51.100.8").post(URL, {"file": SimpleUploadedFile("o.png", PNG)})
    assert other.status_code == 302, "another address is not held back"


@pytest.mark.django_db
def test_files_of_one_draft_are_refused_when_they_pass_20mb_in_total(client):
    nine_mb = PDF + b"0" * (9 * 1024 * 1024)
    for n in range(2):
        ok = client.post(URL, {"file": SimpleUploadedFile(f"scan{n}.pdf", nine_mb)})
        assert ok.status_code == 302

    third = client.post(URL, {"file": SimpleUploadedFile("scan2.pdf", nine_mb)})

    assert third.status_code == 400
    assert "Your files must be smaller than 20MB in total" in third.content.decode()
    assert ReferralDraft.objects.get().evidence.count() == 2
    assert "scan0.pdf" in third.content.decode(), "the files already sent are still listed"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks under threads: PostgreSQL (CI runs it)"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_only_five_files_are_stored_when_eight_are_uploaded_to_one_draft_at_once():
    draft = ReferralDraft.objects.create()
    start = threading.Barrier(8)
    refused: list[str] = []

    def upload(n: int) -> None:
        try:
            start.wait()
            services.evidence_add(
                draft=draft, upload=SimpleUploadedFile(f"p{n}.png", PNG), ip=f"203.0.113.{n}"
            )
        except ValidationError as error:
            refused.extend(error.messages)
        finally:
            connection.close()

    threads = [threading.Thread(target=upload, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert draft.evidence.count() == 5
    assert refused == ["You can only send 5 files"] * 3
