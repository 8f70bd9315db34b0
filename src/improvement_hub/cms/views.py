"""Uploaded media files, when Django serves them (in development, ``DEBUG=true``).

In production the proxy serves ``MEDIA_ROOT`` with the same headers (docs/operations.md).
"""

from django.http import Http404, HttpRequest, HttpResponseBase
from django.views.static import serve

from improvement_hub.cms.uploads import SERVED_AS_DOWNLOAD_HEADERS


def serve_media(
    request: HttpRequest, path: str, document_root: str | None = None
) -> HttpResponseBase:
    """An uploaded file as a download that never runs as a page of the hub.

    Images still show in pages: browsers ignore ``Content-Disposition`` for ``<img>``.
    Documents are only served through Wagtail's view, which checks who may see them.
    """
    if path.replace("\\", "/").lstrip("/").startswith("documents/"):
        raise Http404
    response = serve(request, path, document_root=document_root)
    for header, value in SERVED_AS_DOWNLOAD_HEADERS.items():
        response[header] = value
    return response
