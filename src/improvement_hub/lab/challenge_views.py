"""The Hub Team's page that moves a challenge on to its next stage; those who came to its
events hear what happened next."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from improvement_hub.core.decorators import hidden_unless
from improvement_hub.core.forms import GovUKFormMixin, render_form, submit
from improvement_hub.lab import challenge_services, permissions, selectors
from improvement_hub.lab.models import Challenge


class StageForm(GovUKFormMixin, forms.Form):
    stage = forms.ChoiceField(
        label="Which stage is the challenge at now?",
        choices=Challenge.Stage.choices,
        widget=forms.RadioSelect,
    )


@hidden_unless(permissions.can_triage)
def challenge_stage(request: HttpRequest, slug: str) -> HttpResponse:
    """Move a challenge on; the people who came to its events are emailed the news."""
    challenge = selectors.challenge_list().filter(slug=slug).prefetch_related("events").first()
    if challenge is None:
        raise Http404
    form = StageForm(request.POST or None, initial={"stage": challenge.stage})
    if request.method == "POST" and form.is_valid():
        stage = form.cleaned_data["stage"]
        moved = submit(
            form,
            lambda: challenge_services.challenge_stage_move(
                actor=request.user, challenge=challenge, stage=stage
            ),
        )
        if moved is not None:
            messages.success(
                request, f"{moved.title} is now at the {moved.get_stage_display()} stage"
            )
            return redirect(moved.get_absolute_url())
    context = {"form": form, "challenge": challenge}
    return render_form(request, "lab/challenge_stage.html", context)
