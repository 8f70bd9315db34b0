"""The GOV.UK error summary for any Django form."""

from datetime import datetime
from typing import Any

from django import forms, template
from django.core.paginator import Page

register = template.Library()


def _first_input_id(field: forms.BoundField) -> str:
    """The id to link to: for radios and checkboxes, the first option (numbered from 1,
    as the crispy-forms-gds templates and our components number them)."""
    widget = field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"id_{field.html_name}_1"
    return field.id_for_label or field.auto_id or ""


@register.simple_tag
def elided_pages(page: Page[Any]) -> list[int | str]:
    """Page numbers around the current page, with ellipses, for GOV.UK pagination."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))


@register.inclusion_tag("components/error_summary.html")
def error_summary(form: forms.BaseForm) -> dict[str, object]:
    """Lists every error with a link to its field; non-field errors link to the first field."""
    items: list[dict[str, object]] = []
    visible = form.visible_fields()
    first_id = visible[0].id_for_label if visible else ""
    for error in form.non_field_errors():
        items.append({"text": error, "href": f"#{first_id}" if first_id else ""})
    for field in visible:
        for error in field.errors:
            items.append({"text": error, "href": f"#{_first_input_id(field)}"})
    return {"items": items}


@register.filter
def get_item(mapping: object, key: object) -> object:
    """``mapping[key]`` in a template, or an empty string."""
    get = getattr(mapping, "get", None)
    return get(str(key), "") if get is not None else ""


@register.filter
def govuk_datetime(value: datetime | None) -> str:
    """‘25 November 2026 at 6:15am’, in local time, as GOV.UK writes dates and times."""
    from django.utils import timezone

    if not value:
        return ""
    local = timezone.localtime(value)
    hour = local.hour % 12 or 12
    suffix = "am" if local.hour < 12 else "pm"
    clock = f"{hour}{suffix}" if local.minute == 0 else f"{hour}:{local.minute:02d}{suffix}"
    if local.hour == 12 and local.minute == 0:
        clock = "midday"
    return f"{local.day} {local:%B %Y} at {clock}"
