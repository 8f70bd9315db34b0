"""Template tags for the site chrome: branding, navigation and footer links."""

from typing import Any

from django import template
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from improvement_hub.cms import share
from improvement_hub.cms.models import BrandingSettings
from improvement_hub.cms.selectors import (
    MeasureChart,
    branding_for_request,
    footer_links,
    main_navigation,
)

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


@register.simple_tag
def measure_chart_svg(chart: MeasureChart, *, prefix: object) -> SafeString:
    """The initiatives app's XmR chart of a measure, with ids of its own (``prefix``) so
    that several charts on one page keep their titles and descriptions apart."""
    ids = f"chart-{prefix}"
    html: str = render_to_string(
        "initiatives/includes/xmr_chart.html",
        {"chart": chart.chart, "measure": chart.measure, "summary": chart.summary, "chart_id": ids},
    )
    return mark_safe(html)  # noqa: S308  # rendered by a template, escaped there


@register.inclusion_tag("cms/includes/share_meta.html", takes_context=True)
def hub_share_meta(context: template.Context) -> dict[str, Any]:
    """Open Graph and Twitter card tags for the page being shown."""
    request: HttpRequest | None = context.get("request")
    return {"share": share.share_meta(request, page=context.get("page"))}


__all__ = [
    "hub_branding",
    "hub_footer_links",
    "hub_navigation",
    "hub_share_meta",
    "measure_chart_svg",
    "register",
]
