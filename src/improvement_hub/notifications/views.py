"""Pages for a person's own notifications and email settings. Every page needs sign-in."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from improvement_hub.accounts.types import SignedInRequest
from improvement_hub.core.forms import render_form, submit
from improvement_hub.core.pagination import page_of
from improvement_hub.notifications.forms import NotificationFilterForm, PreferenceForm
from improvement_hub.notifications.selectors import (
    notification_get_for_user,
    notification_kind_choices,
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
    filter_form = NotificationFilterForm(request.GET)
    kind, unread = filter_form.values()
    notifications = notification_list_for_user(user=request.user, kind=kind, unread=unread)
    return render(
        request,
        "notifications/notification_list.html",
        {
            "page": page_of(request, notifications, PAGE_SIZE),
            "filter_form": filter_form,
            "filtered": bool(kind or unread),
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
        form = PreferenceForm(request.POST, user=request.user)
        saved = (
            submit(form, partial(preference_set, user=request.user, **form.cleaned_data))
            if form.is_valid()
            else None
        )
        if saved is not None:
            messages.success(request, "Your notification settings have been saved")
            return redirect("notifications:preferences")
    else:
        chosen = notification_kind_choices(user=request.user)
        frequency = notification_preference_get(user=request.user)
        form = PreferenceForm(initial={**chosen, "email_frequency": frequency}, user=request.user)
    return render_form(request, "notifications/preference_form.html", {"form": form})
