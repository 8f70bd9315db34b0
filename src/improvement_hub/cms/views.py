"""Site-wide files (robots.txt, sitemap.xml), and uploaded media files when Django serves
them (in development, ``DEBUG=true``).

In production the proxy serves ``MEDIA_ROOT`` with the same headers (docs/operations.md).
"""

from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.static import serve

from improvement_hub.cms import sitemaps
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


# Paths a search engine has no business in: sign-in and account pages, the CMS admin, the
# API (and its documentation), and searches and filters of the lists (endless variations).
ROBOTS_DISALLOW = ("/admin/", "/accounts/", "/api/", "/notifications/", "/*?")


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """``robots.txt``: what crawlers may skip, and where the sitemap is."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('cms:sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    """``sitemap.xml``: the CMS's live public pages and the hub's public list pages."""
    return sitemap_views.sitemap(request, sitemaps=sitemaps.sitemaps())
