"""Images and documents uploaded in the admin never run as code on the hub's address."""

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from improvement_hub.cms.views import serve_media

pytestmark = pytest.mark.django_db

SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>fetch('/admin/users/')</script></svg>"
)
HTML_PAGE = b"\xef\xbb\xbf  <!DOCTYPE html><html><script>alert(document.cookie)</script></html>"


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


def _upload(client, url_name: str, name: str, content: bytes, content_type: str) -> dict:  # type: ignore[no-untyped-def]
    response = client.post(
        reverse(url_name),
        {
            "files[]": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    return json.loads(response.content)


def test_svg_image_upload_is_refused_with_a_message_when_it_contains_script(hub_team_client):
    result = _upload(
        hub_team_client, "wagtailimages:add_multiple", "logo.svg", SVG_WITH_SCRIPT, "image/svg+xml"
    )

    assert result["success"] is False
    assert "SVG images are not accepted" in result["error_message"]
    assert not Image.objects.exists()
    # a raster image still goes in
    result = _upload(hub_team_client, "wagtailimages:add_multiple", "logo.png", _png(), "image/png")
    assert result["success"] is True
    assert Image.objects.get().title == "logo.png"


def test_svg_image_upload_is_refused_when_it_is_renamed_as_a_png(hub_team_client):
    result = _upload(
        hub_team_client, "wagtailimages:add_multiple", "logo.png", SVG_WITH_SCRIPT, "image/png"
    )

    assert result["success"] is False
    assert "The selected file must be a png image" in result["error_message"]
    assert not Image.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("notes.txt", HTML_PAGE, "text/plain"),
        ("report.pdf", SVG_WITH_SCRIPT, "application/pdf"),
        ("notes.txt", "<svg onload=alert(1)>".encode("utf-16"), "text/plain"),
    ],
)
def test_document_upload_is_refused_with_a_message_when_its_content_is_markup(
    hub_team_client, name, content, content_type
):
    result = _upload(hub_team_client, "wagtaildocs:add_multiple", name, content, content_type)

    assert result["success"] is False
    assert "must not be a web page, SVG or XML file" in result["error_message"]
    assert not Document.objects.exists()
    # the same name with ordinary content still goes in
    result = _upload(
        hub_team_client, "wagtaildocs:add_multiple", name, b"%PDF-1.4 Pilot", "text/plain"
    )
    assert result["success"] is True


def test_served_document_is_a_download_that_cannot_run_script_when_it_is_a_pdf(client):
    document = Document.objects.create(
        title="Plan", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="plan.pdf")
    )

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_media_served_by_django_is_a_download_that_cannot_run_script_when_debugging(settings):
    (settings.MEDIA_ROOT / "images").mkdir(parents=True)
    (settings.MEDIA_ROOT / "images" / "old.svg").write_bytes(SVG_WITH_SCRIPT)
    request = RequestFactory().get("/media/images/old.svg")

    response = serve_media(request, "images/old.svg", document_root=settings.MEDIA_ROOT)

    assert response.status_code == 200
    assert response["Content-Disposition"] == "attachment"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_media_never_serves_documents_directly_when_debugging(settings):
    # documents go through Wagtail's view, which checks who may see them
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "private.pdf").write_bytes(b"%PDF-1.4")
    request = RequestFactory().get("/media/documents/private.pdf")

    with pytest.raises(Http404):
        serve_media(request, "documents/private.pdf", document_root=settings.MEDIA_ROOT)
