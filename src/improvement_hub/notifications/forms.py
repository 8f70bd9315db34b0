"""The email settings form, in GOV.UK wording."""

from typing import Any

from django import forms

from improvement_hub.core.forms import GovUKFormMixin
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
    email_frequency = forms.ChoiceField(
        label="How often do you want emails?",
        help_text="We always show new notifications here, whatever you choose.",
        choices=EmailFrequency.choices,
        widget=FirstRadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email_frequency"].error_messages["required"] = (
            "Select how often you want emails"
        )
        self.fields["email_frequency"].error_messages["invalid_choice"] = (
            "Select how often you want emails"
        )
