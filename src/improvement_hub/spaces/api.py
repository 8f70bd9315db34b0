"""Lab space and events in the JSON API: spaces, availability, bookings, calendars, events
and registrations. Input is bound to the pages' forms; refusals map through the API's
handlers (422, 403, 429), except a clash, which is 409 with the clashing range."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status

from improvement_hub.accounts.api_auth import READ_AUTH
from improvement_hub.accounts.types import ApiReadRequest, ApiWriteRequest
from improvement_hub.core.api import PROBLEMS, Problem, bind_form
from improvement_hub.core.schemas import InputSchema
from improvement_hub.spaces import ics, permissions, selectors, services
from improvement_hub.spaces.forms import BookingForm, RegistrationForm, SeriesApiForm, SpaceForm
from improvement_hub.spaces.models import Event, Space

router = Router(tags=["spaces"])
AVAILABILITY_MAX_DAYS = 62


class SpaceOut(Schema):
    id: int
    name: str
    slug: str
    building: str
    provider: str
    capacity: int
    is_public: bool
    available_from: dt.date
    available_until: dt.date | None
    opens_at: dt.time
    closes_at: dt.time
    access_features: list[str]
    url: str

    @staticmethod
    def resolve_url(space: Space) -> str:
        return space.get_absolute_url()


class SpaceIn(InputSchema):
    name: str
    capacity: int
    provider: str = Field(description="partner or council")
    available_from: dt.date
    available_until: dt.date | None = None


class RangeOut(Schema):
    starts_at: dt.datetime
    ends_at: dt.datetime


class AvailabilityOut(Schema):
    space: int
    free: list[RangeOut]
    busy: list[RangeOut]


class BookingIn(InputSchema):
    space: int
    starts_at: str = Field(description="ISO 8601; without an offset, UK time")
    ends_at: str
    purpose: str
    kind: str = ""
    people: int | None = None
    purpose_is_public: bool = False
    out_of_hours_request: bool = False


class BookingCreated(Schema):
    id: int
    status: str


class Clash(Schema):
    detail: str
    clash: RangeOut | None


class EventOut(Schema):
    id: int
    title: str
    kind: str
    summary: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    capacity: int
    places_left: int
    url: str

    @staticmethod
    def resolve_place(event: Event) -> str:
        return event.space.name if event.space else "Online"

    @staticmethod
    def resolve_url(event: Event) -> str:
        return event.get_absolute_url()


class RegistrationIn(InputSchema):
    name: str
    email: str


class Accepted(Schema):
    detail: str


class AvailabilityQuery(Schema):
    from_: dt.date = Field(alias="from")
    to: dt.date


@router.get("/spaces", response=list[SpaceOut], auth=READ_AUTH)
def space_list(request: ApiReadRequest) -> list[Space]:
    """Public spaces for everyone; internal ones too for staff and partners."""
    return list(selectors.space_list_for_user(request.auth))


@router.post("/spaces", response={201: SpaceOut, **PROBLEMS})
def space_create(request: ApiWriteRequest, payload: SpaceIn) -> Status[Space]:
    """Add a space (the Hub Team)."""
    form = bind_form(SpaceForm, payload.model_dump())
    return Status(201, services.space_create(user=request.auth, **form.cleaned_data))


@router.get("/spaces/{space_id}", response=SpaceOut, auth=READ_AUTH)
def space_detail(request: ApiReadRequest, space_id: int) -> Space:
    return selectors.space_get_for_user(request.auth, pk=space_id)


@router.get(
    "/spaces/{space_id}/availability", response={200: AvailabilityOut, 422: Problem}, auth=READ_AUTH
)
def space_availability(
    request: ApiReadRequest, space_id: int, query: Query[AvailabilityQuery]
) -> Status[AvailabilityOut]:
    """Free and busy ranges from ``from`` to ``to`` (inclusive, up to 62 days)."""
    space = selectors.space_get_for_user(request.auth, pk=space_id)
    first, last = query.from_, query.to
    if last < first or (last - first).days >= AVAILABILITY_MAX_DAYS:
        raise ValidationError(
            {"to": [f"Enter a date on or after ‘from’, up to {AVAILABILITY_MAX_DAYS} days later"]}
        )
    found = selectors.space_availability(user=None, space=space, first=first, last=last)
    free = [RangeOut(starts_at=s, ends_at=e) for s, e in found.free]
    busy = [RangeOut(starts_at=s, ends_at=e) for s, e, _ in found.busy]
    return Status(200, AvailabilityOut(space=space.pk, free=free, busy=busy))


@router.get("/spaces/{space_id}/calendar.ics", auth=READ_AUTH)
def space_calendar(request: ApiReadRequest, space_id: int) -> HttpResponse:
    """The space's bookings as iCalendar; internal purposes show as "Booked" to those who
    may not see them."""
    user = request.auth
    space = selectors.space_get_for_user(user, pk=space_id)
    bookings = selectors.booking_list_for_feed(space=space)
    body = ics.bookings_calendar(
        space.name, bookings, show_purpose=lambda b: permissions.can_see_purpose(user, b)
    )
    return HttpResponse(body, content_type=ics.CONTENT_TYPE)


@router.post("/bookings", response={201: BookingCreated, 409: Clash, **PROBLEMS})
def booking_create(
    request: ApiWriteRequest, payload: BookingIn
) -> Status[BookingCreated] | Status[Clash]:
    """Book a space (staff, partners, the Hub Team). 409 names the clashing range."""
    form = bind_form(BookingForm, payload.model_dump(), user=request.auth)
    try:
        booking = services.booking_create(user=request.auth, **form.booking_data())
    except (
        services.BookingClash
    ) as clash:  # the one refusal that is not a 422 (docs/decisions/0017)
        found = clash.clash
        when = RangeOut(starts_at=found.starts_at, ends_at=found.blocked_until) if found else None
        return Status(409, Clash(detail=services.CLASH, clash=when))
    return Status(201, BookingCreated(id=booking.pk, status=booking.status))


class SeriesIn(InputSchema):
    space: int
    starts_at: str = Field(description="The first time; ISO 8601, without an offset UK time")
    ends_at: str
    purpose: str
    repeat: str = Field(description="weekly or monthly")
    count: int | None = Field(None, description="How many times (2 to 52); or give until")
    until: dt.date | None = Field(None, description="The last day it may repeat on")
    on_clash: str = Field("refuse", description="refuse (book nothing) or skip (those times)")
    kind: str = ""
    people: int | None = None
    purpose_is_public: bool = False
    out_of_hours_request: bool = False


class BookedOut(Schema):
    id: int
    status: str
    starts_at: dt.datetime
    ends_at: dt.datetime


class TimeProblem(Schema):
    starts_at: dt.datetime
    ends_at: dt.datetime
    reason: str
    clash: bool


class SeriesCreated(Schema):
    series: int
    bookings: list[BookedOut]
    skipped: list[TimeProblem]


class SeriesClashOut(Schema):
    detail: str
    times: list[TimeProblem]


def _problems(times: list[services.SeriesProblem]) -> list[TimeProblem]:
    return [
        TimeProblem(starts_at=t.starts_at, ends_at=t.ends_at, reason=t.problem, clash=t.clash)
        for t in times
    ]


@router.post("/bookings/series", response={201: SeriesCreated, 409: SeriesClashOut, **PROBLEMS})
def series_create(
    request: ApiWriteRequest, payload: SeriesIn
) -> Status[SeriesCreated] | Status[SeriesClashOut]:
    """A repeating booking (weekly or monthly, ``count`` times or ``until`` a date), bound
    to the repeating booking page's form. All or nothing: with ``on_clash: "refuse"`` any
    clash gives 409 listing every time that cannot be booked, and nothing is booked; with
    ``"skip"`` those times are left out (listed in ``skipped``). A time that breaks the
    space's rules, with no clash, is 422 with why."""
    form = bind_form(SeriesApiForm, payload.model_dump(), user=request.auth)
    data, extra = form.booking_data(), form.cleaned_data
    space = data.pop("space")
    times = services.series_times(
        starts_at=data.pop("starts_at"),
        ends_at=data.pop("ends_at"),
        frequency=extra["frequency"],
        count=extra.get("count"),
        until=extra.get("until"),
    )
    try:
        done = services.series_book(
            user=request.auth,
            space=space,
            times=times,
            frequency=extra["frequency"],
            on_clash=extra["on_clash"],
            **data,
        )
    except services.SeriesClash as clash:  # 409, as a single booking's clash
        return Status(
            409,
            SeriesClashOut(
                detail=f"{services.CLASH}: nothing was booked", times=_problems(clash.times)
            ),
        )
    bookings = done.bookings
    return Status(
        201,
        SeriesCreated(
            series=bookings[0].series_id or 0,
            bookings=[
                BookedOut(id=b.pk, status=b.status, starts_at=b.starts_at, ends_at=b.ends_at)
                for b in bookings
            ],
            skipped=_problems(done.skipped),
        ),
    )


@router.delete("/bookings/{booking_id}", response={204: None, **PROBLEMS})
def booking_cancel(request: ApiWriteRequest, booking_id: int) -> Status[None]:
    """Cancel a booking (its booker or the Hub Team); 404 for anyone else."""
    booking = selectors.booking_get_for_user(user=request.auth, pk=booking_id)
    services.booking_cancel(user=request.auth, booking=booking)
    return Status(204, None)


@router.get("/events", response=list[EventOut], auth=None)
def event_list(request: HttpRequest) -> list[Event]:
    return list(selectors.event_list_public()[:100])


@router.post(
    "/events/{event_id}/registrations", response={202: Accepted, **PROBLEMS}, auth=READ_AUTH
)
def registration_create(
    request: ApiReadRequest, event_id: int, payload: RegistrationIn
) -> Status[Accepted]:
    """Register for an event without an account: a confirmation email is sent, and the place
    counts once confirmed."""
    event = selectors.event_get_public(pk=event_id)
    form = bind_form(RegistrationForm, payload.model_dump())
    services.registration_submit(event=event, user=request.auth, **form.cleaned_data)
    return Status(202, Accepted(detail="Check your email to confirm your place"))
