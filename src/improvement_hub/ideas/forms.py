"""Forms of the Ideas Forum, in GOV.UK wording."""

from django import forms
from django.utils import timezone

from improvement_hub.accounts.roles import Role
from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.council.models import CHANGE_SCALE_HELP, ChangeScale, Directorate, Service
from improvement_hub.council.selectors import priority_list_active
from improvement_hub.ideas.models import (
    ANSWER_MAX,
    COMMENT_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Campaign,
    IdeaStatus,
)
from improvement_hub.ideas.selectors import SORTS


class ScaleRadioSelect(forms.RadioSelect):
    """Radios with a plain-English hint under each scale of change."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):  # type: ignore[no-untyped-def]
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["hint"] = CHANGE_SCALE_HELP.get(str(value), "")
        return option


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
        queryset=Service.objects.filter(is_active=True).select_related("directorate"),
        to_field_name="slug",
        required=False,
        empty_label="Not sure, or more than one",
    )
    directorate = forms.ModelChoiceField(
        label="Or which directorate? (optional)",
        queryset=Directorate.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Not sure",
    )
    scale = forms.ChoiceField(
        label="How big a change do you expect it to be?",
        choices=ChangeScale.choices,
        widget=ScaleRadioSelect,
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

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        now = timezone.now()
        self.fields["campaign"].queryset = Campaign.objects.filter(
            opens_at__lte=now, closes_at__gt=now
        )
        self.fields["title"].error_messages["required"] = "Enter a title for your idea"
        self.fields["problem"].error_messages["required"] = "Describe the problem today"
        self.fields["proposal"].error_messages["required"] = "Describe the change you propose"
        self.fields["campaign"].error_messages["invalid_choice"] = (
            "That question is closed and is not taking new ideas: choose ‘No’ or another question"
        )


class CommentForm(GovUKFormMixin, forms.Form):
    body = forms.CharField(
        label="Add a comment",
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Plain text. Be kind and keep it about the idea.",
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["body"].error_messages["required"] = "Enter your comment"
        self.fields["body"].error_messages["max_length"] = (
            f"Your comment must be {COMMENT_MAX} characters or fewer"
        )


class CommentEditForm(GovUKFormMixin, forms.Form):
    body = forms.CharField(
        label="Your comment", max_length=COMMENT_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["body"].error_messages["required"] = "Enter your comment"


class ReportForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why are you reporting this?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, it is offensive, or shares someone's personal details.",
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Enter why you are reporting this"


class HideForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why is it being hidden?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Its author will see this reason.",
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
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

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
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

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["impact"].error_messages["required"] = "Select an impact score"
        self.fields["effort"].error_messages["required"] = "Select an effort score"


class AssignForm(GovUKFormMixin, forms.Form):
    assignee = forms.ModelChoiceField(
        label="Assigned to",
        queryset=None,
        required=False,
        empty_label="Nobody",
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        from improvement_hub.accounts.models import User

        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = User.objects.filter(
            is_active=True, groups__name=str(Role.HUB_TEAM)
        ).order_by("first_name", "email")


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

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        # its own ids: it shares a page, and a field name, with the answer form
        kwargs.setdefault("auto_id", "id_merge_%s")
        super().__init__(*args, **kwargs)
        self.fields["target"].error_messages["required"] = (
            "Enter the number of the idea to merge into"
        )
        self.fields["target"].error_messages["invalid"] = (
            "Enter the idea number as digits, like 123"
        )


class IdeaFilterForm(forms.Form):
    """The list's filters. Never invalid: unknown values are simply ignored."""

    q = forms.CharField(label="Search ideas", required=False, max_length=200)
    priority = forms.ChoiceField(label="Priority", required=False)
    directorate = forms.ChoiceField(label="Directorate", required=False)
    status = forms.ChoiceField(label="Status", required=False)
    campaign = forms.ChoiceField(label="Campaign", required=False)
    scale = forms.ChoiceField(
        label="Scale of change", required=False, choices=[("", "Any")] + list(ChangeScale.choices)
    )
    sort = forms.ChoiceField(label="Sort by", required=False, choices=list(SORTS.items()))

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        from improvement_hub.council.models import Directorate as D

        self.fields["priority"].choices = [("", "Any")] + [
            (p.slug, p.name) for p in priority_list_active()
        ]
        self.fields["directorate"].choices = [("", "Any")] + [
            (d.slug, d.name) for d in D.objects.all()
        ]
        self.fields["status"].choices = [("", "Any")] + [
            (s.slug, s.name) for s in IdeaStatus.objects.exclude(slug=IdeaStatus.MERGED)
        ]
        self.fields["campaign"].choices = [("", "Any")] + [
            (c.slug, c.title) for c in Campaign.objects.order_by("-opens_at")
        ]

    @property
    def render_key(self) -> str:
        """A digest of everything the rendered form shows (values, choices, errors), for
        the list template to cache the rendering: any change gives a new key, so a cached
        form is never stale. Rendering seven GOV.UK fields is a large part of a list page."""
        import hashlib
        import json

        shown = [
            (
                bound.name,
                str(bound.value()),
                [list(map(str, choice)) for choice in getattr(bound.field, "choices", [])],
                bound.errors.get_json_data() if self.is_bound else [],
            )
            for bound in self
        ]
        return hashlib.sha256(json.dumps(shown).encode()).hexdigest()

    def cleaned(self) -> dict[str, str]:
        """The valid values; anything unknown becomes empty rather than an error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        values = {}
        for name in self.fields:
            value = data.get(name) if name in data else ""
            values[name] = (value or "").strip() if isinstance(value, str) else ""
        if values["sort"] not in SORTS:
            values["sort"] = "newest"
        return values
