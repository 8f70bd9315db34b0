"""The notification settings form and the list's filters, in GOV.UK wording."""

from typing import Any

from django import forms

from improvement_hub.accounts.types import AnyUser
from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.notifications.kinds import kind_list, kind_list_for_user
from improvement_hub.notifications.models import EmailFrequency


class FirstRadioSelect(forms.RadioSelect):
    """Radios whose error summary link goes to the first radio.

    crispy-forms-gds numbers radios from 1 (``id_field_1``); Django's RadioSelect gives no
    id for the field as a whole, which would leave the error summary link going nowhere.
    """

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        if index is None:
            return f"{id_}_1" if id_ else ""
        return super().id_for_label(id_, index)


class PreferenceForm(GovUKFormMixin, forms.Form):
    """Which kinds a person wants in the hub and by email, and how often emails come.
    Every box starts ticked: a person switches off what they do not want."""

    in_hub = forms.MultipleChoiceField(
        label="Show me in the hub when",
        help_text="Select all that apply.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    by_email = forms.MultipleChoiceField(
        label="Email me when",
        help_text="Select all that apply.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    email_frequency = forms.ChoiceField(
        label="How often do you want emails?",
        help_text="We always show new notifications here, whatever you choose.",
        choices=EmailFrequency.choices,
        widget=FirstRadioSelect,
    )

    def __init__(self, *args: Any, user: AnyUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(kind.key, kind.label) for kind in kind_list_for_user(user)]
        for name in ("in_hub", "by_email"):
            field = self.fields[name]
            assert isinstance(field, forms.MultipleChoiceField)  # noqa: S101  # for mypy
            field.choices = choices
            field.error_messages["invalid_choice"] = "Select only the kinds of notification listed"
        self.fields["email_frequency"].error_messages["required"] = (
            "Select how often you want emails"
        )
        self.fields["email_frequency"].error_messages["invalid_choice"] = (
            "Select how often you want emails"
        )


class NotificationFilterForm(GovUKFormMixin, forms.Form):
    """The notification list's filters; a value that is not a choice is left out."""

    kind = forms.ChoiceField(label="Kind", required=False)
    unread = forms.BooleanField(label="Only unread", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind_field = self.fields["kind"]
        assert isinstance(kind_field, forms.ChoiceField)  # noqa: S101  # for mypy
        kind_field.choices = [("", "All kinds")] + [(k.key, k.label) for k in kind_list()]

    def values(self) -> tuple[str, bool]:
        """(kind, unread) as applied: "" and False for whatever is not valid."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return str(cleaned.get("kind") or ""), bool(cleaned.get("unread"))
