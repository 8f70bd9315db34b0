"""The newsletter's pages: subscribe, confirm and unsubscribe (no account needed), and the
Hub Team's issues (write, preview, send)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from improvement_hub.cms import newsletter_selectors as selectors
from improvement_hub.cms import newsletter_services as services
from improvement_hub.cms.newsletter_forms import IssueForm, SubscribeForm
from improvement_hub.cms.newsletter_models import NewsletterIssue
from improvement_hub.core.client_ip import client_ip
from improvement_hub.core.decorators import hidden_unless
from improvement_hub.core.forms import render_form, submit
from improvement_hub.core.pagination import page_of

HONEYPOT = "website"


def _private(response: HttpResponse) -> HttpResponse:
    # The token is in the address: never send it to other sites.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
def subscribe(request: HttpRequest) -> HttpResponse:
    """The sign-up form. A honeypot field catches simple bots."""
    form = SubscribeForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get(HONEYPOT):
            return HttpResponseBadRequest("Sorry, there is a problem with your request.")
        if form.is_valid():
            data = form.cleaned_data
            done = submit(
                form,
                lambda: services.subscriber_subscribe(
                    email=data["email"], priorities=data["priorities"], ip=client_ip(request)
                ),
            )
            if done is not None:
                request.session["newsletter_email"] = data["email"].strip().lower()
                return redirect("newsletter:check_email")
    return render_form(request, "cms/newsletter/subscribe.html", {"form": form})


@never_cache
def check_email(request: HttpRequest) -> HttpResponse:
    email = request.session.get("newsletter_email")
    if not email:
        return redirect("newsletter:subscribe")
    return render(request, "cms/newsletter/check_email.html", {"email": email})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the confirmation email shows a button (so email scanners that open
    links confirm nothing); pressing it confirms."""
    subscriber = selectors.subscriber_for_confirm_token(token)
    if subscriber is None:
        return _private(render(request, "cms/newsletter/link_invalid.html", status=404))
    if request.method == "POST" or subscriber.is_confirmed:
        services.subscriber_confirm(subscriber=subscriber)
        return _private(render(request, "cms/newsletter/confirmed.html"))
    return _private(render(request, "cms/newsletter/confirm.html"))


@never_cache
@csrf_exempt  # mail clients POST here (RFC 8058) without a session: the signed token is the key
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every email, and the ``List-Unsubscribe`` address. A GET shows one
    button (email scanners open links: they must not unsubscribe anyone); a POST, from the
    button or a mail client's one-click unsubscribe, unsubscribes. Only a genuine token
    does anything; an old one for someone already gone says they are unsubscribed."""
    link = selectors.subscriber_for_unsubscribe_token(token)
    if not link.valid:
        return _private(render(request, "cms/newsletter/link_invalid.html", status=404))
    if request.method == "POST" or link.subscriber is None:
        services.subscriber_unsubscribe(subscriber=link.subscriber)
        return _private(render(request, "cms/newsletter/unsubscribed.html"))
    return _private(render(request, "cms/newsletter/unsubscribe.html"))


# --- the Hub Team's issues ---------------------------------------------------------------------

hub_team_only = hidden_unless(services.can_manage_newsletter)


@hub_team_only
def issue_list(request: HttpRequest) -> HttpResponse:
    page = page_of(request, selectors.issue_list(), 20)
    context = {
        "page": page,
        "subscribers": selectors.subscriber_count_confirmed(),
        "by_priority": selectors.subscriber_counts_by_priority(),
    }
    return render(request, "cms/newsletter/issue_list.html", context)


def _issue_form(request: HttpRequest, issue: NewsletterIssue | None = None) -> HttpResponse:
    chosen_pages = list(issue.pages.values_list("pk", flat=True)) if issue else []
    chosen_results = list(issue.initiatives.values_list("pk", flat=True)) if issue else []
    initial = (
        {
            "subject": issue.subject,
            "introduction": issue.introduction,
            "pages": chosen_pages,
            "initiatives": chosen_results,
        }
        if issue
        else {}
    )
    form = IssueForm(
        request.POST or None,
        initial=initial,
        chosen_pages=chosen_pages,
        chosen_results=chosen_results,
    )
    if request.method == "POST" and form.is_valid():
        saved = submit(
            form, lambda: services.issue_save(user=request.user, issue=issue, **form.cleaned_data)
        )
        if saved is not None:
            messages.success(request, "Issue saved. Check the preview, then send it")
            return redirect("newsletter:issue_detail", pk=saved.pk)
    return render_form(request, "cms/newsletter/issue_form.html", {"form": form, "issue": issue})


@hub_team_only
def issue_new(request: HttpRequest) -> HttpResponse:
    return _issue_form(request)


@hub_team_only
def issue_edit(request: HttpRequest, pk: int) -> HttpResponse:
    issue = selectors.issue_get(pk=pk)
    if not issue.is_draft:
        return redirect("newsletter:issue_detail", pk=pk)
    return _issue_form(request, issue)


@hub_team_only
def issue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The preview: the issue as a subscriber who chose no priorities will get it."""
    issue = selectors.issue_get(pk=pk)
    context = {
        "issue": issue,
        "items": selectors.issue_items(issue),
        "subscribers": selectors.subscriber_count_confirmed(),
    }
    return render(request, "cms/newsletter/issue_detail.html", context)


@hub_team_only
@require_POST
def issue_send(request: HttpRequest, pk: int) -> HttpResponse:
    issue = selectors.issue_get(pk=pk)
    was_draft = issue.is_draft
    try:
        issue = services.issue_send(user=request.user, issue=issue)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if was_draft:
            messages.success(
                request, f"Sending to {issue.recipient_count} subscribers. This page shows progress"
            )
    return redirect("newsletter:issue_detail", pk=pk)
