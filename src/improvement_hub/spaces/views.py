"""Pages of lab space and events for everyone: spaces and their weeks, booking (signed
in), a person's bookings, events and registration (no account needed)."""

import datetime as dt
import uuid
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from improvement_hub.core.forms import render_form, submit
from improvement_hub.core.pagination import page_of
from improvement_hub.spaces import ics, permissions, selectors, services
from improvement_hub.spaces.forms import (
    BookingChangeForm,
    BookingForm,
    FeedbackForm,
    RegistrationForm,
    ResourceRequestForm,
    SeriesForm,
    WeekFilterForm,
)
from improvement_hub.spaces.models import Registration

FEED_SALT = "spaces.person-feed"


def _monday(request: HttpRequest) -> dt.date:
    """The week asked for with ``?week=YYYY-MM-DD`` (any day of it), else this week."""
    try:
        day = dt.date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        day = timezone.localdate()
    day = min(max(day, dt.date(2000, 1, 3)), dt.date(2100, 12, 27))
    return selectors.week_start(day)


def _week_links(monday: dt.date) -> dict[str, dt.date]:
    return {
        "monday": monday,
        "previous": monday - dt.timedelta(days=7),
        "next": monday + dt.timedelta(days=7),
    }


def space_list(request: HttpRequest) -> HttpResponse:
    spaces = selectors.space_list_for_user(request.user)
    return render(request, "spaces/space_list.html", {"spaces": spaces})


WEEK_SPACES_PER_PAGE = 20


def spaces_week(request: HttpRequest) -> HttpResponse:
    """The spaces by day of one week, 20 to a page, filtered by building, provider, size
    and access features (GET, so a filtered week can be shared). A fixed number of queries
    however many spaces and bookings there are."""
    monday = _monday(request)
    form = WeekFilterForm(request.GET, buildings=selectors.space_buildings(request.user))
    spaces = selectors.space_list_filtered(request.user, **form.filters())
    page = page_of(request, spaces, WEEK_SPACES_PER_PAGE)
    rows = selectors.spaces_week(user=request.user, monday=monday, spaces=list(page.object_list))
    days = [monday + dt.timedelta(days=i) for i in range(7)]
    filtered = any(request.GET.get(name) for name in ("building", "provider", "people", "access"))
    context = {
        "rows": rows,
        "days": days,
        "page": page,
        "form": form,
        "filtered": filtered,
        **_week_links(monday),
    }
    return render(request, "spaces/spaces_week.html", context)


def space_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A space, its access and rules, and its week hour by hour."""
    space = selectors.space_get_for_user(request.user, slug=slug)
    monday = _monday(request)
    week = selectors.space_week(user=request.user, space=space, monday=monday)
    can_book = permissions.can_book_space(request.user, space)
    return render(
        request,
        "spaces/space_detail.html",
        {"space": space, "week": week, "can_book": can_book, **_week_links(monday)},
    )


@login_required
def booking_new(request: HttpRequest) -> HttpResponse:
    """Book a space. ``?space=<id>&starts_at=...&ends_at=...`` fill the form in (from a free
    slot in a week table or a suggested time)."""
    instead: list[dict[str, object]] = []
    if request.method == "POST":
        form = BookingForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.booking_data()
            booking = submit(form, lambda: services.booking_create(user=request.user, **data))
            if booking is not None:
                messages.success(
                    request,
                    "Your booking is confirmed"
                    if booking.status == "confirmed"
                    else "Your request has been sent to the Hub Team",
                )
                return redirect("spaces:booking_detail", pk=booking.pk)
            instead = _council_rooms_instead(request, data)
    else:
        form = BookingForm(initial=request.GET.dict(), user=request.user)
    context = {"form": form, "instead": instead}
    return render_form(request, "spaces/booking_form.html", context)


def _council_rooms_instead(request: HttpRequest, data: dict[str, Any]) -> list[dict[str, object]]:
    """After a refusal because the partner's space has closed by then: the council rooms
    free at that time, each with a link that fills the form in for it, and the space
    refused (the template names it)."""
    rooms = selectors.council_rooms_instead(
        user=request.user,
        space=data["space"],
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        people=data.get("people") or 1,
    )
    fill = {
        "starts_at": timezone.localtime(data["starts_at"]).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": timezone.localtime(data["ends_at"]).strftime("%Y-%m-%dT%H:%M"),
        "purpose": data.get("purpose", ""),
        "people": data.get("people") or 1,
    }
    base = reverse("spaces:booking_new")
    return [
        {
            "space": room,
            "closed": data["space"],
            "href": f"{base}?{urlencode({'space': room.pk, **fill})}",
        }
        for room in rooms
    ]


@login_required
def my_bookings(request: HttpRequest) -> HttpResponse:
    """A person's upcoming bookings and the address of their calendar feed."""
    bookings = page_of(request, selectors.booking_list_for_person(user=request.user), 25)
    token = signing.dumps(request.user.pk, salt=FEED_SALT)
    return render(request, "spaces/my_bookings.html", {"page": bookings, "feed_token": token})


@login_required
def booking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    booking = selectors.booking_get_for_user(user=request.user, pk=pk)
    context = {
        "booking": booking,
        "change_form": BookingChangeForm(
            initial={"starts_at": booking.starts_at, "ends_at": booking.ends_at}
        ),
        "resource_form": ResourceRequestForm(),
    }
    return render(request, "spaces/booking_detail.html", context)


@login_required
def booking_change(request: HttpRequest, pk: int) -> HttpResponse:
    booking = selectors.booking_get_for_user(user=request.user, pk=pk)
    form = BookingChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if submit(
            form, lambda: services.booking_change(user=request.user, booking=booking, **data)
        ):
            messages.success(request, "Your booking has been changed")
            return redirect("spaces:booking_detail", pk=booking.pk)
    context = {"booking": booking, "change_form": form, "resource_form": ResourceRequestForm()}
    return render_form(request, "spaces/booking_detail.html", context, form=form)


@login_required
def booking_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page (GET) and the cancellation (POST)."""
    booking = selectors.booking_get_for_user(user=request.user, pk=pk)
    if request.method == "POST":
        services.booking_cancel(user=request.user, booking=booking)
        messages.success(request, "The booking has been cancelled")
        return redirect("spaces:my_bookings")
    return render(request, "spaces/booking_cancel.html", {"booking": booking})


@login_required
@require_POST
def resource_request(request: HttpRequest, pk: int) -> HttpResponse:
    booking = selectors.booking_get_for_user(user=request.user, pk=pk)
    form = ResourceRequestForm(request.POST)
    if form.is_valid() and None is not submit(
        form,
        lambda: services.resource_request_add(
            user=request.user, booking=booking, **form.cleaned_data
        ),
    ):
        messages.success(request, "Your request has been sent to the Hub Team")
        return redirect("spaces:booking_detail", pk=booking.pk)
    context = {"booking": booking, "change_form": BookingChangeForm(), "resource_form": form}
    return render_form(request, "spaces/booking_detail.html", context, form=form)


def person_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """A person's bookings as a calendar feed; the signed token in its address stands in for
    signing in (calendar programs cannot)."""
    try:
        user_id = signing.loads(token, salt=FEED_SALT)
    except signing.BadSignature:
        raise Http404 from None
    bookings = selectors.booking_list_for_feed_person(user_id=user_id)
    body = ics.bookings_calendar("My bookings", bookings, show_purpose=lambda b: True)
    return HttpResponse(body, content_type=ics.CONTENT_TYPE)


# --- events --------------------------------------------------------------------------------------


def event_list(request: HttpRequest) -> HttpResponse:
    events = page_of(request, selectors.event_list_public(), 20)
    past = selectors.event_list_past()[:6]
    can_add = permissions.can_manage_spaces(request.user)
    context = {"page": events, "past": past, "can_add": can_add}
    return render(request, "spaces/event_list.html", context)


def event_calendar(request: HttpRequest) -> HttpResponse:
    body = ics.events_calendar("Lab events", selectors.event_list_public(upcoming=False)[:200])
    return HttpResponse(body, content_type=ics.CONTENT_TYPE)


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An event's public page with the registration form (no account needed)."""
    event = selectors.event_get_public(slug=slug)
    form = RegistrationForm(request.POST or None, initial=_known(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        registration = submit(
            form, lambda: services.registration_submit(event=event, user=request.user, **data)
        )
        if registration is not None:
            return render(
                request,
                "spaces/registration_done.html",
                {"event": event, "registration": registration},
            )
    context = {
        "event": event,
        "form": form,
        "can_manage": permissions.can_manage_spaces(request.user),
        "event_over": event.ends_at <= timezone.now(),
    }
    return render_form(request, "spaces/event_detail.html", context, form=form)


def _known(request: HttpRequest) -> dict[str, str]:
    user = request.user
    return {"name": user.get_full_name(), "email": user.email} if user.is_authenticated else {}


def _registration(token: uuid.UUID) -> Registration:
    registration = selectors.registration_get_by_token(token=token)
    if registration is None:
        raise Http404
    return registration


def registration_confirm(request: HttpRequest, token: uuid.UUID) -> HttpResponse:
    """The link in the email shows a button (so email scanners that follow links confirm
    nothing); pressing it confirms."""
    registration = _registration(token)
    if request.method == "POST":
        registration = services.registration_confirm(registration=registration)
        return redirect("spaces:registration_manage", token=token)
    return render(
        request,
        "spaces/registration_confirm.html",
        {"registration": registration, "event": registration.event},
    )


def registration_manage(request: HttpRequest, token: uuid.UUID) -> HttpResponse:
    """A registrant's place: its status, cancel, and feedback after the event."""
    registration = _registration(token)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "cancel":
        services.registration_cancel(registration=registration)
        messages.success(request, "Your place has been cancelled")
        return redirect("spaces:registration_manage", token=token)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if submit(form, lambda: services.feedback_submit(registration=registration, **data)):
            messages.success(request, "Thank you for your feedback")
            return redirect("spaces:registration_manage", token=token)
    return render_form(
        request,
        "spaces/registration_manage.html",
        {"registration": registration, "event": registration.event, "form": form},
        form=form,
    )


@login_required
def series_new(request: HttpRequest) -> HttpResponse:
    """A repeating booking: the times are checked and shown first; each clash is skipped or
    moved to a free time nearby; then all are booked, or none."""
    form = SeriesForm(request.POST or None, user=request.user, initial=request.GET.dict())
    if request.method != "POST" or not form.is_valid():
        return render_form(request, "spaces/series_form.html", {"form": form})
    data, extra = form.booking_data(), form.cleaned_data
    space = data.pop("space")
    times = services.series_times(
        starts_at=data.pop("starts_at"),
        ends_at=data.pop("ends_at"),
        frequency=extra["frequency"],
        count=extra.get("count"),
        until=extra.get("until"),
    )
    checked = services.series_check(
        user=request.user,
        space=space,
        times=times,
        out_of_hours_ok=data["out_of_hours_request"],  # as the booking will be judged
    )
    plan = selectors.series_plan(space=space, checked=checked)
    if request.POST.get("action") == "book":
        chosen = _series_chosen(request, plan)
        if submit(
            form,
            lambda: services.series_create(
                user=request.user, space=space, times=chosen, frequency=extra["frequency"], **data
            ),
        ):
            messages.success(request, f"{len(chosen)} bookings made")
            return redirect("spaces:my_bookings")
    return render_form(request, "spaces/series_form.html", {"form": form, "plan": plan}, form=form)


def _series_chosen(
    request: HttpRequest, plan: list[selectors.SeriesTime]
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Free times as they are; for each problem time, the alternative picked (or skip)."""
    chosen = []
    for item in plan:
        if not item.problem:
            chosen.append((item.starts_at, item.ends_at))
            continue
        picked = request.POST.get(f"time-{item.index}", "skip")
        if picked.isdigit() and int(picked) < len(item.alternatives):
            chosen.append(item.alternatives[int(picked)])
    return chosen
