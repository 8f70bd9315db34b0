"""Forms of lab space and events: the one input boundary for each page and its endpoint."""

import datetime as dt
from typing import Any

from django import forms

from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.core.validators import validate_no_control_characters
from improvement_hub.council.selectors import priority_list_active
from improvement_hub.spaces import links
from improvement_hub.spaces.models import (
    CAPACITY_MAX,
    PURPOSE_MAX,
    TEXT_MAX,
    BookingSeries,
    Event,
    Provider,
    Purpose,
    ResourceRequest,
    Space,
)
from improvement_hub.spaces.selectors import space_list_for_user

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"]
DATETIME_HINT = "For example, 2017-03-14 10:00 (UK time)"
MAX_REPEATS = 52


class DateTimeField(forms.DateTimeField):
    """A local date and time (Europe/London) or an ISO 8601 instant; years 2000 to 2100."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", DATETIME_FORMATS)
        kwargs.setdefault("help_text", DATETIME_HINT)
        super().__init__(**kwargs)
        self.error_messages["invalid"] = "Enter a real date and time, like 2017-03-14 10:00"

    def clean(self, value: Any) -> Any:
        moment = super().clean(value)
        if moment is not None and not 2000 <= moment.year <= 2100:
            raise forms.ValidationError("Enter a date between the years 2000 and 2100")
        return moment


class BookingForm(GovUKFormMixin, forms.Form):
    """A booking, from the page or ``POST /api/v1/bookings`` (``space`` is the space's id)."""

    space = forms.ModelChoiceField(
        label="Space", queryset=Space.objects.none(), empty_label="Choose a space"
    )
    starts_at = DateTimeField(label="Start")
    ends_at = DateTimeField(label="End")
    purpose = forms.CharField(
        label="What is it for?",
        max_length=PURPOSE_MAX,
        validators=[validate_no_control_characters],
        help_text="For example, ‘Pilot workshop: school meals’",
    )
    kind = forms.ChoiceField(
        label="Kind of booking", choices=Purpose.choices, initial=Purpose.MEETING, required=False
    )
    priority = forms.ModelChoiceField(
        label="Council priority (optional)",
        queryset=priority_list_active(),
        to_field_name="slug",
        required=False,
    )
    people = forms.IntegerField(
        label="How many people?", min_value=1, max_value=CAPACITY_MAX, initial=1, required=False
    )
    purpose_is_public = forms.BooleanField(label="Anyone may see what it is for", required=False)
    out_of_hours_request = forms.BooleanField(
        label="Ask the Hub Team for an out-of-hours booking", required=False
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = space_list_for_user(user)  # type: ignore[attr-defined]  # a ModelChoiceField's
        self.fields["people"].error_messages.update(
            min_value="Enter at least 1 person", max_value=f"Enter {CAPACITY_MAX} people or fewer"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_at"), data.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", "The end time must be after the start time")
        return data

    def booking_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "space": data["space"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "purpose": data["purpose"],
            "kind": data.get("kind") or Purpose.MEETING,
            "priority": data.get("priority"),
            "people": data.get("people") or 1,
            "purpose_is_public": bool(data.get("purpose_is_public")),
            "out_of_hours_request": bool(data.get("out_of_hours_request")),
        }


class BookingChangeForm(GovUKFormMixin, forms.Form):
    starts_at = DateTimeField(label="New start")
    ends_at = DateTimeField(label="New end")


class DecisionForm(GovUKFormMixin, forms.Form):
    approve = forms.TypedChoiceField(
        label="Decision",
        choices=[("yes", "Approve"), ("no", "Decline")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Reason (needed to decline)",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ResourceRequestForm(GovUKFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label="What do you need?", choices=ResourceRequest.Kind.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label="Details", max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


class ResourceStatusForm(GovUKFormMixin, forms.Form):
    status = forms.ChoiceField(label="Status", choices=ResourceRequest.Status.choices)
    note = forms.CharField(label="Note (optional)", max_length=500, required=False)


class SpaceForm(GovUKFormMixin, forms.Form):
    """A new space (``POST /api/v1/spaces``)."""

    name = forms.CharField(label="Name", max_length=120)
    capacity = forms.IntegerField(label="Capacity", min_value=1, max_value=CAPACITY_MAX)
    provider = forms.ChoiceField(label="Provider", choices=Provider.choices)
    available_from = forms.DateField(label="Available from")
    available_until = forms.DateField(label="Available until (optional)", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["capacity"].error_messages.update(
            min_value="Enter a capacity of at least 1",
            max_value=f"Enter a capacity of {CAPACITY_MAX} or fewer",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, until = data.get("available_from"), data.get("available_until")
        if start and until and until < start:
            self.add_error(
                "available_until",
                "The date it is available until must be on or after the date it is available from",
            )
        for name in ("available_from", "available_until"):
            day = data.get(name)
            if day and not dt.date(2000, 1, 1) <= day <= dt.date(2100, 12, 31):
                self.add_error(name, "Enter a date between the years 2000 and 2100")
        return data


class SeriesForm(BookingForm):
    """A repeating booking: the first time, how often, and how many times or until when."""

    frequency = forms.ChoiceField(
        label="How often?", choices=BookingSeries.Frequency.choices, widget=forms.RadioSelect
    )
    count = forms.IntegerField(
        label="How many times? (or give an end date)",
        min_value=2,
        max_value=MAX_REPEATS,
        required=False,
    )
    until = forms.DateField(
        label="Until (optional)", required=False, help_text="For example, 2017-06-30"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("count") and not data.get("until"):
            self.add_error("count", "Enter how many times, or the date it repeats until")
        return data


class RegistrationForm(GovUKFormMixin, forms.Form):
    """A place at an event (``POST /api/v1/events/{id}/registrations``)."""

    name = forms.CharField(label="Your name", max_length=120)
    email = forms.EmailField(label="Email address", max_length=254)


class FeedbackForm(GovUKFormMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label="How useful was it?",
        coerce=int,
        widget=forms.RadioSelect,
        choices=[
            (5, "Very useful"),
            (4, "Useful"),
            (3, "Neither"),
            (2, "Not very useful"),
            (1, "Not useful at all"),
        ],
    )
    feedback = forms.CharField(
        label="What could we do better? (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class EventForm(GovUKFormMixin, forms.Form):
    """A new Lab event (the Hub Team's "Add an event" page); ``services.event_create``
    books its space, so no event can double-book a room."""

    title = forms.CharField(label="Title", max_length=200)
    kind = forms.ChoiceField(label="Kind of event", choices=Event.Kind.choices)
    summary = forms.CharField(label="Summary", max_length=300, help_text="One or two sentences")
    what_to_expect = forms.CharField(
        label="What to expect (optional)",
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea,
    )
    starts_at = DateTimeField(label="Start")
    ends_at = DateTimeField(label="End")
    capacity = forms.IntegerField(label="How many places?", min_value=1, max_value=CAPACITY_MAX)
    space = forms.ModelChoiceField(
        label="Space (leave empty for an online event)",
        queryset=Space.objects.none(),
        required=False,
        empty_label="Online",
    )
    online_url = forms.URLField(
        label="Online meeting link (optional)", required=False, assume_scheme="https"
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = space_list_for_user(user)  # type: ignore[attr-defined]  # a ModelChoiceField's
        self.fields["capacity"].error_messages.update(
            min_value="Enter at least 1 place", max_value=f"Enter {CAPACITY_MAX} places or fewer"
        )
        # what higher apps link an event to (a Lab challenge): spaces.links
        self.link_names = []
        for link in links.event_links():
            self.fields[link.name] = link.field(user)
            self.link_names.append(link.name)

    @classmethod
    def initial_for(cls, event: Event) -> dict[str, Any]:
        """The form filled in from an event, to change it."""
        initial: dict[str, Any] = {
            name: getattr(event, name)
            for name in ("title", "kind", "summary", "what_to_expect", "starts_at", "ends_at")
        }
        initial |= {
            "capacity": event.capacity,
            "space": event.space_id,
            "online_url": event.online_url,
        }
        for link in links.event_links():
            initial[link.name] = link.initial(event)
        return initial

    @property
    def link_fields(self) -> list[Any]:
        return [self[name] for name in self.link_names]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_at"), data.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", "The end time must be after the start time")
        if not data.get("space") and not data.get("online_url") and "online_url" not in self.errors:
            self.add_error("online_url", "Choose a space or enter an online meeting link")
        return data

    def event_data(self) -> dict[str, Any]:
        """The event's own fields, for ``services.event_create`` or ``event_update``;
        the links chosen go in ``links``."""
        data = {k: v for k, v in self.cleaned_data.items() if k not in self.link_names}
        data["links"] = {name: self.cleaned_data.get(name) for name in self.link_names}
        return data


class EventCancelForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why is it cancelled? (optional)",
        help_text="We add this to the email to everyone with a place or on the waiting list",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SeriesApiForm(SeriesForm):
    """``POST /api/v1/bookings/series``: the repeating booking page's form, with the
    frequency named ``repeat`` and what to do about clashes, since there is no page to
    choose on (``refuse``: nothing is booked and every clash is listed; ``skip``: the free
    times are booked)."""

    frequency = None  # type: ignore[assignment]  # named ``repeat`` here
    repeat = forms.ChoiceField(label="How often?", choices=BookingSeries.Frequency.choices)
    on_clash = forms.ChoiceField(
        label="If a time clashes",
        choices=[("refuse", "Book nothing"), ("skip", "Skip that time")],
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["frequency"] = data.get("repeat")
        data["on_clash"] = data.get("on_clash") or "refuse"
        return data


ACCESS_FEATURES = [
    ("step_free", "Step-free access"),
    ("hearing_loop", "Hearing loop"),
    ("accessible_toilet", "Accessible toilet"),
    ("quiet_room", "Quiet room"),
]


class WeekFilterForm(GovUKFormMixin, forms.Form):
    """Which spaces the all-spaces week shows (GET): a building, a provider, how many
    people and access features (the week is the page's ``?week=``). A value not
    understood is shown as an error and left out."""

    building = forms.ChoiceField(label="Building", required=False)
    provider = forms.ChoiceField(
        label="Provider", required=False, choices=[("", "Any provider"), *Provider.choices]
    )
    people = forms.IntegerField(
        label="For at least this many people", required=False, min_value=1, max_value=CAPACITY_MAX
    )
    access = forms.MultipleChoiceField(
        label="Access",
        required=False,
        choices=ACCESS_FEATURES,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, buildings: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["building"].choices = [("", "Any building")] + [(b, b) for b in buildings]  # type: ignore[attr-defined]  # a ChoiceField's
        self.fields["people"].error_messages.update(
            min_value="Enter at least 1 person", max_value=f"Enter {CAPACITY_MAX} people or fewer"
        )

    def filters(self) -> dict[str, Any]:
        """The valid filters (an invalid one is shown as an error and left out)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "building": data.get("building") or "",
            "provider": data.get("provider") or "",
            "people": data.get("people"),
            "access": list(data.get("access") or []),
        }
