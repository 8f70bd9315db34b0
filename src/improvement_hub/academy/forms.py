"""The Academy's input boundary: each form is bound by its page and by its API endpoint."""

from typing import Any

from django import forms
from django.core.validators import URLValidator

from improvement_hub.academy.models import SHORT_MAX, TITLE_MAX, Course, Feedback, Level, Skill
from improvement_hub.academy.services import SessionData
from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.spaces.selectors import space_list_bookable

DATETIME_HINT = "For example, 2027-03-14 09:30 (UK time)"
DATETIME_FORMATS = ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"]


class CourseForm(GovUKFormMixin, forms.Form):
    """A new course: the Hub Team add the rest in the admin."""

    title = forms.CharField(max_length=TITLE_MAX)
    summary = forms.CharField(max_length=SHORT_MAX, widget=forms.Textarea(attrs={"rows": 4}))
    level = forms.ChoiceField(choices=Level.choices)

    def course_data(self) -> dict[str, Any]:
        return {k: self.cleaned_data[k] for k in ("title", "summary", "level")}


def _when(label: str, *, required: bool = True) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=required,
        input_formats=DATETIME_FORMATS,
        help_text=DATETIME_HINT,
        error_messages={
            "invalid": f"Enter the {label.lower()} as a date and time, like 2027-03-14 09:30"
        },
    )


class SessionForm(GovUKFormMixin, forms.Form):
    """A session of a course. ``location`` is an address or an online link."""

    starts_at = _when("Start")
    ends_at = _when("End")
    capacity = forms.IntegerField(
        label="Capacity",
        help_text="How many places",
        error_messages={"invalid": "Enter the capacity as a whole number, like 12"},
    )
    location = forms.CharField(
        label="Address or online link",
        max_length=300,
        required=False,
        help_text="Leave empty if not yet known",
    )
    space = forms.ChoiceField(
        label="Or one of the hub's spaces (optional)",
        required=False,
        help_text="It is booked for the session. Choosing another space books that one "
        "first, then lets the old one go",
        error_messages={"invalid_choice": "Choose one of the hub's spaces from the list"},
    )
    booking_deadline = _when("Booking deadline", required=False)
    cancellation_deadline = _when("Cancellation deadline", required=False)
    partner_trainers = forms.CharField(label="Partner trainers", max_length=200, required=False)

    def __init__(
        self, *args: Any, actor: Any = None, current_space: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.spaces = {str(s.pk): s for s in space_list_bookable(actor)} if actor else {}
        if current_space is not None:
            # the space the session holds stays a choice, so saving other changes keeps it
            self.spaces.setdefault(str(current_space.pk), current_space)
        field = self.fields["space"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101  # declared above
        field.choices = [("", "None")] + [(pk, s.name) for pk, s in self.spaces.items()]

    def session_data(self) -> SessionData:
        data = self.cleaned_data
        location = (data.get("location") or "").strip()
        is_link = location.startswith(("https://", "http://"))
        if is_link:
            try:
                URLValidator()(location)
            except forms.ValidationError:
                is_link = False
        return SessionData(
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            capacity=data["capacity"],
            address="" if is_link else location,
            online_url=location if is_link else "",
            booking_deadline=data.get("booking_deadline"),
            cancellation_deadline=data.get("cancellation_deadline"),
            partner_trainers=data.get("partner_trainers") or "",
            space=self.spaces.get(data.get("space") or ""),
        )


class BookForForm(GovUKFormMixin, forms.Form):
    """A line manager books one of their staff (the people they may book, from the
    selector)."""

    person = forms.ChoiceField(label="Who to book")

    def __init__(self, *args: Any, people: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {str(p.pk): p for p in people}
        field = self.fields["person"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101  # declared above
        field.choices = [(pk, p.get_full_name() or p.email) for pk, p in self.people.items()]

    def chosen(self) -> Any:
        return self.people[self.cleaned_data["person"]]


class AttendanceForm(GovUKFormMixin, forms.Form):
    attendance = forms.ChoiceField(
        label="Mark",
        choices=[
            ("attended", "Attended"),
            ("no_show", "Did not attend"),
            ("late_cancellation", "Late cancellation"),
        ],
    )


class FeedbackForm(GovUKFormMixin, forms.ModelForm):
    class Meta:
        model = Feedback
        fields = ["useful", "trainer", "will_use", "comments"]
        labels = {
            "useful": "How useful was the session? (1 not useful, 5 very useful)",
            "trainer": "How good was the trainer? (1 poor, 5 excellent)",
            "will_use": "I will use what I learnt in my work",
            "comments": "What could be better? (optional)",
        }
        widgets = {
            "useful": forms.RadioSelect,
            "trainer": forms.RadioSelect,
            "comments": forms.Textarea(attrs={"rows": 4}),
        }

    def feedback_data(self) -> dict[str, Any]:
        return {k: self.cleaned_data[k] for k in ("useful", "trainer", "will_use", "comments")}


class SelfAssessmentForm(GovUKFormMixin, forms.Form):
    """One question per skill of the framework."""

    def __init__(
        self, *args: Any, skills: list[Skill], current: dict[int, int], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.skills = skills
        for skill in skills:
            self.fields[f"skill_{skill.pk}"] = forms.TypedChoiceField(
                label=skill.name,
                help_text=skill.description,
                choices=[(str(n), label) for n, label in Skill.LEVELS],
                coerce=int,
                initial=str(current[skill.pk]) if skill.pk in current else None,
                widget=forms.RadioSelect,
            )

    def levels(self) -> dict[Skill, int]:
        return {skill: self.cleaned_data[f"skill_{skill.pk}"] for skill in self.skills}


class EvidenceForm(GovUKFormMixin, forms.Form):
    link = forms.CharField(
        label="Link to the PDSA cycle you led",
        max_length=300,
        help_text="The address of its page in this hub, starting /initiatives/",
    )
    note = forms.CharField(label="What you tested (optional)", max_length=300, required=False)


__all__ = [
    "AttendanceForm",
    "BookForForm",
    "Course",
    "CourseForm",
    "EvidenceForm",
    "FeedbackForm",
    "SelfAssessmentForm",
    "SessionForm",
]
