"""Forms of the Ideas Forum, in GOV.UK wording."""

from typing import Any

from django import forms
from django.utils import timezone

from improvement_hub.accounts.selectors import hub_team_member_list
from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.council.choices import ChangeScale
from improvement_hub.council.selectors import (
    directorate_list,
    priority_list_active,
    service_list_active,
)
from improvement_hub.ideas.models import (
    ANSWER_MAX,
    COMMENT_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Campaign,
    Idea,
    IdeaStatus,
)
from improvement_hub.ideas.services import IdeaData


class IdeaForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(
        label="Give your idea a short title",
        max_length=TITLE_MAX,
        help_text=f"For example, ‘Let tenants book repairs online’. Up to {TITLE_MAX} characters.",
    )
    problem = forms.CharField(
        label="What is the problem today?",
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Who does it affect, and how? Do not include anyone's personal details.",
    )
    proposal = forms.CharField(
        label="What change do you propose?",
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    beneficiaries = forms.CharField(
        label="Who would benefit? (optional)",
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    priorities = forms.ModelMultipleChoiceField(
        label="Which council priorities does it help? (optional)",
        queryset=priority_list_active(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    service = forms.ModelChoiceField(
        label="Which service is it about? (optional)",
        queryset=service_list_active(),
        to_field_name="slug",
        required=False,
        empty_label="Not sure, or more than one",
    )
    directorate = forms.ModelChoiceField(
        label="Or which directorate? (optional)",
        queryset=directorate_list(),
        to_field_name="slug",
        required=False,
        empty_label="Not sure",
    )
    scale = forms.ChoiceField(
        label="How big a change do you expect it to be?",
        choices=ChangeScale.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    campaign = forms.ModelChoiceField(
        label="Is it an answer to one of our open questions? (optional)",
        queryset=Campaign.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label="No",
    )
    name_hidden = forms.BooleanField(
        label="Show my name only to the Improvement Hub Team",
        required=False,
        help_text="Other staff will see ‘A member of staff’.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        now = timezone.now()
        campaign = self.fields["campaign"]
        if isinstance(campaign, forms.ModelChoiceField):  # open questions, as of now
            campaign.queryset = Campaign.objects.filter(opens_at__lte=now, closes_at__gt=now)
        self.fields["title"].error_messages["required"] = "Enter a title for your idea"
        self.fields["problem"].error_messages["required"] = "Describe the problem today"
        self.fields["proposal"].error_messages["required"] = "Describe the change you propose"
        self.fields["campaign"].error_messages["invalid_choice"] = (
            "That question is closed and is not taking new ideas: choose ‘No’ or another question"
        )

    def idea_data(self) -> IdeaData:
        """The valid answers, as the services take them."""
        data = self.cleaned_data
        return IdeaData(
            title=data["title"],
            problem=data["problem"],
            proposal=data["proposal"],
            beneficiaries=data.get("beneficiaries") or "",
            priorities=data.get("priorities") or [],
            directorate=data.get("directorate"),
            service=data.get("service"),
            scale=data.get("scale") or "",
            campaign=data.get("campaign"),
            name_hidden=bool(data.get("name_hidden")),
        )

    @staticmethod
    def initial_for(idea: Idea) -> dict[str, object]:
        """A draft's answers, to change them."""
        return {
            "title": idea.title,
            "problem": idea.problem,
            "proposal": idea.proposal,
            "beneficiaries": idea.beneficiaries,
            "priorities": list(idea.priorities.all()),
            "directorate": idea.directorate,
            "service": idea.service,
            "scale": idea.scale,
            "campaign": idea.campaign,
            "name_hidden": idea.name_hidden,
        }


class SubmitForm(forms.Form):
    """Submitting a checked draft: no questions, only what the service refuses."""


class CommentForm(GovUKFormMixin, forms.Form):
    body = forms.CharField(
        label="Add a comment",
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Plain text. Be kind and keep it about the idea.",
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].error_messages["required"] = "Enter your comment"
        self.fields["body"].error_messages["max_length"] = (
            f"Your comment must be {COMMENT_MAX} characters or fewer"
        )


class CommentEditForm(GovUKFormMixin, forms.Form):
    body = forms.CharField(
        label="Your comment", max_length=COMMENT_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].error_messages["required"] = "Enter your comment"


class ReportForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why are you reporting this?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, it is offensive, or shares someone's personal details.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Enter why you are reporting this"


class HideForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why is it being hidden?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Its author will see this reason.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Enter why it is being hidden"


class RespondForm(GovUKFormMixin, forms.Form):
    status = forms.ModelChoiceField(
        label="New status",
        queryset=IdeaStatus.objects.filter(is_selectable=True),
        to_field_name="slug",
        widget=forms.RadioSelect,
        empty_label=None,
    )
    # Not required here: the service gives the message that fits the status chosen.
    answer = forms.CharField(
        label="Public answer",
        max_length=ANSWER_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Everyone can read this. If the idea is not being taken forward, say why.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].error_messages["required"] = "Select the new status"


class ReviewForm(GovUKFormMixin, forms.Form):
    SCORES = [(str(n), str(n)) for n in range(1, 6)]
    impact = forms.TypedChoiceField(
        label="Impact",
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text="1 is a small benefit to few people; 5 is a large benefit to many.",
    )
    effort = forms.TypedChoiceField(
        label="Effort",
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text="1 is a few hours' work; 5 is a major project.",
    )
    notes = forms.CharField(
        label="Notes for the Hub Team (optional)",
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["impact"].error_messages["required"] = "Select an impact score"
        self.fields["effort"].error_messages["required"] = "Select an effort score"


class AssignForm(GovUKFormMixin, forms.Form):
    assignee = forms.ModelChoiceField(
        label="Assigned to",
        queryset=hub_team_member_list(),
        required=False,
        empty_label="Nobody",
    )


class MergeForm(GovUKFormMixin, forms.Form):
    target = forms.IntegerField(
        label="Number of the idea to merge this one into",
        min_value=1,
        help_text="The idea number is in its web address, e.g. /ideas/123/.",
    )
    answer = forms.CharField(
        label="Message to the author and followers (optional)",
        max_length=ANSWER_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # its own ids: it shares a page, and a field name, with the answer form
        kwargs.setdefault("auto_id", "id_merge_%s")
        super().__init__(*args, **kwargs)
        self.fields["target"].error_messages["required"] = (
            "Enter the number of the idea to merge into"
        )
        self.fields["target"].error_messages["invalid"] = (
            "Enter the idea number as digits, like 123"
        )
