"""Working-day arithmetic for response-time promises ("decide within 20 working days").

A working day is Monday to Friday, except bank holidays in England and Wales and any
extra closure days a calendar is given. Counting never includes the starting day:
"5 working days after Monday 2 June" is Monday 9 June.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from improvement_hub.workdays.holidays import ENGLAND_AND_WALES, bank_holidays, check_supported

LONDON = ZoneInfo("Europe/London")
# Something that arrives after this time (London) is treated as received the next working day.
CLOSE_OF_BUSINESS = time(17, 0)
MAX_WORKING_DAYS = 10_000

_ONE_DAY = timedelta(days=1)
_SATURDAY = 5


def _check_day(day: date, name: str) -> None:
    # A datetime is a date subclass that never equals a date, so it would silently miss
    # every holiday; refuse it instead.
    if isinstance(day, datetime) or not isinstance(day, date):
        raise TypeError(f"{name} must be a date, not {type(day).__name__}")
    check_supported(day)


def _check_count(days: int, name: str, *, allow_negative: bool) -> None:
    if isinstance(days, bool) or not isinstance(days, int):
        raise TypeError(f"{name} must be an int, not {type(days).__name__}")
    if not allow_negative and days < 0:
        raise ValueError(f"{name} must not be negative, got {days}")
    if abs(days) > MAX_WORKING_DAYS:
        raise ValueError(f"{name} must be at most {MAX_WORKING_DAYS:,} in size, got {days:,}")


def _weekdays_between(first: date, last: date) -> int:
    """Monday-to-Friday days from ``first`` to ``last``, both included (0 if last < first)."""
    if last < first:
        return 0
    full_weeks, extra = divmod((last - first).days + 1, 7)
    start = first.weekday()
    return full_weeks * 5 + sum(1 for i in range(extra) if (start + i) % 7 < _SATURDAY)


class WorkingCalendar:
    """Working days in England and Wales: Monday to Friday less bank holidays and closures."""

    def __init__(
        self, extra_closures: Iterable[date] = (), division: str = ENGLAND_AND_WALES
    ) -> None:
        """Make a calendar; refuses divisions other than England and Wales and bad closures."""
        if division != ENGLAND_AND_WALES:
            # Only England and Wales has a rule-based fallback for years past GOV.UK's list.
            raise ValueError(f"only {ENGLAND_AND_WALES!r} is supported, not {division!r}")
        closures = frozenset(extra_closures)
        for day in closures:
            _check_day(day, "extra closure")
        self.division = division
        self.extra_closures = closures
        self._closed_by_year: dict[int, frozenset[date]] = {}

    def __repr__(self) -> str:
        closures = ", ".join(sorted(day.isoformat() for day in self.extra_closures))
        return f"WorkingCalendar(division={self.division!r}, extra_closures=[{closures}])"

    def _closed(self, year: int) -> frozenset[date]:
        closed = self._closed_by_year.get(year)
        if closed is None:
            extra = {day for day in self.extra_closures if day.year == year}
            closed = bank_holidays(year) | extra
            self._closed_by_year[year] = closed
        return closed

    def _is_open(self, day: date) -> bool:
        check_supported(day)
        return day.weekday() < _SATURDAY and day not in self._closed(day.year)

    def _open_days_between(self, first: date, last: date) -> int:
        """Working days from ``first`` to ``last``, both included (0 if last < first)."""
        if last < first:
            return 0
        closed_weekdays = sum(
            1
            for year in range(first.year, last.year + 1)
            for day in self._closed(year)
            if first <= day <= last and day.weekday() < _SATURDAY
        )
        return _weekdays_between(first, last) - closed_weekdays

    def is_working_day(self, day: date) -> bool:
        """Say whether ``day`` is a working day; refuses datetimes and unsupported years."""
        _check_day(day, "day")
        return self._is_open(day)

    def add_working_days(self, start: date, days: int) -> date:
        """Return the date ``days`` working days after ``start`` (before it if negative).

        ``start`` itself is not counted; ``days=0`` gives ``start`` if it is a working day,
        else the next working day. Refuses ``abs(days)`` over 10,000 and unsupported dates.
        """
        _check_day(start, "start")
        _check_count(days, "days", allow_negative=True)
        if days == 0:
            return start if self._is_open(start) else self.add_working_days(start, 1)
        step = _ONE_DAY if days > 0 else -_ONE_DAY
        remaining = abs(days)
        day = start
        while remaining:
            day += step
            if self._is_open(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Count working days after ``start`` up to and including ``end``; negative backwards.

        When ``end`` is before ``start`` the answer is minus the working days from ``end``
        up to but not including ``start``, so that
        ``working_days_between(s, add_working_days(s, n)) == n`` for any ``n`` other than
        0 on a non-working ``s``. Refuses unsupported dates.
        """
        _check_day(start, "start")
        _check_day(end, "end")
        if end >= start:
            return self._open_days_between(start + _ONE_DAY, end)
        return -self._open_days_between(end, start - _ONE_DAY)

    def due_date(self, received: datetime, working_days: int) -> date:
        """Return the deadline ``working_days`` after ``received``; refuses naive datetimes.

        ``received`` is read in Europe/London time. Something received on a non-working
        day, or after 17:00 (17:00:00 exactly is still in time), is treated as received on
        the next working day. The day of receipt is not counted, so a referral received
        on Monday morning with 5 working days is due the following Monday.
        """
        if not isinstance(received, datetime):
            raise TypeError(f"received must be a datetime, not {type(received).__name__}")
        if received.utcoffset() is None:
            raise ValueError("received must be an aware datetime (with a time zone)")
        _check_count(working_days, "working_days", allow_negative=False)
        local = received.astimezone(LONDON)
        day = local.date()
        check_supported(day)
        if not self._is_open(day) or local.time() > CLOSE_OF_BUSINESS:
            day = self.add_working_days(day, 1)
        return self.add_working_days(day, working_days)

    def days_left(self, due: date, today: date) -> int:
        """Return working days left until ``due`` (0 on the day, negative once overdue).

        Counts working days after ``today`` up to and including ``due``; once overdue it is
        minus the working days from ``due`` up to but not including ``today``, so the
        Saturday after a Friday deadline is -1. Refuses unsupported dates.
        """
        return self.working_days_between(today, due)


DEFAULT_CALENDAR = WorkingCalendar()


def is_working_day(day: date) -> bool:
    """Say whether ``day`` is a working day in the default calendar (no extra closures)."""
    return DEFAULT_CALENDAR.is_working_day(day)


def add_working_days(start: date, days: int) -> date:
    """Return ``start`` moved by ``days`` working days in the default calendar."""
    return DEFAULT_CALENDAR.add_working_days(start, days)


def working_days_between(start: date, end: date) -> int:
    """Count working days after ``start`` up to ``end`` in the default calendar."""
    return DEFAULT_CALENDAR.working_days_between(start, end)


def due_date(received: datetime, working_days: int) -> date:
    """Return the deadline for something received at ``received``, in the default calendar."""
    return DEFAULT_CALENDAR.due_date(received, working_days)


def days_left(due: date, today: date) -> int:
    """Return working days left until ``due`` in the default calendar (negative if overdue)."""
    return DEFAULT_CALENDAR.days_left(due, today)
