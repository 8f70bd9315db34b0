"""Every non-trivial read of the spaces app, with a fixed number of queries whatever the
data size: spaces for a person, availability (free and busy), week tables, bookings,
feeds, utilisation, the move plan and events."""

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from improvement_hub.spaces import permissions, rules
from improvement_hub.spaces.models import (
    HOLDING,
    LONDON,
    Booking,
    BookingStatus,
    Event,
    MovePlan,
    MoveStep,
    Provider,
    Registration,
    Space,
)

if TYPE_CHECKING:
    from improvement_hub.accounts.types import AnyUser

Range = tuple[dt.datetime, dt.datetime]


# --- spaces ----------------------------------------------------------------------------------


def space_list_for_user(user: "AnyUser | None") -> QuerySet[Space]:
    """Public spaces for everyone; internal ones too for staff, partners and the Hub Team."""
    spaces = Space.objects.select_related("organisation").order_by("name")
    return spaces if permissions.can_see_internal(user) else spaces.filter(is_public=True)


def space_list_bookable(user: "AnyUser | None", *, on: dt.date | None = None) -> list[Space]:
    """The spaces ``user`` may book (or ask to book), optionally only those available on
    ``on``. The Academy books session venues from this list."""
    spaces = space_list_for_user(user)
    if on is not None:
        spaces = spaces.filter(available_from__lte=on).filter(
            Q(available_until__isnull=True) | Q(available_until__gte=on)
        )
    return [space for space in spaces if permissions.can_book_space(user, space)]


def space_get_for_user(
    user: "AnyUser | None", *, slug: str | None = None, pk: int | None = None
) -> Space:
    """One space, or 404 for a missing space and an internal one alike."""
    found = space_list_for_user(user).prefetch_related("photos__image")
    space = (
        found.filter(slug=slug).first() if slug is not None else found.filter(pk=pk or 0).first()
    )
    if space is None:
        raise Http404
    return space


# --- availability ----------------------------------------------------------------------------


def _holding(space_ids: list[int], start: dt.datetime, end: dt.datetime) -> QuerySet[Booking]:
    return Booking.objects.filter(
        space_id__in=space_ids, status__in=HOLDING, starts_at__lt=end, blocked_until__gt=start
    ).order_by("starts_at")


def council_rooms_instead(
    *,
    user: "AnyUser | None",
    space: Space,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    people: int = 1,
    now: dt.datetime | None = None,
) -> list[Space]:
    """When a time falls after the partner's space closes: the council spaces open then
    that hold as many people, are free (with their buffer) and that ``user`` may book
    within their rules. Empty for any other refusal. Two queries."""
    day = rules.local(starts_at).date()
    if space.provider != Provider.PARTNER or not space.available_until:
        return []
    if day <= space.available_until:
        return []
    now = now or timezone.now()
    candidates = [
        room
        for room in space_list_for_user(user)
        .filter(provider=Provider.COUNCIL, capacity__gte=max(people, 1))
        .exclude(pk=space.pk)
        if permissions.can_book_space(user, room)
        and not rules.booking_rule_errors(
            space=room, starts_at=starts_at, ends_at=ends_at, now=now
        )[0]
    ]
    if not candidates:
        return []
    longest = max(room.buffer for room in candidates)
    busy = defaultdict(list)
    window = (starts_at - dt.timedelta(hours=24), ends_at + longest)
    for space_id, start, blocked in _holding([r.pk for r in candidates], *window).values_list(
        "space_id", "starts_at", "blocked_until"
    ):
        busy[space_id].append((start, blocked))
    return [
        room
        for room in candidates
        if not any(
            rules.overlaps((starts_at, ends_at + room.buffer), taken) for taken in busy[room.pk]
        )
    ]


def free_times_near(
    *,
    space: Space,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    now: dt.datetime | None = None,
    count: int = 3,
) -> list[Range]:
    """The free times nearest to a refused one (one query)."""
    days = 14
    now = now or timezone.now()
    starts_at = rules.search_anchor(space=space, starts_at=starts_at, now=now)
    window = (starts_at - dt.timedelta(days=days + 1), starts_at + dt.timedelta(days=days + 1))
    busy = list(_holding([space.pk], *window).values_list("starts_at", "blocked_until"))
    return rules.nearest_free(
        space=space,
        starts_at=starts_at,
        ends_at=ends_at,
        busy=busy,
        now=now,
        count=count,
        days=days,
    )


def _subtract(opening: Range, busy: list[Range]) -> list[Range]:
    free, cursor = [], opening[0]
    for start, end in sorted(busy):
        if start > cursor:
            free.append((cursor, min(start, opening[1])))
        cursor = max(cursor, end)
        if cursor >= opening[1]:
            break
    if cursor < opening[1]:
        free.append((cursor, opening[1]))
    return [(s, e) for s, e in free if e > s]


@dataclass
class Availability:
    space: Space
    free: list[Range] = field(default_factory=list)
    busy: list[tuple[dt.datetime, dt.datetime, Booking]] = field(default_factory=list)


def space_availability(
    *, user: "AnyUser | None", space: Space, first: dt.date, last: dt.date
) -> Availability:
    """Free ranges (opening hours minus bookings and their buffers) and busy ranges of one
    space from ``first`` to ``last`` (local days, inclusive). One query."""
    return spaces_availability(user=user, spaces=[space], first=first, last=last)[0]


def spaces_availability(
    *, user: "AnyUser | None", spaces: list[Space], first: dt.date, last: dt.date
) -> list[Availability]:
    """As ``space_availability`` for many spaces at once: still one query."""
    start, end = rules.at(first, dt.time()), rules.at(last + dt.timedelta(days=1), dt.time())
    by_space: dict[int, list[Booking]] = defaultdict(list)
    for booking in _holding([s.pk for s in spaces], start, end).select_related("booked_by"):
        by_space[booking.space_id].append(booking)
    result = []
    for space in spaces:
        found = Availability(space=space)
        bookings = by_space[space.pk]
        found.busy = [(b.starts_at, b.ends_at, b) for b in bookings]
        blocked = [(b.starts_at, b.blocked_until) for b in bookings]
        day = first
        while day <= last:
            opening = rules.opening_range(space, day)
            if opening is not None:
                found.free.extend(
                    _subtract(opening, [r for r in blocked if rules.overlaps(r, opening)])
                )
            day += dt.timedelta(days=1)
        result.append(found)
    return result


@dataclass
class Cell:
    """One hour of one day in a space's week table."""

    starts_at: dt.datetime
    state: str  # "free", "booked", "closed", "past"
    label: str = ""
    booking: Booking | None = None

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(hours=1)


@dataclass
class WeekTable:
    space: Space
    days: list[dt.date]
    hours: list[dt.time]
    rows: list[tuple[dt.time, list[Cell]]]


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def space_week(*, user: "AnyUser | None", space: Space, monday: dt.date) -> WeekTable:
    """A space's week as an hour-by-day table: free, booked (with the purpose for those who
    may see it), closed or past. One query."""
    days = [monday + dt.timedelta(days=i) for i in range(7)]
    bookings = list(
        _holding(
            [space.pk],
            rules.at(monday, dt.time()),
            rules.at(days[-1] + dt.timedelta(days=1), dt.time()),
        ).select_related("booked_by")
    )
    hours = [
        dt.time(h)
        for h in range(
            space.opens_at.hour, space.closes_at.hour + (1 if space.closes_at.minute else 0)
        )
    ]
    now = timezone.now()
    rows = []
    for hour in hours:
        cells = []
        for day in days:
            start = rules.at(day, hour)
            slot = (start, start + dt.timedelta(hours=1))
            opening = rules.opening_range(space, day)
            booking = next(
                (b for b in bookings if rules.overlaps((b.starts_at, b.ends_at), slot)), None
            )
            if booking is not None:
                label = booking.purpose if permissions.can_see_purpose(user, booking) else "Booked"
                cells.append(Cell(start, "booked", label, booking))
            elif opening is None or not (opening[0] <= start < opening[1]):
                cells.append(Cell(start, "closed", "Closed"))
            elif slot[1] <= now:
                cells.append(Cell(start, "past", "Past"))
            else:
                cells.append(Cell(start, "free", "Free"))
        rows.append((hour, cells))
    return WeekTable(space=space, days=days, hours=hours, rows=rows)


@dataclass
class AllSpacesRow:
    space: Space
    days: list[tuple[dt.date, str, list[tuple[dt.datetime, dt.datetime, str]]]]


ACCESS_FIELDS = ("step_free", "hearing_loop", "accessible_toilet", "quiet_room")


def space_list_filtered(
    user: "AnyUser | None",
    *,
    building: str = "",
    provider: str = "",
    people: int | None = None,
    access: Sequence[str] = (),
) -> QuerySet[Space]:
    """The spaces the person may see in a building, from a provider, holding at least
    ``people``, with every access feature named (unknown names are ignored)."""
    spaces = space_list_for_user(user)
    if building:
        spaces = spaces.filter(building=building)
    if provider:
        spaces = spaces.filter(provider=provider)
    if people:
        spaces = spaces.filter(capacity__gte=people)
    return spaces.filter(**{name: True for name in access if name in ACCESS_FIELDS})


def space_buildings(user: "AnyUser | None") -> list[str]:
    """The buildings of the spaces the person may see, for a filter. One query."""
    return list(
        space_list_for_user(user)
        .exclude(building="")
        .order_by("building")
        .values_list("building", flat=True)
        .distinct()
    )


def spaces_week(
    *, user: "AnyUser | None", monday: dt.date, spaces: Sequence[Space] | None = None
) -> list[AllSpacesRow]:
    """The spaces given (by default every space the person may see), by day of the week:
    closed, or its opening hours and bookings. One query for the bookings, whatever the
    number of spaces and bookings (the page passes one page of spaces)."""
    spaces = list(space_list_for_user(user) if spaces is None else spaces)
    days = [monday + dt.timedelta(days=i) for i in range(7)]
    found = spaces_availability(user=user, spaces=spaces, first=monday, last=days[-1])
    rows = []
    for availability in found:
        space = availability.space
        cells = []
        for day in days:
            opening = rules.opening_range(space, day)
            busy = [
                (s, e, b.purpose if permissions.can_see_purpose(user, b) else "Booked")
                for s, e, b in availability.busy
                if s.astimezone(LONDON).date() == day
            ]
            hours = (
                f"Open {space.opens_at:%H:%M} to {space.closes_at:%H:%M}" if opening else "Closed"
            )
            cells.append((day, hours, busy))
        rows.append(AllSpacesRow(space=space, days=cells))
    return rows


# --- bookings --------------------------------------------------------------------------------


def booking_list_for_person(*, user: "AnyUser", upcoming: bool = True) -> QuerySet[Booking]:
    """A person's own bookings (upcoming, or all), with their spaces and resource requests."""
    bookings = (
        Booking.objects.filter(booked_by_id=user.pk)
        .select_related("space")
        .prefetch_related("resource_requests")
    )
    if upcoming:
        bookings = bookings.filter(ends_at__gte=timezone.now())
    return bookings.order_by("starts_at")


def booking_get_for_user(*, user: "AnyUser | None", pk: int) -> Booking:
    """A booking its booker or the Hub Team may manage; 404 for anything else."""
    booking = (
        Booking.objects.select_related("space", "booked_by")
        .prefetch_related("resource_requests")
        .filter(pk=pk)
        .first()
    )
    if booking is None or not permissions.can_change_booking(user, booking):
        raise Http404
    return booking


def booking_list_pending() -> QuerySet[Booking]:
    """Bookings waiting for the Hub Team's approval, oldest first."""
    return (
        Booking.objects.filter(status=BookingStatus.PENDING)
        .select_related("space", "booked_by")
        .order_by("created_at")
    )


def booking_list_for_feed(*, space: Space) -> QuerySet[Booking]:
    """A space's bookings for its calendar feed: from 90 days ago on, cancelled ones too (so
    calendar programs remove them)."""
    since = timezone.now() - dt.timedelta(days=90)
    return (
        Booking.objects.filter(
            space=space, ends_at__gte=since, status__in=[*HOLDING, BookingStatus.CANCELLED]
        )
        .select_related("space")
        .order_by("starts_at")
    )


def resource_request_queue() -> QuerySet[Booking]:
    """Bookings with resource requests still open, soonest first."""
    from improvement_hub.spaces.models import ResourceRequest

    open_requests = ResourceRequest.objects.filter(status__in=["requested", "in_progress"])
    return (
        Booking.objects.filter(resource_requests__in=open_requests, status__in=HOLDING)
        .distinct()
        .select_related("space", "booked_by")
        .prefetch_related(
            Prefetch("resource_requests", queryset=ResourceRequest.objects.order_by("pk"))
        )
        .order_by("starts_at")
    )


# --- the move plan ---------------------------------------------------------------------------


def move_plan_current() -> MovePlan | None:
    """The latest move plan with its steps and owners (two queries), for the lab plan page."""
    return (
        MovePlan.objects.select_related("from_space", "to_space")
        .prefetch_related(Prefetch("steps", queryset=MoveStep.objects.select_related("owner")))
        .order_by("-created_at")
        .first()
    )


# --- events ----------------------------------------------------------------------------------


def event_list_public(*, upcoming: bool = True) -> QuerySet[Event]:
    events = Event.objects.filter(is_published=True).select_related("space")
    if upcoming:
        events = events.filter(ends_at__gte=timezone.now())
    return events.order_by("starts_at")


def event_list_past() -> QuerySet[Event]:
    """Published events that have ended, latest first."""
    return (
        Event.objects.filter(is_published=True, ends_at__lt=timezone.now())
        .select_related("space")
        .order_by("-starts_at")
    )


def event_get_public(*, slug: str | None = None, pk: int | None = None) -> Event:
    events = Event.objects.filter(is_published=True).select_related("space")
    event = (
        events.filter(slug=slug).first() if slug is not None else events.filter(pk=pk or 0).first()
    )
    if event is None:
        raise Http404
    return event


def registration_list_for_event(*, event: Event) -> QuerySet[Registration]:
    """The Hub Team's register of an event: confirmed first, then the waiting list in order."""
    return (
        event.registrations.exclude(status=Registration.Status.CANCELLED)
        .select_related("user")
        .order_by("status", "created_at")
    )


def booking_list_for_feed_person(*, user_id: int) -> QuerySet[Booking]:
    """A person's bookings for their calendar feed, from 90 days ago on."""
    since = timezone.now() - dt.timedelta(days=90)
    return (
        Booking.objects.filter(booked_by_id=user_id, ends_at__gte=since)
        .select_related("space")
        .order_by("starts_at")
    )


def registration_get_by_token(*, token: "uuid.UUID") -> Registration | None:
    return Registration.objects.select_related("event", "event__space").filter(token=token).first()


# --- utilisation ---------------------------------------------------------------------------------

UTILISATION_MAX_DAYS = 2 * 366


def utilisation_range(first: str, last: str) -> tuple[dt.date, dt.date]:
    """The dates asked for (YYYY-MM-DD), else the last 13 weeks; at most two years."""
    today = timezone.localdate()
    try:
        end = dt.date.fromisoformat(last)
    except ValueError:
        end = today
    try:
        start = dt.date.fromisoformat(first)
    except ValueError:
        start = end - dt.timedelta(weeks=13)
    end = min(max(end, dt.date(2000, 1, 1)), dt.date(2100, 12, 31))
    start = min(max(start, end - dt.timedelta(days=UTILISATION_MAX_DAYS)), end)
    return start, end


@dataclass
class Utilisation:
    headers: list[str]
    rows: list[list[object]]
    by_priority: list[tuple[str, float]]
    by_provider: list[tuple[str, float, float, float]]


def _hours(delta: dt.timedelta) -> float:
    return round(delta.total_seconds() / 3600, 2)


def _period(day: dt.date, period: str) -> dt.date:
    return day.replace(day=1) if period == "month" else week_start(day)


def utilisation(*, period: str, first: dt.date, last: dt.date) -> Utilisation:
    """Hours booked (confirmed) against hours open, per space per week or month, by kind of
    booking; totals by council priority and by provider (the partner's space up to June
    2017 against the council's after). Two queries."""
    from improvement_hub.spaces.models import Purpose

    spaces = list(Space.objects.order_by("name"))
    start, end = rules.at(first, dt.time()), rules.at(last + dt.timedelta(days=1), dt.time())
    bookings = Booking.objects.filter(
        status=BookingStatus.CONFIRMED, starts_at__lt=end, ends_at__gt=start
    ).select_related("priority")
    open_hours: dict[tuple[int, dt.date], float] = defaultdict(float)
    for space in spaces:
        day = first
        while day <= last:
            opening = rules.opening_range(space, day)
            if opening:
                open_hours[(space.pk, _period(day, period))] += _hours(opening[1] - opening[0])
            day += dt.timedelta(days=1)
    booked: dict[tuple[int, dt.date], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    by_priority: dict[str, float] = defaultdict(float)
    for booking in bookings:
        hours = _hours(min(booking.ends_at, end) - max(booking.starts_at, start))
        key = (booking.space_id, _period(rules.local(booking.starts_at).date(), period))
        booked[key][booking.kind] += hours
        by_priority[booking.priority.name if booking.priority else "No priority given"] += hours
    kinds = list(Purpose)
    headers = [
        "Space",
        "Provider",
        f"{period.title()} starting",
        "Hours open",
        "Hours booked",
        "Per cent used",
        *(f"Hours: {k.label.lower()}" for k in kinds),
    ]
    rows: list[list[object]] = []
    providers: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for space in spaces:
        for (space_id, begins), hours_open in sorted(
            open_hours.items(), key=lambda item: item[0][1]
        ):
            if space_id != space.pk:
                continue
            kinds_booked = booked.get((space_id, begins), {})
            total = round(sum(kinds_booked.values()), 2)
            providers[space.get_provider_display()][0] += hours_open
            providers[space.get_provider_display()][1] += total
            share = round(100 * total / hours_open, 1) if hours_open else 0.0
            rows.append(
                [
                    space.name,
                    space.get_provider_display(),
                    begins,
                    hours_open,
                    total,
                    share,
                    *(round(kinds_booked.get(k.value, 0.0), 2) for k in kinds),
                ]
            )
    return Utilisation(
        headers=headers,
        rows=rows,
        by_priority=sorted(by_priority.items(), key=lambda item: -item[1]),
        by_provider=[
            (name, round(o, 2), round(b, 2), round(100 * b / o, 1) if o else 0.0)
            for name, (o, b) in sorted(providers.items())
        ],
    )


@dataclass
class SeriesTime:
    index: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    problem: str
    alternatives: list[Range]


def series_plan(
    *, space: Space, checked: list[tuple[dt.datetime, dt.datetime, str]]
) -> list[SeriesTime]:
    """Each time of a repeating booking with what stops it (``services.series_check``) and,
    for those, free times nearby (also each clear of the series' other times)."""
    clear = [(s, e) for s, e, problem in checked if not problem]
    plan = []
    for index, (start, end, problem) in enumerate(checked):
        alternatives: list[Range] = []
        if problem:
            near = free_times_near(space=space, starts_at=start, ends_at=end, count=6)
            alternatives = [
                r
                for r in near
                if not any(
                    rules.overlaps((r[0], r[1] + space.buffer), (s, e + space.buffer))
                    for s, e in clear
                )
            ][:3]
        plan.append(SeriesTime(index, start, end, problem, alternatives))
    return plan
