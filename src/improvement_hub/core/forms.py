"""One route for form wording: GOV.UK error messages and no placeholder text."""

from django import forms
from django.core.validators import ProhibitNullCharactersValidator

from improvement_hub.core.validators import control_characters_message, has_control_characters


def _noun(field: forms.Field, name: str) -> str:
    label = str(field.label or name.replace("_", " "))
    return label[0].lower() + label[1:] if label[:2] != label[:2].upper() else label


def _answer(field: forms.Field, name: str) -> str:
    """What a field's answer is called in a message: "email address", or for a question
    "your answer to ‘What is the problem today?’"."""
    label = str(field.label or name.replace("_", " ")).removesuffix("(optional)").strip()
    if label.endswith("?") or len(label.split()) > 4:
        return f"your answer to ‘{label}’"
    return _noun(field, name)


class GovUKFormMixin:
    """Gives every field GOV.UK-style error messages and removes placeholders, and
    refuses invisible control characters in any text a form takes.

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
            # Django's own NUL check says "Null characters are not allowed."; the check
            # below covers NUL with the other control characters, in our wording.
            field.validators = [
                v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)
            ]

    def _clean_fields(self) -> None:
        super()._clean_fields()  # type: ignore[misc]
        # After every field is cleaned, before the form's own clean(), so no text with a
        # control character reaches a service. add_error keeps what the user typed in
        # the form's data, so the page shows it again with the error.
        for name, value in list(self.cleaned_data.items()):  # type: ignore[attr-defined]
            field = self.fields.get(name)  # type: ignore[attr-defined]
            if field is None or isinstance(field.widget, forms.PasswordInput):
                # Passwords are only hashed, never shown or exported; refusing them
                # would lock out anyone whose password already has one.
                continue
            if has_control_characters(value):
                self.add_error(name, control_characters_message(_answer(field, name)))  # type: ignore[attr-defined]


def add_service_errors(form: forms.BaseForm, error) -> None:  # type: ignore[no-untyped-def]
    """Puts a service's ValidationError on the form: on its fields where it can."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
