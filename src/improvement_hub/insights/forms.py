"""The dashboard's one input boundary: the period, priority and directorate it shows."""

from django import forms

from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.council import selectors as council
from improvement_hub.insights.periods import PERIOD_CHOICES, Period, period_for


class DashboardFilterForm(GovUKFormMixin, forms.Form):
    """Read from the query string; a value it does not know gives an error and the default."""

    period = forms.ChoiceField(label="Period", choices=PERIOD_CHOICES, required=False)
    # No answer cleans to None; ``choice`` reads that as 0 (all).
    priority = forms.TypedChoiceField(
        label="Priority", coerce=int, empty_value=None, required=False
    )
    directorate = forms.TypedChoiceField(
        label="Directorate", coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.priority_names = {p.pk: p.name for p in council.priority_list()}
        self.directorate_names = {d.pk: d.name for d in council.directorate_list()}
        priority, directorate = self.fields["priority"], self.fields["directorate"]
        assert isinstance(priority, forms.ChoiceField)  # noqa: S101  # declared above
        assert isinstance(directorate, forms.ChoiceField)  # noqa: S101  # declared above
        priority.choices = [("", "All priorities"), *self.priority_names.items()]
        directorate.choices = [
            ("", "All directorates"),
            *self.directorate_names.items(),
        ]

    def choice(self) -> tuple[Period, int, int]:
        """The period, priority id and directorate id to show (0: all); defaults for any
        answer that is not valid."""
        data = self.cleaned_data if self.is_valid() else {}
        period = period_for(data.get("period") or "")
        return period, data.get("priority") or 0, data.get("directorate") or 0

    def describe(self) -> str:
        _period, priority, directorate = self.choice()
        parts = [self.priority_names.get(priority, "all priorities")]
        parts.append(self.directorate_names.get(directorate, "all directorates"))
        return ", ".join(parts)
