"""The Hub Team's pages: approvals, resource requests, the move plan, utilisation and event
registers. Everyone else gets a 404 (``hidden_unless``)."""

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from improvement_hub.core.decorators import hidden_unless
from improvement_hub.core.forms import render_form, submit
from improvement_hub.core.spreadsheets import csv_response, xlsx_response
from improvement_hub.spaces import permissions, selectors, services
from improvement_hub.spaces.forms import (
    DecisionForm,
    EventCancelForm,
    EventForm,
    ResourceStatusForm,
)
from improvement_hub.spaces.models import MoveStep, ResourceRequest


@hidden_unless(permissions.can_manage_spaces)
def approvals(request: HttpRequest) -> HttpResponse:
    bookings = selectors.booking_list_pending()
    return render(
        request, "spaces/hub/approvals.html", {"bookings": bookings, "form": DecisionForm()}
    )


@hidden_unless(permissions.can_manage_spaces)
@require_POST
def booking_decide(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_object_or_404(selectors.booking_list_pending(), pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid() and None is not submit(
        form,
        lambda: services.booking_decide(user=request.user, booking=booking, **form.cleaned_data),
    ):
        messages.success(
            request,
            "The booking has been approved"
            if form.cleaned_data["approve"]
            else "The booking has been declined",
        )
        return redirect("spaces:approvals")
    context = {"bookings": selectors.booking_list_pending(), "form": form, "failed": booking.pk}
    return render_form(request, "spaces/hub/approvals.html", context, form=form)


@hidden_unless(permissions.can_manage_spaces)
def resource_queue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "spaces/hub/resource_queue.html",
        {"bookings": selectors.resource_request_queue(), "form": ResourceStatusForm()},
    )


@hidden_unless(permissions.can_manage_spaces)
@require_POST
def resource_update(request: HttpRequest, pk: int) -> HttpResponse:
    resource = get_object_or_404(ResourceRequest.objects.select_related("booking"), pk=pk)
    form = ResourceStatusForm(request.POST)
    if form.is_valid() and None is not submit(
        form,
        lambda: services.resource_request_update(
            user=request.user, request=resource, **form.cleaned_data
        ),
    ):
        messages.success(request, "The request has been updated")
        return redirect("spaces:resource_queue")
    return render_form(
        request,
        "spaces/hub/resource_queue.html",
        {"bookings": selectors.resource_request_queue(), "form": form},
        form=form,
    )


def move_plan(request: HttpRequest) -> HttpResponse:
    """The move into council buildings, step by step (public: the decision asks for it)."""
    return render(
        request,
        "spaces/move_plan.html",
        {
            "move_plan": selectors.move_plan_current(),
            "can_manage": permissions.can_manage_spaces(request.user),
        },
    )


@hidden_unless(permissions.can_manage_spaces)
@require_POST
def move_step_done(request: HttpRequest, pk: int) -> HttpResponse:
    step = get_object_or_404(MoveStep, pk=pk)
    done_on = None if step.done_on else dt.date.today()  # noqa: DTZ011  # the council's own day
    services.move_step_done(user=request.user, step=step, done_on=done_on)
    return redirect("spaces:move_plan")


@hidden_unless(permissions.can_see_utilisation)
def utilisation(request: HttpRequest) -> HttpResponseBase:
    """Hours booked against hours open, per space by week or month; CSV and XLSX."""
    period = "month" if request.GET.get("by") == "month" else "week"
    first, last = selectors.utilisation_range(
        request.GET.get("from", ""), request.GET.get("to", "")
    )
    report = selectors.utilisation(period=period, first=first, last=last)
    headers, rows = report.headers, report.rows
    fmt = request.GET.get("format")
    if fmt == "csv":
        return csv_response(filename=f"utilisation-{period}.csv", headers=headers, rows=rows)
    if fmt == "xlsx":
        return xlsx_response(
            filename=f"utilisation-{period}.xlsx", sheet="Utilisation", headers=headers, rows=rows
        )
    return render(
        request,
        "spaces/hub/utilisation.html",
        {"report": report, "period": period, "first": first, "last": last},
    )


@hidden_unless(permissions.can_manage_spaces)
def event_register(request: HttpRequest, slug: str) -> HttpResponse:
    """Who registered (confirmed, then the waiting list); attendance marked afterwards."""
    event = selectors.event_get_public(slug=slug)
    if request.method == "POST":
        ids = [int(v) for v in request.POST.getlist("attended") if v.isdigit()]
        came = services.attendance_mark(user=request.user, event=event, attended_ids=ids)
        messages.success(request, f"Attendance saved: {came} came")
        return redirect("spaces:event_register", slug=slug)
    registrations = selectors.registration_list_for_event(event=event)
    return render(
        request, "spaces/hub/event_register.html", {"event": event, "registrations": registrations}
    )


@hidden_unless(permissions.can_manage_spaces)
def event_new(request: HttpRequest) -> HttpResponse:
    """Add an event: the service books its space (refusing a clash, as any booking)."""
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.event_data()
        event = submit(form, lambda: services.event_create(user=request.user, **data))
        if event is not None:
            messages.success(request, f"{event.title} has been added")
            return redirect(event.get_absolute_url())
    return render_form(request, "spaces/hub/event_form.html", {"form": form})


def _told(count: int) -> str:
    if count == 0:
        return "nobody needed to be told"
    return "1 person has been emailed" if count == 1 else f"{count} people have been emailed"


@hidden_unless(permissions.can_manage_spaces)
def event_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Change an event: the same form as adding one, filled in; registrants are emailed
    an updated calendar entry when its title, time or place changes."""
    event = selectors.event_get_public(slug=slug)
    form = EventForm(request.POST or None, user=request.user, initial=EventForm.initial_for(event))
    if request.method == "POST" and form.is_valid():
        data = form.event_data()
        done = submit(form, lambda: services.event_update(user=request.user, event=event, **data))
        if done is not None:
            changed, told = done
            messages.success(request, f"{changed.title} has been changed: {_told(told)}")
            return redirect(changed.get_absolute_url())
    return render_form(
        request, "spaces/hub/event_form.html", {"form": form, "event": event}, form=form
    )


@hidden_unless(permissions.can_manage_spaces)
def event_cancel(request: HttpRequest, slug: str) -> HttpResponse:
    """A confirmation page (GET) and the cancellation (POST), with an optional reason
    for the email to everyone with a place or waiting."""
    event = selectors.event_get_public(slug=slug)
    form = EventCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        done = submit(
            form, lambda: services.event_cancel(user=request.user, event=event, reason=reason)
        )
        if done is not None:
            cancelled, told = done
            messages.success(request, f"{cancelled.title} has been cancelled: {_told(told)}")
            return redirect(cancelled.get_absolute_url())
    context = {"form": form, "event": event, "registrants": event.confirmed_count}
    return render_form(request, "spaces/hub/event_cancel.html", context, form=form)
