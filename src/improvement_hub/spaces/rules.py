"""The booking rules of a space, as pure checks: what a booking breaks, and the free
times nearest to one that was refused. Services enforce them; pages and selectors ask."""

import datetime as dt
from collections.abc import Iterable, Sequence

from django.utils.formats import date_format

from improvement_hub.spaces.models import BOOKING_HORIZON_YEARS, LONDON, Space

SLOT_STEP = dt.timedelta(minutes=30)
Range = tuple[dt.datetime, dt.datetime]


def local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(LONDON)


def at(day: dt.date, time: dt.time) -> dt.datetime:
    """A local wall-clock time on a day, as an aware datetime (right either side of a
    clock change: 10:00 is 10:00 GMT in March and 10:00 BST in April)."""
    return dt.datetime.combine(day, time, tzinfo=LONDON)


def opening_range(space: Space, day: dt.date) -> Range | None:
    """When the space is open on ``day``, or None when it is closed all day."""
    if not space.is_available_on(day):
        return None
    return at(day, space.opens_at), at(day, space.closes_at)


def _hours(minutes: int) -> str:
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{minutes} minutes"


def _notice(hours: int) -> str:
    if hours % 24 == 0:
        return f"{hours // 24} day{'s' if hours != 24 else ''}’"
    return f"{hours} hour{'s' if hours != 1 else ''}’"


def _day(day: dt.date) -> str:
    return date_format(day, "j F Y")


def booking_rule_errors(
    *,
    space: Space,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    now: dt.datetime,
    out_of_hours_ok: bool = False,
) -> tuple[dict[str, list[str]], str]:
    """What a booking from ``starts_at`` to ``ends_at`` breaks (by field), and why it needs
    approval ("" when it does not). Out-of-hours times are refused unless the person asks
    for an out-of-hours booking, which the Hub Team then approves."""
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if ends_at <= starts_at:
        refuse("ends_at", "The end time must be after the start time")
        return errors, ""
    if starts_at < now:
        refuse("starts_at", "The start time must be in the future")
    elif starts_at > now + dt.timedelta(days=365 * BOOKING_HORIZON_YEARS):
        refuse(
            "starts_at", f"The start time must be within {BOOKING_HORIZON_YEARS} years from today"
        )
    elif starts_at < now + dt.timedelta(hours=space.min_notice_hours):
        refuse("starts_at", f"{space.name} needs at least {_notice(space.min_notice_hours)} notice")
    if ends_at - starts_at > dt.timedelta(minutes=space.max_length_minutes):
        refuse(
            "ends_at",
            f"Bookings of {space.name} can be up to {_hours(space.max_length_minutes)} long",
        )
    start, end = local(starts_at), local(ends_at)
    last_day = (end - dt.timedelta(microseconds=1)).date()
    if last_day != start.date():
        refuse("ends_at", "A booking must start and end on the same day")
    if start.date() < space.available_from:
        refuse("starts_at", f"{space.name} can be booked from {_day(space.available_from)}")
    elif space.available_until and last_day > space.available_until:
        refuse("starts_at", f"{space.name} can be booked until {_day(space.available_until)}")
    elif not space.open_weekends and start.weekday() >= 5:
        refuse("starts_at", f"{space.name} is closed at weekends")
    if errors:
        return errors, ""
    opening = opening_range(space, start.date())
    in_hours = opening is not None and opening[0] <= start and end <= opening[1]
    if in_hours:
        return errors, ""
    hours = f"{space.opens_at:%H:%M} to {space.closes_at:%H:%M}"
    if not out_of_hours_ok:
        refuse(
            "starts_at",
            f"{space.name} is open {hours}. "
            "To book outside these hours, ask for an out-of-hours booking",
        )
        return errors, ""
    return errors, "Out-of-hours bookings are approved by the Hub Team"


def overlaps(a: Range, b: Range) -> bool:
    """Half-open ranges: a booking ending at 11:00 and one starting at 11:00 do not overlap."""
    return a[0] < b[1] and b[0] < a[1]


def search_anchor(*, space: Space, starts_at: dt.datetime, now: dt.datetime) -> dt.datetime:
    """Where the search for free times centres: the time asked for, or the earliest the
    space's notice and availability allow."""
    earliest = max(
        now + dt.timedelta(hours=space.min_notice_hours), at(space.available_from, space.opens_at)
    )
    return max(starts_at, earliest)


def nearest_free(
    *,
    space: Space,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    busy: Sequence[Range],
    now: dt.datetime,
    count: int = 3,
    days: int = 14,
) -> list[Range]:
    """Up to ``count`` free times of the same length (shortened to the space's longest),
    within the rules, nearest to the time asked for. ``busy`` holds the blocked ranges
    (each booking with its buffer) from ``days`` either side."""
    length = min(
        max(ends_at - starts_at, SLOT_STEP), dt.timedelta(minutes=space.max_length_minutes)
    )
    starts_at = search_anchor(space=space, starts_at=starts_at, now=now)
    first = local(starts_at).date() - dt.timedelta(days=days)
    candidates: list[Range] = []
    for offset in range(2 * days + 1):
        day = first + dt.timedelta(days=offset)
        opening = opening_range(space, day)
        if opening is None:
            continue
        start = opening[0]
        while start + length <= opening[1]:
            candidates.append((start, start + length))
            start += SLOT_STEP
    buffer = space.buffer
    free = [
        (start, end)
        for start, end in candidates
        if not booking_rule_errors(space=space, starts_at=start, ends_at=end, now=now)[0]
        and not any(overlaps((start, end + buffer), blocked) for blocked in busy)
    ]
    free.sort(key=lambda slot: (abs(slot[0] - starts_at), slot[0]))
    return sorted(free[:count])


def describe(ranges: Iterable[Range]) -> str:
    return "; ".join(
        f"{local(s):%a} {local(s).day} {local(s):%b %H:%M} to {local(e):%H:%M}" for s, e in ranges
    )
