"""Forms for initiatives, where they come from, and a measure's values, in GOV.UK wording.
(The forms for an initiative's parts are in part_forms.)"""

from typing import TYPE_CHECKING, Any

from django import forms

from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.council import selectors as council
from improvement_hub.council.choices import ChangeScale
from improvement_hub.ideas import selectors as ideas
from improvement_hub.initiatives import models as m
from improvement_hub.lab import selectors as lab

if TYPE_CHECKING:
    from improvement_hub.ideas.models import Idea

# Choices of council data are posted by slug, so the page and the API (which names
# priorities, directorates, services, organisations and challenges by slug) share a form.
SLUG = "slug"


# Dates as a date input sends them, or as people type them in the UK.
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            attrs={"class": "govuk-input govuk-input--width-10", **(attrs or {})}, format="%Y-%m-%d"
        )


def _date(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    field = forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        help_text=help_text or "For example, 2017-03-27",
        input_formats=DATE_FORMATS,
    )
    field.error_messages["invalid"] = f"{label.removesuffix(' (optional)')} must be a real date"
    return field


class InitiativeForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(label="Title", max_length=m.TITLE_MAX)
    problem = forms.CharField(
        label="Problem statement",
        max_length=m.TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What is wrong today, for whom, and how we know. No personal details.",
    )
    scale = forms.ChoiceField(
        label="Scale of change", choices=ChangeScale.choices, widget=forms.RadioSelect
    )
    strand = forms.ChoiceField(label="Strand", choices=m.Strand.choices, widget=forms.RadioSelect)
    method = forms.ChoiceField(
        label="Method",
        choices=m.ImprovementMethod.choices,
        widget=forms.RadioSelect,
        help_text="The model for improvement tests changes in PDSA cycles; the double diamond "
        "is for redesigning a service with the people who use it.",
    )
    stage = forms.ChoiceField(
        label="Current stage (optional)",
        choices=[("", "The method's first stage"), *m.Stage.choices],
        required=False,
    )
    starts_on = _date("Start date (optional)", required=False)
    ends_on = _date("Expected end date (optional)", required=False)
    priorities = forms.ModelMultipleChoiceField(
        label="Council priorities (optional)",
        queryset=council.priority_list_active(),
        to_field_name=SLUG,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    directorates = forms.ModelMultipleChoiceField(
        label="Directorates involved (optional)",
        queryset=council.directorate_list(),
        to_field_name=SLUG,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    services = forms.ModelMultipleChoiceField(
        label="Services involved (optional)",
        queryset=council.service_list_active(),
        to_field_name=SLUG,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organisations = forms.ModelMultipleChoiceField(
        label="Partner organisations (optional)",
        queryset=council.organisation_list(),
        to_field_name=SLUG,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    redesign_programme = forms.ModelChoiceField(
        label="Service redesign programme (optional)",
        queryset=m.RedesignProgramme.objects.all(),
        required=False,
        empty_label="None",
    )
    is_published = forms.BooleanField(
        label="Publish this initiative",
        required=False,
        help_text="Everyone, including the public, can then see its title and public summary.",
    )
    public_summary = forms.CharField(
        label="Public summary (needed to publish)",
        max_length=m.TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Plain English for residents: no names, no internal detail.",
    )
    resident_outcome = forms.CharField(
        label="What changed for residents (optional)",
        max_length=m.TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown on the public results page beside what the measures show: what "
        "residents now notice, in plain English. No names.",
    )


class SourcesForm(GovUKFormMixin, forms.Form):
    """Where an initiative comes from: idea numbers and Lab challenges."""

    ideas = forms.CharField(
        label="Ideas it comes from (optional)",
        required=False,
        max_length=700,
        help_text="Idea numbers separated by commas, for example 12, 40. Each idea is "
        "answered ‘Taken forward’ with a link to the initiative.",
    )
    challenges = forms.ModelMultipleChoiceField(
        label="Lab challenges it works on (optional)",
        queryset=lab.challenge_list(),
        to_field_name=SLUG,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_ideas(self) -> list["Idea"]:
        text = self.cleaned_data["ideas"].replace(";", ",")
        numbers = []
        for part in (p.strip().lstrip("#") for p in text.split(",")):
            if not part:
                continue
            if not part.isdigit() or len(part) > 12:
                raise forms.ValidationError("Enter idea numbers separated by commas, like 12, 40")
            numbers.append(int(part))
        found = ideas.idea_list_public_by_id(idea_ids=numbers)
        missing = [str(n) for n in numbers if n not in found]
        if missing:
            raise forms.ValidationError(f"There is no idea number {', '.join(missing)}")
        return [found[n] for n in dict.fromkeys(numbers)]


class InitiativeStartForm(InitiativeForm, SourcesForm):
    """An initiative's details with where it comes from, in one form: the API's way to
    start one (the page shows the same two forms under their own headings)."""


class ObservationForm(GovUKFormMixin, forms.Form):
    on = _date("Date")
    value = forms.FloatField(label="Value", validators=[m.validate_value])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["value"].error_messages["invalid"] = (
            "Enter the value as a number, like 12 or 4.5"
        )


class ObservationImportForm(GovUKFormMixin, forms.Form):
    file = forms.FileField(
        error_messages={
            "empty": "The selected file is empty",
            "invalid": "The selected file must be a CSV file",
        },
        label="Upload a CSV file",
        help_text="The first row names the columns ‘date’ and ‘value’. Dates like 2017-03-31. "
        "Up to 5,000 rows and 1 MB. Every row is checked first: nothing is added unless "
        "all are right.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].error_messages["required"] = "Select a CSV file"


class RebaseForm(GovUKFormMixin, forms.Form):
    on = _date("Re-baseline from")
    reason = forms.CharField(
        label="Why the process changed",
        max_length=300,
        help_text="For example, ‘New triage process started’.",
    )


class PilotDecisionForm(GovUKFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label="Your decision", choices=m.Pilot.Decision.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label="The reason, for the team and the record",
        max_length=m.SHORT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
