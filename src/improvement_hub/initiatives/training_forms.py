"""Forms for training requirements (issue 11). Courses and pathways come from the Change
Academy's selectors; people from accounts' selectors."""

from typing import Any

from django import forms

from improvement_hub.academy import selectors as academy
from improvement_hub.academy.forms import SessionForm
from improvement_hub.accounts.selectors import people_for_team_list, person_label
from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.initiatives.models import Pilot
from improvement_hub.initiatives.training import RequirementData


class RequirementForm(GovUKFormMixin, forms.Form):
    need = forms.CharField(label="Training needed", max_length=300)
    course = forms.ModelChoiceField(
        queryset=academy.course_list_for_user(None).none(),
        required=False,
        label="Change Academy course (optional)",
    )
    pathway = forms.ModelChoiceField(
        queryset=academy.pathway_list_all().none(),
        required=False,
        label="Or a pathway (optional)",
    )
    pilot = forms.ModelChoiceField(
        queryset=Pilot.objects.none(), required=False, label="For a pilot (optional)"
    )
    people = forms.ModelMultipleChoiceField(
        queryset=people_for_team_list(actor=None),
        required=False,
        label="Named people (optional)",
        widget=forms.CheckboxSelectMultiple,
    )
    who = forms.CharField(
        label="Or a role (optional)",
        max_length=200,
        required=False,
        help_text="For example, all staff at the pilot site",
    )
    count = forms.IntegerField(
        label="How many people (optional)",
        required=False,
        min_value=1,
        max_value=10_000,
        error_messages={
            "invalid": "Enter how many people as a whole number, like 8",
            "min_value": "Enter 1 or more people",
            "max_value": "Enter 10,000 people or fewer",
        },
    )
    needed_by = forms.DateField(
        label="Needed by (optional)",
        required=False,
        help_text="For example, 2027-03-01",
        error_messages={"invalid": "Enter the date as year-month-day, like 2027-03-01"},
    )

    def __init__(self, *args: Any, initiative: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._field("course").queryset = academy.course_list_for_user(actor)
        self._field("pathway").queryset = academy.pathway_list_all()
        self._field("pilot").queryset = initiative.pilots.all()
        people = self._field("people")
        people.queryset = people_for_team_list(actor=actor)
        people.label_from_instance = lambda p: person_label(actor=actor, person=p)
        # long course and pilot titles: a select never wider than the page (320 px)
        for name in ("course", "pathway", "pilot"):
            self.fields[name].widget.attrs["class"] = "govuk-!-width-full"

    @staticmethod
    def initial_for(requirement: Any) -> dict[str, Any]:
        """A requirement's answers as the form shows them, to change it."""
        return {
            "need": requirement.need,
            "course": requirement.course_id,
            "pathway": requirement.pathway_id,
            "pilot": requirement.pilot_id,
            "people": [p.pk for p in requirement.people.all()],
            "who": requirement.who,
            "count": requirement.count,
            "needed_by": requirement.needed_by,
        }

    def _field(self, name: str) -> Any:
        return self.fields[name]

    def requirement_data(self) -> RequirementData:
        d = self.cleaned_data
        return RequirementData(
            need=d["need"],
            course=d.get("course"),
            pathway=d.get("pathway"),
            pilot=d.get("pilot"),
            people=tuple(d.get("people") or ()),
            who=d.get("who") or "",
            count=d.get("count"),
            needed_by=d.get("needed_by"),
        )


__all__ = ["RequirementForm", "SessionForm"]
