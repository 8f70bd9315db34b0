"""The GOV.UK error summary for any Django form."""

from django import forms, template

register = template.Library()


@register.inclusion_tag("components/error_summary.html")
def error_summary(form: forms.BaseForm) -> dict[str, object]:
    """Lists every error with a link to its field; non-field errors link to the first field."""
    items: list[dict[str, str]] = []
    visible = form.visible_fields()
    first_id = visible[0].id_for_label if visible else ""
    for error in form.non_field_errors():
        items.append({"text": error, "href": f"#{first_id}" if first_id else ""})
    for field in visible:
        for error in field.errors:
            items.append({"text": error, "href": f"#{field.id_for_label}"})
    return {"items": items}
