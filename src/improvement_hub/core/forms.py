"""One route for form wording: GOV.UK error messages and no placeholder text."""

from django import forms


def _noun(field: forms.Field, name: str) -> str:
    label = str(field.label or name.replace("_", " "))
    return label[0].lower() + label[1:] if label[:2] != label[:2].upper() else label


class GovUKFormMixin:
    """Gives every field GOV.UK-style error messages and removes placeholders.

    "Enter your email address", "Select a priority": messages say what to do, not
    what went wrong. Forms may still set their own messages per field.
    """

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            field.widget.attrs.pop("placeholder", None)
            noun = _noun(field, name)
            if "required" not in getattr(field, "_hub_custom_messages", ()):
                verb = (
                    "Select"
                    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField)
                    else "Enter"
                )
                if isinstance(field, forms.BooleanField):
                    field.error_messages["required"] = f"Confirm {noun}"
                else:
                    field.error_messages["required"] = f"{verb} {noun}"
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = (
                    f"{noun[0].upper()}{noun[1:]} must be {field.max_length} characters or fewer"
                )


def add_service_errors(form: forms.BaseForm, error) -> None:  # type: ignore[no-untyped-def]
    """Puts a service's ValidationError on the form: on its fields where it can."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
