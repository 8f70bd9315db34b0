"""The referral journey's questions, one thing per page, the whole referral the API
takes (the same questions, so the same rules and words), and the Hub Team's triage forms."""

import hashlib
import json
from typing import Any

from django import forms

from improvement_hub.accounts.selectors import hub_team_member_choices, hub_team_member_list
from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.council.selectors import (
    priority_list,
    priority_list_active,
    service_choices_active,
    service_list,
    service_list_active,
)
from improvement_hub.lab import selectors, services
from improvement_hub.lab.evidence import ALLOWED_TEXT, MAX_FILES
from improvement_hub.lab.models import (
    PROBLEM_MAX,
    TEXT_MAX,
    AffectedCount,
    Agency,
    Challenge,
    RaisedAs,
    ReferralEvent,
)


class _Step(GovUKFormMixin, forms.Form):
    """A page of the journey. ``to_answers``/``from_answers`` keep the draft JSON-safe."""

    title = ""

    def to_answers(self) -> dict[str, object]:
        return dict(self.cleaned_data)

    @classmethod
    def from_answers(cls, answers: dict[str, object]) -> dict[str, object]:
        return {name: answers.get(name) for name in cls.base_fields if name in answers}


class WhoForm(_Step):
    title = "Who is raising this problem?"
    raised_as = forms.ChoiceField(label="I am", choices=RaisedAs.choices, widget=forms.RadioSelect)
    organisation_name = forms.CharField(
        label="Name of your group or organisation (if any)", max_length=200, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["raised_as"].error_messages["required"] = "Select who is raising the problem"


class AffectedForm(_Step):
    title = "Who does the problem affect?"
    affected_who = forms.CharField(
        label="Describe the people affected",
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example, ‘older people living alone in tower blocks’. Do not name anyone.",
    )
    affected_count = forms.ChoiceField(
        label="Roughly how many people?", choices=AffectedCount.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["affected_who"].error_messages["required"] = "Describe the people affected"
        self.fields["affected_count"].error_messages["required"] = (
            "Select roughly how many people are affected"
        )


class ProblemForm(_Step):
    title = "What is the problem?"
    problem = forms.CharField(
        label="Describe the problem in your own words",
        max_length=PROBLEM_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="What happens, where, and why it matters. "
        "Do not include names or personal details.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["problem"].error_messages["required"] = "Describe the problem"


class ServicesForm(_Step):
    title = "Which services have you dealt with about it?"
    services = forms.ModelMultipleChoiceField(
        label="Council services",
        queryset=service_list_active(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    agencies = forms.MultipleChoiceField(
        label="Other organisations",
        choices=Agency.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    agencies_other = forms.CharField(label="If someone else, who?", max_length=200, required=False)

    def to_answers(self) -> dict[str, object]:
        data = dict(self.cleaned_data)
        data["services"] = [s.slug for s in data.get("services") or []]
        return data


class TriedForm(_Step):
    title = "What has been tried so far? (optional)"
    tried = forms.CharField(
        label="What has been tried, and what happened",
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class PrioritiesForm(_Step):
    title = "Which of the council's priorities does it touch? (optional)"
    priorities = forms.ModelMultipleChoiceField(
        label="Priorities",
        queryset=priority_list_active(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def to_answers(self) -> dict[str, object]:
        return {"priorities": [p.slug for p in self.cleaned_data.get("priorities") or []]}


class EvidenceForm(GovUKFormMixin, forms.Form):
    file = forms.FileField(
        label="Upload a file",
        help_text=f"Optional. Up to {MAX_FILES} files, each {ALLOWED_TEXT}, smaller than 10MB, "
        "and 20MB in total.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].error_messages["required"] = "Select a file to upload"
        self.fields["file"].error_messages["empty"] = "The selected file is empty"


class ContactForm(_Step):
    title = "How can we contact you?"
    contact_name = forms.CharField(label="Your name (optional)", max_length=120, required=False)
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We will send you a link to confirm it, and a link to track your referral.",
    )
    phone = forms.CharField(label="Phone number (optional)", max_length=30, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages["required"] = "Enter your email address"
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.com"
        )
        self.fields["email"].widget.attrs.update(autocomplete="email", spellcheck="false")
        self.fields["contact_name"].widget.attrs.update(autocomplete="name")
        self.fields["phone"].widget.attrs.update(autocomplete="tel", type="tel")


class SignedInContactForm(ContactForm):
    """The contact page for a signed-in resident: their account's verified email address
    is used, so it is neither asked for nor confirmed again."""

    def __init__(self, *args: Any, account_email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.account_email = account_email
        del self.fields["email"]

    def to_answers(self) -> dict[str, object]:
        return {**self.cleaned_data, "email": self.account_email}


class ConsentForm(_Step):
    title = "Using your information"
    consent = forms.BooleanField(
        label="I agree to the council using my answers to look into this problem, and "
        "contacting me about it",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].error_messages["required"] = (
            "Confirm that you agree to us using your information"
        )


STEPS: list[tuple[str, type[_Step]]] = [
    ("who", WhoForm),
    ("affected", AffectedForm),
    ("problem", ProblemForm),
    ("services", ServicesForm),
    ("tried", TriedForm),
    ("priorities", PrioritiesForm),
    ("contact", ContactForm),
    ("consent", ConsentForm),
]
STEP_FORMS = dict(STEPS)


class ReferralForm(
    ConsentForm,
    ContactForm,
    PrioritiesForm,
    TriedForm,
    ServicesForm,
    ProblemForm,
    AffectedForm,
    WhoForm,
):
    """A whole referral: every question of the journey in one form, with the journey's
    fields, rules and messages. The API binds it; the journey's last page binds it to the
    saved answers before sending, so both hand the service the same ``ReferralData``.

    A referral needs the problem, an email address and consent. The journey asks who is
    affected on a page of its own and wants an answer there; a referral sent another
    way may leave it out."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("affected_who", "affected_count"):
            self.fields[name].required = False

    def referral_data(self) -> services.ReferralData:
        data = self.cleaned_data
        return services.ReferralData(
            problem=data["problem"],
            email=data["email"],
            consent=data["consent"],
            raised_as=data["raised_as"],
            organisation_name=data["organisation_name"],
            affected_who=data["affected_who"],
            affected_count=data["affected_count"],
            services=tuple(data["services"]),
            agencies=tuple(data["agencies"]),
            agencies_other=data["agencies_other"],
            tried=data["tried"],
            priorities=tuple(data["priorities"]),
            contact_name=data["contact_name"],
            phone=data["phone"],
        )


class ReplyForm(GovUKFormMixin, forms.Form):
    message = forms.CharField(
        label="Your reply", max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["message"].error_messages["required"] = "Enter your reply"


DECISION_CHOICES = [
    (ReferralEvent.Kind.ACKNOWLEDGED, "Acknowledge: we are looking at it"),
    (ReferralEvent.Kind.MORE_INFO, "Ask the referrer for more information"),
    (ReferralEvent.Kind.ACCEPTED, "Accept into the Lab (start or join a challenge)"),
    (ReferralEvent.Kind.REFERRED, "Refer to a named council service"),
    (ReferralEvent.Kind.MERGED, "Merge with another referral"),
    (ReferralEvent.Kind.DECLINED, "Decline, with a reason"),
]

# The fields only one decision has: shown under its radio (GOV.UK conditional reveal), and
# read and checked only when that decision is chosen. Message and note belong to all.
DECISION_FIELDS: dict[str, tuple[str, ...]] = {
    ReferralEvent.Kind.ACCEPTED: ("challenge", "new_challenge_title"),
    ReferralEvent.Kind.REFERRED: ("service",),
    ReferralEvent.Kind.MERGED: ("merge_into",),
}
_EMPTY: dict[str, object] = {
    "challenge": None,
    "new_challenge_title": "",
    "service": None,
    "merge_into": "",
}


class DecisionForm(GovUKFormMixin, forms.Form):
    """Choose the decision first; each decision's own fields sit under its radio. With
    JavaScript the others are hidden; without it they are all shown, grouped under their
    radio, and only the chosen decision's are read and checked."""

    kind = forms.ChoiceField(
        label="What do you decide?", choices=DECISION_CHOICES, widget=forms.RadioSelect
    )
    challenge = forms.ModelChoiceField(
        label="Challenge to join",
        queryset=Challenge.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="Start a new challenge",
    )
    new_challenge_title = forms.CharField(
        label="Title of a new challenge (if starting one)", max_length=160, required=False
    )
    service = forms.ModelChoiceField(
        label="Service to refer to",
        queryset=service_list_active(),
        required=False,
        to_field_name="slug",
        empty_label="Choose a service",
    )
    merge_into = forms.CharField(
        label="Reference of the referral to merge into",
        max_length=20,
        required=False,
        help_text="For example IL-2026-000123",
    )
    message = forms.CharField(
        label="Message to the referrer (optional)",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Plain English. It is emailed to them and shown on their tracking page. "
        "Leave it empty to use the standard message for the decision.",
    )
    note = forms.CharField(
        label="Reason or internal note",
        max_length=TEXT_MAX,
        required=False,
        help_text="Not shown to the referrer, except when you decline without writing a "
        "message: then it is the reason given in the standard message.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].error_messages["required"] = "Select a decision"
        self.fields["service"].error_messages["invalid_choice"] = "Select a service from the list"
        self.fields["challenge"].error_messages["invalid_choice"] = (
            "Select a challenge from the list"
        )

    def decision_items(self) -> list[tuple[Any, list[forms.BoundField]]]:
        """Each decision's radio with the fields shown under it (none for most)."""
        return [
            (choice, [self[name] for name in DECISION_FIELDS.get(choice.data["value"], ())])
            for choice in self["kind"]
        ]

    def clean(self) -> dict[str, Any]:
        """Only the chosen decision's own fields count: the others' answers (seen without
        JavaScript) and their problems are dropped."""
        data = super().clean() or {}
        mine = DECISION_FIELDS.get(str(data.get("kind", "")), ())
        for name, empty in _EMPTY.items():
            if name not in mine:
                self.errors.pop(name, None)
                data[name] = empty
        return data

    def decision(self) -> services.Decision:
        """The valid form's answers, for ``services.referral_decide``."""
        data = self.cleaned_data
        reference = data["merge_into"].strip().upper()
        return services.Decision(
            kind=data["kind"],
            message=data["message"],
            note=data["note"],
            challenge=data["challenge"],
            new_challenge_title=data["new_challenge_title"],
            service=data["service"],
            merge_into=selectors.referral_by_reference(reference) if reference else None,
        )

    @property
    def render_key(self) -> str:
        """A key for what the empty form shows, for the referral page to cache its
        rendering (a third of the page's time): the decisions, the active services (read
        once per change, ``council.selectors``) and the challenges' version (one small
        query: a challenge added, changed or removed gives a new key), so the cached form
        is never stale and the choices are read only when it is drawn again."""
        shown = (
            [[str(value), str(label)] for value, label in DECISION_CHOICES],
            service_choices_active(),
            selectors.challenge_version(),
        )
        return hashlib.sha256(json.dumps(shown, default=str).encode()).hexdigest()


class AssignForm(GovUKFormMixin, forms.Form):
    assignee = forms.ModelChoiceField(
        label="Hub Team member",
        queryset=hub_team_member_list(),
        required=False,
        empty_label="Nobody",
    )

    @property
    def render_key(self) -> str:
        """A key for what the form shows (who is chosen, among whom), for the referral
        page to cache its rendering; the members are read once per change
        (``accounts.selectors.hub_team_member_choices``), not on every page."""
        shown = [str(self.initial.get("assignee") or ""), hub_team_member_choices()]
        return hashlib.sha256(json.dumps(shown).encode()).hexdigest()


class TagsForm(GovUKFormMixin, forms.Form):
    """The Hub Team's own view of which services and priorities a referral touches
    (retired ones too: older referrals keep theirs)."""

    services = forms.ModelMultipleChoiceField(
        label="Council services", queryset=service_list(), to_field_name="slug", required=False
    )
    priorities = forms.ModelMultipleChoiceField(
        label="Priorities", queryset=priority_list(), to_field_name="slug", required=False
    )
