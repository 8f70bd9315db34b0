"""Pages for staff: browse, submit, support, follow, discuss and report ideas."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from improvement_hub.core import page_cache
from improvement_hub.core.forms import render_form, submit
from improvement_hub.core.pagination import page_of
from improvement_hub.core.ratelimit import RateLimited
from improvement_hub.core.redirects import safe_next
from improvement_hub.council.choices import CHANGE_SCALE_HELP
from improvement_hub.ideas import permissions, selectors, services
from improvement_hub.ideas.filters import IdeaFilter
from improvement_hub.ideas.forms import (
    CommentEditForm,
    CommentForm,
    IdeaForm,
    ReportForm,
    SubmitForm,
)
from improvement_hub.ideas.models import Comment, Idea

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User

PAGE_SIZE = 20
T = TypeVar("T")
View = Callable[..., HttpResponse]


class SignedInRequest(HttpRequest):
    """A request behind ``login_required``: its user is a person, not AnonymousUser."""

    user: User


def sign_in_returns_to_idea(view: View) -> View:
    """For POST-only actions: signed-out people sign in and come back to the idea page,
    not to the action's URL (which only accepts POST)."""

    @wraps(view)
    def wrapped(request: HttpRequest, pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            target = reverse("ideas:idea_detail_short", args=[pk])
            return redirect(f"{reverse('account_login')}?next={quote(target)}")
        return view(request, pk, *args, **kwargs)

    return wrapped


def permission_as_error(action: Callable[[], T]) -> Callable[[], T]:
    """A service call whose refusal a page with a form shows on the form (a 400 with the
    service's message) rather than as a 403 page."""

    def run() -> T:
        try:
            return action()
        except PermissionDenied as error:
            raise ValidationError(str(error) or "You cannot do that") from error

    return run


def shuffle_seed(request: HttpRequest, filters: IdeaFilter) -> int:
    """This visitor's "Random order", the same on every page (and in an export)."""
    if filters.order != "random":
        return 1
    if "ideas_seed" not in request.session:
        request.session["ideas_seed"] = secrets.randbelow(1_000_000) + 1
    return int(request.session["ideas_seed"])


@page_cache.anonymous_page(lambda request: [selectors.IDEA_LISTS])
def idea_list(request: HttpRequest) -> HttpResponse:
    filters = IdeaFilter(request.GET)
    counted = selectors.idea_list_counted(
        filters=filters, seed=shuffle_seed(request, filters), related=selectors.CARD_RELATED
    )
    page = page_of(request, counted.items, PAGE_SIZE, count=counted.count)
    supported_ids = selectors.idea_supported_ids(user=request.user, ideas=page.object_list)
    context = {
        "filters": filters,
        "page": page,
        "count_capped": counted.capped,
        "supported_ids": supported_ids,
        "cards_key": selectors.idea_cards_key(ideas=page.object_list, supported_ids=supported_ids),
        "can_submit": permissions.can_submit_idea(request.user),
        "open_campaigns": selectors.campaign_list_open(),
        "can_manage": permissions.can_manage_ideas(request.user),
    }
    return render(request, "ideas/idea_list.html", context)


def _get_idea(request: HttpRequest, pk: int) -> Idea:
    return selectors.idea_get_for_user(user=request.user, idea_id=pk)


def _detail_page(
    request: HttpRequest, idea: Idea, comment_form: CommentForm | None
) -> HttpResponse:
    user = request.user
    context = selectors.idea_detail_context(user=user, idea=idea)
    context.update(
        idea=idea,
        comment_form=comment_form or CommentForm(),
        can_support=permissions.can_support_idea(user, idea),
        can_follow=permissions.can_follow_idea(user, idea),
        can_comment=permissions.can_comment_on_idea(user, idea),
        can_report=permissions.can_report(user),
        can_manage=permissions.can_manage_ideas(user),
        is_author=idea.is_by(user),
        form=comment_form,
    )
    return render_form(request, "ideas/idea_detail.html", context, form=comment_form)


@page_cache.anonymous_page(lambda request, pk, slug="": [selectors.idea_page_version(pk)])
def idea_detail(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    idea = _get_idea(request, pk)
    if idea.merged_into_id and not permissions.can_manage_ideas(request.user):
        return redirect(idea.merged_into or idea, permanent=True)
    if idea.is_draft:
        return redirect("ideas:idea_check", pk=idea.pk)
    if slug != idea.slug and request.method == "GET":
        return redirect(idea, permanent=True)
    return _detail_page(request, idea, None)


def _draft_to_change(request: SignedInRequest, pk: int | None) -> Idea | None:
    if not permissions.can_submit_idea(request.user):
        raise PermissionDenied
    idea = _get_idea(request, pk) if pk is not None else None
    if idea is not None and not permissions.can_edit_draft(request.user, idea):
        raise Http404
    return idea


@login_required
def idea_form(request: SignedInRequest, pk: int | None = None) -> HttpResponse:
    """Write a new idea or change a draft: saved as a draft, then checked and submitted."""
    idea = _draft_to_change(request, pk)
    if request.method == "POST":
        form = IdeaForm(request.POST)
        save = lambda: services.idea_draft_save(  # noqa: E731
            author=request.user, data=form.idea_data(), idea=idea
        )
        if form.is_valid() and (saved := submit(form, save)):
            return redirect("ideas:idea_check", pk=saved.pk)
    elif idea is not None:
        form = IdeaForm(initial=IdeaForm.initial_for(idea))
    else:
        form = IdeaForm(initial={"campaign": request.GET.get("campaign", "")})
    context = {"form": form, "idea": idea, "scale_hints": CHANGE_SCALE_HELP}
    return render_form(request, "ideas/idea_form.html", context)


def _answers(idea: Idea) -> list[tuple[str, str]]:
    """The author's answers, labelled as on the form, for "check your answers"."""
    return [
        ("Title", idea.title),
        ("The problem today", idea.problem),
        ("The change proposed", idea.proposal),
        ("Who would benefit", idea.beneficiaries),
        ("Priorities", ", ".join(p.name for p in idea.priorities.all())),
        ("Service or directorate", str(idea.service or idea.directorate or "")),
        ("Expected scale", idea.get_scale_display() if idea.scale else ""),
        ("Open question", idea.campaign.title if idea.campaign else ""),
        (
            "Your name is shown to",
            "The Improvement Hub Team only" if idea.name_hidden else "Everyone",
        ),
    ]


@login_required
def idea_check(request: SignedInRequest, pk: int) -> HttpResponse:
    """Similar ideas first, then check your answers, then submit."""
    idea = _get_idea(request, pk)
    if not idea.is_draft:
        return redirect(idea)
    if not permissions.can_edit_draft(request.user, idea):
        raise Http404
    form = SubmitForm(request.POST if request.method == "POST" else None)
    if form.is_bound and submit(form, lambda: services.idea_submit(author=request.user, idea=idea)):
        return redirect("ideas:idea_submitted", pk=idea.pk)
    similar = selectors.idea_similar_list(text=idea.text_for_similarity, exclude=(idea.pk,))
    context = {
        "idea": idea,
        "similar": similar,
        "supported_ids": selectors.idea_supported_ids(user=request.user, ideas=similar),
        "form": form,
        "answers": _answers(idea),
    }
    return render_form(request, "ideas/idea_check.html", context)


@login_required
def idea_submitted(request: SignedInRequest, pk: int) -> HttpResponse:
    idea = _get_idea(request, pk)
    if idea.is_draft or not idea.is_by(request.user):
        raise Http404
    return render(request, "ideas/idea_submitted.html", {"idea": idea})


@login_required
@require_POST
def idea_delete_draft(request: SignedInRequest, pk: int) -> HttpResponse:
    idea = _get_idea(request, pk)
    if not permissions.can_edit_draft(request.user, idea):
        raise Http404
    services.idea_draft_delete(author=request.user, idea=idea)
    messages.success(request, "Your draft has been deleted")
    return redirect("ideas:my_ideas")


@login_required
def my_ideas(request: SignedInRequest) -> HttpResponse:
    page = page_of(request, selectors.idea_list_for_author(user=request.user), PAGE_SIZE)
    return render(request, "ideas/my_ideas.html", {"page": page})


def _change_support(user: User, idea: Idea, *, withdraw: bool) -> RateLimited | str | None:
    """Supports or withdraws; returns what refused it, if anything did."""
    try:
        if withdraw:
            services.idea_unsupport(user=user, idea=idea)
        else:
            services.idea_support(user=user, idea=idea)
    except PermissionDenied:
        return "You cannot support this idea"
    except RateLimited as error:
        return error
    return None


def _support_block(
    request: SignedInRequest, idea: Idea, refused: RateLimited | str | None
) -> HttpResponse:
    """The support block again, for HTMX; after a rate limit a 429 with Retry-After, as
    the API answers."""
    context = {
        "idea": idea,
        "supported": idea.pk in selectors.idea_supported_ids(user=request.user, ideas=[idea]),
        "can_support": permissions.can_support_idea(request.user, idea),
        "support_error": str(refused) if refused else None,
    }
    limited = isinstance(refused, RateLimited)
    response = render(
        request, "ideas/includes/support.html", context, status=429 if limited else 200
    )
    if isinstance(refused, RateLimited):
        response["Retry-After"] = str(max(1, refused.retry_after))
    return response


@sign_in_returns_to_idea
@require_POST
def idea_support(request: SignedInRequest, pk: int) -> HttpResponse:
    """Support or withdraw support; HTMX gets the updated block, others a redirect."""
    idea = _get_idea(request, pk)
    withdraw = request.POST.get("action") == "withdraw"
    refused = _change_support(request.user, idea, withdraw=withdraw)
    idea.refresh_from_db(fields=["support_count"])
    if request.headers.get("HX-Request"):
        return _support_block(request, idea, refused)
    if refused:
        messages.error(request, str(refused))
    elif withdraw:
        messages.success(request, "Support withdrawn")
    else:
        messages.success(request, "Thank you for supporting this idea")
    return redirect(safe_next(request, request.POST.get("next")) or idea.get_absolute_url())


@sign_in_returns_to_idea
@require_POST
def idea_follow(request: SignedInRequest, pk: int) -> HttpResponse:
    idea = _get_idea(request, pk)
    if request.POST.get("action") == "unfollow":
        services.idea_unfollow(user=request.user, idea=idea)
        messages.success(request, "You are no longer following this idea")
        return redirect(idea)
    try:
        services.idea_follow(user=request.user, idea=idea)
    except PermissionDenied:
        messages.error(request, "You cannot follow this idea")
    else:
        messages.success(
            request, "You are following this idea. We will tell you when its status changes."
        )
    return redirect(idea)


def _comment_add(request: SignedInRequest, idea: Idea, form: CommentForm) -> Comment:
    parent_id = form.cleaned_data.get("parent")
    parent = (
        selectors.comment_get_for_user(user=request.user, idea=idea, comment_id=parent_id)
        if parent_id
        else None
    )
    return services.comment_add(
        author=request.user, idea=idea, body=form.cleaned_data["body"], parent=parent
    )


@sign_in_returns_to_idea
@require_POST
def comment_add(request: SignedInRequest, pk: int) -> HttpResponse:
    idea = _get_idea(request, pk)
    form = CommentForm(request.POST)
    add = permission_as_error(lambda: _comment_add(request, idea, form))
    if form.is_valid() and (comment := submit(form, add)):
        messages.success(request, "Your comment has been added")
        return redirect(f"{idea.get_absolute_url()}#comment-{comment.pk}")
    return _detail_page(request, idea, form)


@login_required
def comment_edit(request: SignedInRequest, pk: int, comment_id: int) -> HttpResponse:
    idea = _get_idea(request, pk)
    comment = selectors.comment_get(idea=idea, comment_id=comment_id)
    if not permissions.can_edit_comment(request.user, comment):
        messages.error(
            request, "You can only change your own comment, within 15 minutes of posting it"
        )
        return redirect(idea)
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        body = form.cleaned_data["body"]
        edit = permission_as_error(
            lambda: services.comment_edit(author=request.user, comment=comment, body=body)
        )
        if submit(form, edit):
            messages.success(request, "Your comment has been changed")
            return redirect(f"{idea.get_absolute_url()}#comment-{comment.pk}")
    context = {"form": form, "idea": idea, "comment": comment, "title": "Change your comment"}
    return render_form(request, "ideas/short_form.html", {**context, "button": "Save changes"})


@login_required
def report(request: SignedInRequest, pk: int, comment_id: int | None = None) -> HttpResponse:
    """Report an idea, or a comment on it, to the Hub Team."""
    idea = _get_idea(request, pk)
    comment = (
        selectors.comment_get_for_user(user=request.user, idea=idea, comment_id=comment_id)
        if comment_id
        else None
    )
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        add = lambda: services.report_add(  # noqa: E731
            reporter=request.user, reason=reason, idea=None if comment else idea, comment=comment
        )
        if submit(form, add):
            messages.success(
                request, "Thank you. The Improvement Hub Team will look at your report."
            )
            return redirect(idea)
    title = "Report a comment" if comment else "Report this idea"
    context = {"form": form, "idea": idea, "comment": comment, "title": title}
    return render_form(request, "ideas/short_form.html", {**context, "button": "Send report"})


def campaign_list(request: HttpRequest) -> HttpResponse:
    context = {"campaigns": selectors.campaign_list(), "now": timezone.now()}
    return render(request, "ideas/campaign_list.html", context)


def campaign_detail(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = selectors.campaign_get(slug=slug)
    filters = IdeaFilter({"sort": request.GET.get("sort", "")})
    counted = selectors.idea_list_counted(
        filters=filters, campaign=campaign, related=selectors.CARD_RELATED
    )
    context = {
        "campaign": campaign,
        "page": page_of(request, counted.items, PAGE_SIZE, count=counted.count),
        "progress": selectors.campaign_progress(campaign=campaign),
        "can_submit": permissions.can_submit_idea(request.user),
    }
    return render(request, "ideas/campaign_detail.html", context)
