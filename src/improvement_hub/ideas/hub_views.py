"""Pages for the Improvement Hub Team: the review queue, answers, merging, moderation."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from improvement_hub.core.decorators import hidden_unless
from improvement_hub.core.forms import render_form, submit
from improvement_hub.core.pagination import page_of
from improvement_hub.ideas import exports, permissions, selectors, services
from improvement_hub.ideas.filters import IdeaFilter, ReviewQueueFilter
from improvement_hub.ideas.forms import (
    AssignForm,
    HideForm,
    MergeForm,
    RespondForm,
    ReviewForm,
)
from improvement_hub.ideas.models import Idea
from improvement_hub.ideas.views import PAGE_SIZE, permission_as_error, shuffle_seed

if TYPE_CHECKING:
    from improvement_hub.ideas.views import SignedInRequest

hub_team_only = hidden_unless(permissions.can_manage_ideas)


@hub_team_only
def review_queue(request: HttpRequest) -> HttpResponse:
    filters = ReviewQueueFilter(request.GET)
    page = page_of(request, selectors.idea_review_queue(filters=filters), PAGE_SIZE)
    return render(request, "ideas/review_queue.html", {"filter_form": filters.form, "page": page})


def _manage_page(request: HttpRequest, idea: Idea, **shown: forms.Form) -> HttpResponse:
    """The idea's Hub Team page; ``shown`` holds a form sent back with its errors."""
    if idea.is_draft:
        raise Http404
    context = selectors.idea_detail_context(user=request.user, idea=idea)
    context.update(
        idea=idea,
        respond_form=RespondForm(initial={"status": idea.status.slug}),
        review_form=ReviewForm(initial={"impact": idea.impact, "effort": idea.effort}),
        assign_form=AssignForm(initial={"assignee": idea.assignee_id}),
        merge_form=MergeForm(),
        hide_form=HideForm(),
        duplicates=selectors.idea_similar_list(text=idea.text_for_similarity, exclude=(idea.pk,)),
    )
    context.update(shown)
    form = next(iter(shown.values()), None)
    return render_form(request, "ideas/idea_manage.html", {**context, "form": form}, form=form)


@hub_team_only
def idea_manage(request: HttpRequest, pk: int) -> HttpResponse:
    return _manage_page(request, selectors.idea_get_for_user(user=request.user, idea_id=pk))


Action = Callable[["SignedInRequest", Idea, dict[str, Any]], object]


def _hub_action(
    form_class: type[forms.Form], form_name: str, action: Action, success: str
) -> Callable[..., HttpResponse]:
    """A POST-only Hub Team action: validate the form, call the service, report back."""

    @hub_team_only
    @require_POST
    def view(request: SignedInRequest, pk: int) -> HttpResponse:
        idea = selectors.idea_get_for_user(user=request.user, idea_id=pk)
        form = form_class(request.POST)
        run = permission_as_error(lambda: action(request, idea, form.cleaned_data))
        if form.is_valid() and (result := submit(form, run)) is not None:
            messages.success(request, success)
            # after a merge, carry on with the surviving idea
            return redirect("ideas:idea_manage", pk=result.pk if isinstance(result, Idea) else pk)
        return _manage_page(request, idea, **{form_name: form})

    return view


idea_respond = _hub_action(
    RespondForm,
    "respond_form",
    lambda r, idea, d: services.idea_respond(
        actor=r.user, idea=idea, status=d["status"], answer=d["answer"]
    ),
    "The status and public answer have been saved. The author and followers have been told.",
)
idea_review = _hub_action(
    ReviewForm,
    "review_form",
    lambda r, idea, d: services.idea_review(
        actor=r.user, idea=idea, impact=d["impact"], effort=d["effort"], notes=d["notes"]
    ),
    "The assessment has been saved",
)
idea_assign = _hub_action(
    AssignForm,
    "assign_form",
    lambda r, idea, d: services.idea_assign(actor=r.user, idea=idea, assignee=d["assignee"]),
    "The assignee has been saved",
)
idea_hide = _hub_action(
    HideForm,
    "hide_form",
    lambda r, idea, d: services.idea_hide(actor=r.user, idea=idea, reason=d["reason"]),
    "The idea is hidden. Its author can see why.",
)
idea_merge = _hub_action(
    MergeForm,
    "merge_form",
    lambda r, idea, d: services.idea_merge(
        actor=r.user,
        source=idea,
        target=selectors.idea_get_submitted(idea_id=d["target"]),
        answer=d["answer"],
    ),
    "The ideas have been merged. Everyone involved has been told.",
)


@hub_team_only
@require_POST
def idea_unhide(request: SignedInRequest, pk: int) -> HttpResponse:
    idea = selectors.idea_get_for_user(user=request.user, idea_id=pk)
    services.idea_unhide(actor=request.user, idea=idea)
    messages.success(request, "The idea is visible again")
    return redirect("ideas:idea_manage", pk=pk)


@hub_team_only
def comment_hide(request: SignedInRequest, pk: int, comment_id: int) -> HttpResponse:
    idea = selectors.idea_get_for_user(user=request.user, idea_id=pk)
    comment = selectors.comment_get(idea=idea, comment_id=comment_id)
    form = HideForm(request.POST or None)
    hide = lambda: services.comment_hide(  # noqa: E731
        actor=request.user, comment=comment, reason=form.cleaned_data["reason"]
    )
    hidden = submit(form, hide) if request.method == "POST" and form.is_valid() else None
    if hidden is not None:
        messages.success(request, "The comment is hidden. Its author can see why.")
        return redirect("ideas:moderation_queue")
    context = {"form": form, "idea": idea, "comment": comment, "title": "Hide a comment"}
    return render_form(request, "ideas/short_form.html", {**context, "button": "Hide it"})


@hub_team_only
def moderation_queue(request: HttpRequest) -> HttpResponse:
    page = page_of(request, selectors.report_queue(), PAGE_SIZE)
    return render(request, "ideas/moderation_queue.html", {"page": page})


@hub_team_only
@require_POST
def report_dismiss(request: SignedInRequest, report_id: int) -> HttpResponse:
    services.report_dismiss(actor=request.user, report=selectors.report_get(report_id=report_id))
    messages.success(request, "The report has been dismissed")
    return redirect("ideas:moderation_queue")


@hub_team_only
def matrix(request: HttpRequest) -> HttpResponse:
    return render(request, "ideas/matrix.html", {"quadrants": selectors.idea_matrix()})


@hub_team_only
def export(request: HttpRequest, file_format: str) -> HttpResponse | StreamingHttpResponse:
    """The filtered list as CSV or XLSX, for the Hub Team: what the list page shows."""
    filters = IdeaFilter(request.GET)
    seed = shuffle_seed(request, filters)
    ideas = selectors.idea_list_for_export(filters=filters, seed=seed, limit=exports.MAX_ROWS)
    if file_format == "xlsx":
        return exports.ideas_xlsx(ideas)
    return exports.ideas_csv(ideas)
