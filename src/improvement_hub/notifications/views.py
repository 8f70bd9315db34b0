"""Pages for a person's own notifications and email settings. Every page needs sign-in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

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
def notification_list(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(notification_list_for_user(user=request.user), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
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
def notification_mark_all_read_view(request: HttpRequest) -> HttpResponse:
    count = notification_mark_all_read(user=request.user)
    if count:
        messages.success(request, f"{count} notification{'s' if count != 1 else ''} marked as read")
    return redirect("notifications:notification_list")


@login_required
@require_GET
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    notification = notification_get_for_user(user=request.user, notification_id=pk)
    notification_mark_read(user=request.user, notification=notification)
    # Only a path on this site: a stored url must never become an open redirect.
    if notification.url and is_site_path(notification.url):
        return redirect(notification.url)
    return redirect("notifications:notification_list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = PreferenceForm(request.POST)
        if form.is_valid():
            try:
                preference_set(
                    user=request.user, email_frequency=form.cleaned_data["email_frequency"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Your email settings have been saved")
                return redirect("notifications:preferences")
    else:
        form = PreferenceForm(
            initial={"email_frequency": notification_preference_get(user=request.user)}
        )
    return render(request, "notifications/preference_form.html", {"form": form})
