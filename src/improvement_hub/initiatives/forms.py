"""Forms for initiatives and their parts, in GOV.UK wording."""

from typing import TYPE_CHECKING, Any, cast

from django import forms

from improvement_hub.accounts import selectors as people
from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.council import selectors as council
from improvement_hub.council.choices import ChangeScale
from improvement_hub.ideas import selectors as ideas
from improvement_hub.initiatives import models as m
from improvement_hub.lab import selectors as lab

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User
    from improvement_hub.ideas.models import Idea

# Choices of council data are posted by slug, so the page and the API (which names
# priorities, directorates, services, organisations and challenges by slug) share a form.
SLUG = "slug"


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
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
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
        choices=m.Method.choices,
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


def _measures_field(initiative: m.Initiative, label: str) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=initiative.measures.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def _choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """A form's field for a foreign key, as the model form made it."""
    return cast(forms.ModelChoiceField, form.fields[name])


class PartForm(GovUKFormMixin, forms.ModelForm):
    """A form for one part of an initiative; ``relations`` are its many-to-many fields."""

    relations: tuple[str, ...] = ()

    def __init__(
        self, *args: Any, initiative: m.Initiative, actor: "User | None" = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.initiative = initiative
        self.actor = actor
        # the model's checks see the initiative; the service validates the whole row again
        self.instance.initiative = initiative
        for name, field in self.fields.items():
            if isinstance(field, forms.DateField):
                field.widget = DateInput()
                field.input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
                field.error_messages["invalid"] = f"{field.label} must be a real date"
                field.help_text = field.help_text or "For example, 2017-03-27"
            if name in self.relations:
                self.fields[name] = _measures_field(
                    initiative, str(field.label).capitalize() + " (optional)"
                )


class MilestoneForm(PartForm):
    class Meta:
        model = m.Milestone
        fields = ["title", "due_on", "done_on"]
        labels = {"due_on": "Due date", "done_on": "Date done (optional)"}


class RiskForm(PartForm):
    class Meta:
        model = m.Risk
        fields = ["description", "likelihood", "impact", "mitigation", "owner", "is_closed"]
        labels = {
            "mitigation": "Mitigation (optional)",
            "owner": "Owner (optional)",
            "is_closed": "This risk is closed",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "mitigation": forms.Textarea(attrs={"rows": 3}),
        }


class BenefitForm(PartForm):
    class Meta:
        model = m.Benefit
        fields = ["kind", "description", "planned", "forecast", "realised"]
        labels = {
            "kind": "Type of benefit",
            "planned": "Planned (£ or hours a year)",
            "forecast": "Forecast (optional)",
            "realised": "Realised so far (optional)",
        }
        widgets = {"kind": forms.RadioSelect}


class StatusUpdateForm(PartForm):
    class Meta:
        model = m.StatusUpdate
        fields = ["on", "rag", "summary"]
        labels = {"summary": "What has happened, and what is next"}
        widgets = {"rag": forms.RadioSelect, "summary": forms.Textarea(attrs={"rows": 4})}


class PrototypeForm(PartForm):
    class Meta:
        model = m.Prototype
        fields = [
            "title",
            "hypothesis",
            "tested_with",
            "fidelity",
            "tested_on",
            "findings",
            "decision",
        ]
        labels = {
            "tested_with": "What was tested, with whom (optional)",
            "tested_on": "Date tested (optional)",
            "findings": "Findings (optional)",
            "decision": "Decision (optional)",
        }
        widgets = {
            "hypothesis": forms.Textarea(attrs={"rows": 3}),
            "tested_with": forms.Textarea(attrs={"rows": 3}),
            "findings": forms.Textarea(attrs={"rows": 4}),
            "fidelity": forms.RadioSelect,
        }


class PdsaCycleForm(PartForm):
    relations = ("measures",)

    class Meta:
        model = m.PdsaCycle
        fields = [
            "title",
            "question",
            "prediction",
            "starts_on",
            "do_notes",
            "study_notes",
            "act",
            "measures",
        ]
        labels = {
            "starts_on": "Start date",
            "do_notes": "Do: what happened (optional)",
            "study_notes": "Study: the results against the prediction (optional)",
            "act": "Act: the decision (optional)",
            "measures": "measures it is marked on",
        }
        widgets = {
            "question": forms.Textarea(attrs={"rows": 2}),
            "prediction": forms.Textarea(attrs={"rows": 2}),
            "do_notes": forms.Textarea(attrs={"rows": 3}),
            "study_notes": forms.Textarea(attrs={"rows": 3}),
        }


class PilotForm(PartForm):
    relations = ("measures",)

    class Meta:
        model = m.Pilot
        fields = [
            "title",
            "site",
            "service",
            "starts_on",
            "ends_on",
            "success_criteria",
            "measures",
            "evaluation",
        ]
        labels = {
            "site": "Site or team (optional)",
            "service": "Service (optional)",
            "starts_on": "Start date",
            "ends_on": "End date",
            "measures": "measures of success",
            "evaluation": "Evaluation (optional)",
        }
        widgets = {
            "success_criteria": forms.Textarea(attrs={"rows": 3}),
            "evaluation": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "The end date must be the same as or after the start date")
        return data


class MeasureForm(PartForm):
    class Meta:
        model = m.Measure
        fields = [
            "name",
            "kind",
            "unit",
            "definition",
            "improvement_direction",
            "target",
            "baseline_points",
            "screen_outliers",
        ]
        labels = {
            "definition": "How it is measured (optional)",
            "improvement_direction": "Which way is better",
            "target": "Target (optional)",
            "baseline_points": "Points in the baseline (optional)",
            "screen_outliers": "Screen moving-range outliers when setting limits",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "improvement_direction": forms.RadioSelect,
            "definition": forms.Textarea(attrs={"rows": 2}),
        }


class PersonField(forms.ModelChoiceField):
    """A choice of person with an account, each named as ``actor`` may see them."""

    def __init__(self, *args: Any, actor: "User | None", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.error_messages["invalid_choice"] = (
            "Choose a member of council staff or of a partner organisation"
        )

    def label_from_instance(self, obj: Any) -> str:
        return people.person_label(actor=self.actor, person=obj) or "Name not given"


class TeamMemberForm(PartForm):
    class Meta:
        model = m.TeamMember
        fields = ["role", "user", "name", "organisation"]
        labels = {
            "user": "Person with an account (optional)",
            "name": "Or their name (optional)",
            "organisation": "Organisation (optional)",
        }
        widgets = {"role": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "organisation").to_field_name = SLUG  # as the API names them
        # only people the actor may put on a team (staff and partners), named as the actor
        # may see them; a person already on the team stays choosable for their own row
        choosable = people.people_for_team_list(actor=self.actor)
        if self.instance.user_id:
            choosable = choosable | choosable.model.objects.filter(pk=self.instance.user_id)
        self.fields["user"] = PersonField(
            queryset=choosable,
            actor=self.actor,
            label=self.fields["user"].label,
            required=False,
            help_text="Council staff and partners with an account on the hub.",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        unnamed = not data.get("user") and not (data.get("name") or "").strip()
        if unnamed and not self.has_error("user"):  # a refused person already has a message
            self.add_error("user", "Choose a person with an account or enter their name")
        return data


class TrainingNeedForm(PartForm):
    class Meta:
        model = m.TrainingNeed
        fields = ["need", "who", "pilot"]
        labels = {"who": "Who needs it (optional)", "pilot": "For a pilot (optional)"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "pilot").queryset = self.initiative.pilots.all()


PARTS: dict[str, tuple[type[PartForm], str, str]] = {
    # slug in the URL: (form, singular, the heading of its section on the initiative page)
    "team": (TeamMemberForm, "team member", "team"),
    "milestones": (MilestoneForm, "milestone", "milestones"),
    "risks": (RiskForm, "risk", "risks"),
    "benefits": (BenefitForm, "benefit", "benefits"),
    "updates": (StatusUpdateForm, "status update", "status-updates"),
    "prototypes": (PrototypeForm, "prototype", "prototypes"),
    "pdsa": (PdsaCycleForm, "PDSA cycle", "pdsa-cycles"),
    "pilots": (PilotForm, "pilot", "pilots"),
    "measures": (MeasureForm, "measure", "measures"),
    "training": (TrainingNeedForm, "training need", "training"),
}


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
