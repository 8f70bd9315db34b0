"""Template tags for the site chrome: branding, navigation and footer links."""

from django import template
from django.http import HttpRequest

from improvement_hub.cms.models import BrandingSettings
from improvement_hub.cms.selectors import branding_for_request, footer_links, main_navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def hub_branding(context: template.Context) -> BrandingSettings:
    request: HttpRequest | None = context.get("request")
    return branding_for_request(request)


@register.simple_tag(takes_context=True)
def hub_navigation(context: template.Context) -> list[dict[str, object]]:
    request: HttpRequest | None = context.get("request")
    return main_navigation(request)


@register.simple_tag(takes_context=True)
def hub_footer_links(context: template.Context) -> list[dict[str, str]]:
    request: HttpRequest | None = context.get("request")
    return footer_links(request)


__all__ = ["hub_branding", "hub_footer_links", "hub_navigation", "register"]
