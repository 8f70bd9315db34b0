"""Pages for a person's own notifications and email settings. Every page needs sign-in."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from improvement_hub.accounts.types import SignedInRequest
from improvement_hub.core.forms import submit
from improvement_hub.core.pagination import page_of
from improvement_hub.notifications.forms import PreferenceForm
from improvement_hub.notifications.selectors import (
    notification_get_for_user,
    notification_list_for_user,
    notification_preference_get,
    notification_unread_count,
)
from improvement_hub.notifications.services import (
    is_site_path,
    notification_mark_all_read,
    notification_mark_read,
    preference_set,
)

PAGE_SIZE = 20


@login_required
@require_GET
def notification_list(request: SignedInRequest) -> HttpResponse:
    page = page_of(request, notification_list_for_user(user=request.user), PAGE_SIZE)
    return render(
        request,
        "notifications/notification_list.html",
        {
            "page": page,
            "unread_count": notification_unread_count(user=request.user),
        },
    )


@login_required
@require_POST
def notification_mark_all_read_view(request: SignedInRequest) -> HttpResponse:
    count = notification_mark_all_read(user=request.user)
    if count:
        messages.success(request, f"{count} notification{'s' if count != 1 else ''} marked as read")
    return redirect("notifications:notification_list")


@login_required
@require_GET
def notification_open(request: SignedInRequest, pk: int) -> HttpResponse:
    notification = notification_get_for_user(user=request.user, notification_id=pk)
    notification_mark_read(user=request.user, notification=notification)
    # Only a path on this site: a stored url must never become an open redirect.
    if notification.url and is_site_path(notification.url):
        return redirect(notification.url)
    return redirect("notifications:notification_list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: SignedInRequest) -> HttpResponse:
    if request.method == "POST":
        form = PreferenceForm(request.POST)
        frequency = form.cleaned_data["email_frequency"] if form.is_valid() else None
        if frequency and submit(
            form, partial(preference_set, user=request.user, email_frequency=frequency)
        ):
            messages.success(request, "Your email settings have been saved")
            return redirect("notifications:preferences")
    else:
        form = PreferenceForm(
            initial={"email_frequency": notification_preference_get(user=request.user)}
        )
    return render(request, "notifications/preference_form.html", {"form": form})
