"""The newsletter's forms: the public sign-up, and the Hub Team's issue."""

from typing import Any, cast

from django import forms

from improvement_hub.cms import newsletter_selectors as selectors
from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.council import selectors as council


class SubscribeForm(GovUKFormMixin, forms.Form):
    """Only what the newsletter needs: an address, and optionally what interests them."""

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We will email you a link to confirm. We use your address only to send "
        "you the newsletter.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    priorities = forms.ModelMultipleChoiceField(
        label="Which council priorities interest you most? (optional)",
        help_text="We put news about these first. Select all that apply.",
        queryset=council.priority_list_active(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages["required"] = "Enter your email address"
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.com"
        )


class _PageChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        kind = str(obj.specific_class._meta.verbose_name).capitalize()
        return f"{kind}: {obj.title}"


class _ResultChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"Result: {obj.title}"


class IssueForm(GovUKFormMixin, forms.Form):
    """A newsletter issue: a subject, an introduction, and what it links to."""

    subject = forms.CharField(label="Subject", max_length=150)
    introduction = forms.CharField(
        label="Introduction",
        max_length=3000,
        help_text="A few sentences at the top of the email. Plain text: a blank line starts "
        "a new paragraph.",
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    pages = _PageChoice(
        label="Stories and news (optional)",
        help_text="The most recent live stories, news items and case studies.",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    initiatives = _ResultChoice(
        label="Results (optional)",
        help_text="Published initiatives, the most recently changed first.",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, chosen_pages: Any = (), chosen_results: Any = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        pages = cast(forms.ModelMultipleChoiceField, self.fields["pages"])
        results = cast(forms.ModelMultipleChoiceField, self.fields["initiatives"])
        pages.queryset = selectors.story_page_choices(also=chosen_pages)
        results.queryset = selectors.result_choices(also=chosen_results)
