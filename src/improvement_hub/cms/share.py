"""What a page says about itself when it is shared: Open Graph and Twitter card meta.

Reads no more than the branding already read for the header, except the image (one or two
queries, and only when an image is set).
"""

from typing import Any

from django.http import HttpRequest

from improvement_hub.cms.selectors import branding_for_request

SHARE_IMAGE_SPEC = "fill-1200x630"


def _image(request: HttpRequest, image: Any, alt: str) -> dict[str, str] | None:
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    except Exception:  # noqa: BLE001 - a missing file never breaks the page
        return None
    return {"url": request.build_absolute_uri(rendition.url), "alt": alt}


def share_meta(request: HttpRequest | None, *, page: Any = None) -> dict[str, Any] | None:
    """Title, description, address and image of what is shown; None without a request."""
    if request is None:
        return None
    branding = branding_for_request(request)
    title = branding.service_name
    description = branding.strapline
    image = None
    if page is not None and hasattr(page, "get_url"):
        title = getattr(page, "seo_title", "") or getattr(page, "title", "") or title
        description = (
            getattr(page, "search_description", "")
            or getattr(page, "summary", "")
            or getattr(page, "intro", "")
            or description
        )
        if getattr(page, "image_id", None):
            image = _image(request, page.image, page.image_alt_text)
    if image is None and branding.social_image_id:
        image = _image(request, branding.social_image, branding.social_image_alt_text)
    return {
        "title": title,
        "description": description,
        "url": request.build_absolute_uri(request.path),
        "site_name": branding.service_name,
        "type": "article" if getattr(page, "first_published_on", None) else "website",
        "image": image,
        "card": "summary_large_image" if image else "summary",
    }
