"""Pages for staff: browse, submit, support, follow, discuss and report ideas."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST

from improvement_hub.core.forms import add_service_errors
from improvement_hub.core.ratelimit import RateLimited
from improvement_hub.core.redirects import safe_next
from improvement_hub.council.models import CHANGE_SCALE_HELP
from improvement_hub.ideas import permissions, selectors, services
from improvement_hub.ideas.forms import (
    CommentEditForm,
    CommentForm,
    IdeaFilterForm,
    IdeaForm,
    ReportForm,
)
from improvement_hub.ideas.models import Idea

PAGE_SIZE = 20


def sign_in_returns_to_idea(view):  # type: ignore[no-untyped-def]
    """For POST-only actions: signed-out people sign in and come back to the idea page,
    not to the action's URL (which only accepts POST)."""
    from functools import wraps
    from urllib.parse import quote

    @wraps(view)
    def wrapped(request: HttpRequest, pk: int, *args, **kwargs) -> HttpResponse:  # type: ignore[no-untyped-def]
        if not request.user.is_authenticated:
            target = reverse("ideas:idea_detail_short", args=[pk])
            return redirect(f"{reverse('account_login')}?next={quote(target)}")
        return view(request, pk, *args, **kwargs)

    return wrapped


_add_errors = add_service_errors  # the site-wide route for service errors


def _filters_from(request: HttpRequest) -> tuple[IdeaFilterForm, selectors.IdeaFilters]:
    form = IdeaFilterForm(request.GET or None)
    values = form.cleaned() if request.GET else {"sort": "newest"}
    seed = request.session.get("ideas_seed")
    if values.get("sort") == "random" and seed is None:
        seed = request.session["ideas_seed"] = secrets.randbelow(1_000_000) + 1
    filters = selectors.IdeaFilters(**{k: v for k, v in values.items() if v}, seed=seed or 1)
    return form, filters


def _page(request: HttpRequest, items):  # type: ignore[no-untyped-def]
    paginator = Paginator(items, PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


class _CountedPaginator(Paginator):
    """A paginator told its count by the selector (cached or capped), so it never
    counts the rows itself."""

    def __init__(self, counted: selectors.CountedIdeas, per_page: int) -> None:
        super().__init__(counted.items, per_page)
        self._known_count = counted.count

    @cached_property
    def count(self) -> int:
        return self._known_count


def _counted_page(request: HttpRequest, counted: selectors.CountedIdeas):  # type: ignore[no-untyped-def]
    return _CountedPaginator(counted, PAGE_SIZE).get_page(request.GET.get("page"))


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def idea_list(request: HttpRequest) -> HttpResponse:
    form, filters = _filters_from(request)
    counted = selectors.idea_list_counted(filters=filters)
    page = _counted_page(request, counted)
    return render(
        request,
        "ideas/idea_list.html",
        {
            "filter_form": form,
            "filters": filters,
            "page": page,
            "count_capped": counted.capped,
            "querystring": _query_without_page(request),
            "supported_ids": selectors.idea_supported_ids(
                user=request.user, ideas=page.object_list
            ),
            "can_submit": permissions.can_submit_idea(request.user),
            "open_campaigns": selectors.campaign_list_open(),
            "can_manage": permissions.can_manage_ideas(request.user),
        },
    )


def _get_idea(request: HttpRequest, pk: int) -> Idea:
    return selectors.idea_get_for_user(user=request.user, idea_id=pk)


def idea_detail(
    request: HttpRequest, pk: int, slug: str = "", comment_form=None, status=200
) -> HttpResponse:  # type: ignore[no-untyped-def]
    idea = _get_idea(request, pk)
    if idea.merged_into_id and not permissions.can_manage_ideas(request.user):
        return redirect(idea.merged_into, permanent=True)
    if idea.is_draft:
        return redirect("ideas:idea_check", pk=idea.pk)
    if slug != idea.slug and request.method == "GET":
        return redirect(idea, permanent=True)
    context = selectors.idea_detail_context(user=request.user, idea=idea)
    user = request.user
    context.update(
        idea=idea,
        comment_form=comment_form or CommentForm(),
        can_support=permissions.can_support_idea(user, idea),
        can_follow=permissions.can_follow_idea(user, idea),
        can_comment=permissions.can_comment_on_idea(user, idea),
        can_report=permissions.can_report(user),
        can_manage=permissions.can_manage_ideas(user),
        show_author=permissions.can_see_author(user, idea),
        is_author=user.is_authenticated and idea.author_id == user.pk,
        form=comment_form,
    )
    return render(request, "ideas/idea_detail.html", context, status=status)


def _idea_data(form: IdeaForm) -> services.IdeaData:
    data = form.cleaned_data
    return services.IdeaData(
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


def _initial(idea: Idea) -> dict[str, object]:
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


@login_required
def idea_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Write a new idea or change a draft: saved as a draft, then checked and submitted."""
    if not permissions.can_submit_idea(request.user):
        raise PermissionDenied
    idea = None
    if pk is not None:
        idea = _get_idea(request, pk)
        if not permissions.can_edit_draft(request.user, idea):
            raise Http404
    if request.method == "POST":
        form = IdeaForm(request.POST)
        if form.is_valid():
            try:
                idea = services.idea_draft_save(
                    author=request.user, data=_idea_data(form), idea=idea
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                return redirect("ideas:idea_check", pk=idea.pk)
    else:
        initial = _initial(idea) if idea else {}
        if idea is None and request.GET.get("campaign"):
            initial["campaign"] = request.GET["campaign"]
        form = IdeaForm(initial=initial)
    return render(
        request,
        "ideas/idea_form.html",
        {"form": form, "idea": idea, "scale_hints": CHANGE_SCALE_HELP},
    )


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
def idea_check(request: HttpRequest, pk: int) -> HttpResponse:
    """Similar ideas first, then check your answers, then submit."""
    idea = _get_idea(request, pk)
    if not idea.is_draft:
        return redirect(idea)
    if not permissions.can_edit_draft(request.user, idea):
        raise Http404
    error = None
    if request.method == "POST":
        try:
            idea = services.idea_submit(author=request.user, idea=idea)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        except RateLimited as exc:
            error = exc.message
        else:
            return redirect("ideas:idea_submitted", pk=idea.pk)
    similar = selectors.idea_similar_list(text=idea.text_for_similarity, exclude=(idea.pk,))
    return render(
        request,
        "ideas/idea_check.html",
        {
            "idea": idea,
            "similar": similar,
            "supported_ids": selectors.idea_supported_ids(user=request.user, ideas=similar),
            "submit_error": error,
            "answers": _answers(idea),
        },
        status=400 if error else 200,
    )


@login_required
def idea_submitted(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _get_idea(request, pk)
    if idea.is_draft or idea.author_id != request.user.pk:
        raise Http404
    return render(request, "ideas/idea_submitted.html", {"idea": idea})


@login_required
@require_POST
def idea_delete_draft(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _get_idea(request, pk)
    if not permissions.can_edit_draft(request.user, idea):
        raise Http404
    services.idea_draft_delete(author=request.user, idea=idea)
    messages.success(request, "Your draft has been deleted")
    return redirect("ideas:my_ideas")


@login_required
def my_ideas(request: HttpRequest) -> HttpResponse:
    page = _page(request, selectors.idea_list_for_author(user=request.user))
    return render(request, "ideas/my_ideas.html", {"page": page, "querystring": ""})


@sign_in_returns_to_idea
@require_POST
def idea_support(request: HttpRequest, pk: int) -> HttpResponse:
    """Support or withdraw support; HTMX gets the updated block, others a redirect."""
    idea = _get_idea(request, pk)
    withdraw = request.POST.get("action") == "withdraw"
    message = None
    try:
        if withdraw:
            services.idea_unsupport(user=request.user, idea=idea)
        else:
            services.idea_support(user=request.user, idea=idea)
    except PermissionDenied:
        message = "You cannot support this idea"
    except RateLimited as exc:
        message = exc.message
    idea.refresh_from_db(fields=["support_count"])
    if request.headers.get("HX-Request"):
        supported = selectors.idea_supported_ids(user=request.user, ideas=[idea])
        return render(
            request,
            "ideas/includes/support.html",
            {
                "idea": idea,
                "supported": idea.pk in supported,
                "can_support": permissions.can_support_idea(request.user, idea),
                "support_error": message,
            },
            status=429 if message and "short time" in message else 200,
        )
    if message:
        messages.error(request, message)
    else:
        messages.success(
            request, "Support withdrawn" if withdraw else "Thank you for supporting this idea"
        )
    return redirect(_safe_next(request) or idea.get_absolute_url())


def _safe_next(request: HttpRequest) -> str:
    return safe_next(request, request.POST.get("next"))


@sign_in_returns_to_idea
@require_POST
def idea_follow(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _get_idea(request, pk)
    if request.POST.get("action") == "unfollow":
        services.idea_unfollow(user=request.user, idea=idea)
        messages.success(request, "You are no longer following this idea")
    else:
        try:
            services.idea_follow(user=request.user, idea=idea)
        except PermissionDenied:
            messages.error(request, "You cannot follow this idea")
        else:
            messages.success(
                request, "You are following this idea. We will tell you when its status changes."
            )
    return redirect(idea)


@sign_in_returns_to_idea
@require_POST
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _get_idea(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        parent = None
        if form.cleaned_data.get("parent"):
            parent = selectors.comment_get_for_user(
                user=request.user, idea=idea, comment_id=form.cleaned_data["parent"]
            )
        try:
            comment = services.comment_add(
                author=request.user, idea=idea, body=form.cleaned_data["body"], parent=parent
            )
        except PermissionDenied:
            form.add_error(None, "You cannot comment on this idea")
        except ValidationError as error:
            _add_errors(form, error)
        except RateLimited as exc:
            form.add_error("body", exc.message)
        else:
            messages.success(request, "Your comment has been added")
            return redirect(f"{idea.get_absolute_url()}#comment-{comment.pk}")
    return idea_detail(request, pk, slug=idea.slug, comment_form=form, status=400)


@login_required
def comment_edit(request: HttpRequest, pk: int, comment_id: int) -> HttpResponse:
    idea = _get_idea(request, pk)
    comment = selectors.comment_get(idea=idea, comment_id=comment_id)
    if not permissions.can_edit_comment(request.user, comment):
        messages.error(
            request, "You can only change your own comment, within 15 minutes of posting it"
        )
        return redirect(idea)
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(
                author=request.user, comment=comment, body=form.cleaned_data["body"]
            )
        except PermissionDenied:
            form.add_error(None, "The 15 minutes for changing this comment have passed")
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Your comment has been changed")
            return redirect(f"{idea.get_absolute_url()}#comment-{comment.pk}")
    return render(
        request,
        "ideas/short_form.html",
        {
            "form": form,
            "idea": idea,
            "comment": comment,
            "title": "Change your comment",
            "button": "Save changes",
        },
    )


@login_required
def report(request: HttpRequest, pk: int, comment_id: int | None = None) -> HttpResponse:
    """Report an idea, or a comment on it, to the Hub Team."""
    idea = _get_idea(request, pk)
    comment = (
        selectors.comment_get_for_user(user=request.user, idea=idea, comment_id=comment_id)
        if comment_id
        else None
    )
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_add(
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                idea=None if comment else idea,
                comment=comment,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request, "Thank you. The Improvement Hub Team will look at your report."
            )
            return redirect(idea)
    title = "Report a comment" if comment else "Report this idea"
    return render(
        request,
        "ideas/short_form.html",
        {"form": form, "idea": idea, "comment": comment, "title": title, "button": "Send report"},
    )


def campaign_list(request: HttpRequest) -> HttpResponse:
    from django.utils import timezone

    return render(
        request,
        "ideas/campaign_list.html",
        {"campaigns": selectors.campaign_list(), "now": timezone.now()},
    )


def campaign_detail(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = selectors.campaign_get(slug=slug)
    filters = selectors.IdeaFilters(campaign=campaign.slug, sort=request.GET.get("sort", "newest"))
    page = _counted_page(request, selectors.idea_list_counted(filters=filters))
    return render(
        request,
        "ideas/campaign_detail.html",
        {
            "campaign": campaign,
            "page": page,
            "querystring": "",
            "progress": selectors.campaign_progress(campaign=campaign),
            "can_submit": permissions.can_submit_idea(request.user),
        },
    )
