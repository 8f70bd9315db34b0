"""The Hub Team's page that turns what was raised at an open session into referrals."""

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from improvement_hub.core.decorators import hidden_unless
from improvement_hub.core.forms import GovUKFormMixin, render_form, submit
from improvement_hub.lab import event_services, permissions
from improvement_hub.lab.models import PROBLEM_MAX
from improvement_hub.spaces import selectors as spaces_selectors


class RaisedForm(GovUKFormMixin, forms.Form):
    """One box per person on the event's register: what they raised (blank: nothing)."""

    consent = forms.BooleanField(
        label=(
            "These people agreed at the session that the Lab may contact them "
            "about what they raised"
        )
    )

    def __init__(self, *args: Any, registrations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.registrations = registrations
        for registration in registrations:
            self.fields[f"problem_{registration.pk}"] = forms.CharField(
                label=f"What {registration.name} raised (optional)",
                max_length=PROBLEM_MAX,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def raised(self) -> list[tuple[Any, str]]:
        return [(r, self.cleaned_data.get(f"problem_{r.pk}", "")) for r in self.registrations]


@hidden_unless(permissions.can_triage)
def event_referrals(request: HttpRequest, slug: str) -> HttpResponse:
    """From an open session's register, one referral per problem raised, in one step."""
    event = spaces_selectors.event_get_public(slug=slug)
    people = [
        r
        for r in spaces_selectors.registration_list_for_event(event=event)
        if r.status == "confirmed" and r.email
    ]
    form = RaisedForm(request.POST or None, registrations=people)
    if request.method == "POST" and form.is_valid():
        made = submit(
            form,
            lambda: event_services.open_session_referrals_create(
                actor=request.user,
                event=event,
                raised=form.raised(),
                consent=form.cleaned_data["consent"],
            ),
        )
        if made is not None:
            messages.success(
                request, f"{len(made)} referrals made: each person is asked to confirm their email"
            )
            return redirect("lab:triage_inbox")
    return render_form(
        request, "lab/event_referrals.html", {"event": event, "form": form, "people": people}
    )
