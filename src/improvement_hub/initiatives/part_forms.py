"""Forms for the parts of an initiative (team, milestones, risks, benefits, updates,
prototypes, PDSA cycles, pilots, measures, training needs), in GOV.UK wording."""

from typing import TYPE_CHECKING, Any, cast

from django import forms

from improvement_hub.accounts import selectors as people
from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.initiatives import models as m
from improvement_hub.initiatives.forms import DATE_FORMATS, SLUG, DateInput

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User


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
                field.input_formats = DATE_FORMATS
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
            "lower_bound",
            "upper_bound",
            "baseline_points",
            "screen_outliers",
            "is_published",
        ]
        labels = {
            "definition": "How it is measured (optional)",
            "improvement_direction": "Which way is better",
            "target": "Target (optional)",
            "lower_bound": "Lowest possible value (optional)",
            "upper_bound": "Highest possible value (optional)",
            "baseline_points": "Points in the baseline (optional)",
            "screen_outliers": "Screen moving-range outliers when setting limits",
            "is_published": "Show this measure on the public results page",
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
