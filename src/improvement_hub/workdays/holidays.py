"""Bank holidays in England and Wales: GOV.UK's published list, then the standing rules.

The published list comes from the data file shipped inside ``govuk-bank-holidays``
(loaded with ``use_cached_holidays=True``, so nothing is downloaded at run time). For
years outside that list the eight standing holidays are computed from the rules; one-off
holidays (the 2022 state funeral, the 2023 coronation) and moved ones (VE Day 2020, the
2022 jubilee weekend) exist only in the published list.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

from govuk_bank_holidays.bank_holidays import BankHolidays

ENGLAND_AND_WALES = BankHolidays.ENGLAND_AND_WALES

# Before 2012 the rules miss one-offs that GOV.UK's list does not go back to (the 2011
# royal wedding, the 2002 jubilee, the 1999 millennium), so those years are refused
# rather than guessed. The upper bound only catches mistyped years.
FIRST_SUPPORTED = date(2012, 1, 1)
LAST_SUPPORTED = date(2099, 12, 31)

_SATURDAY = 5


def check_supported(day: date) -> None:
    """Raise ValueError when ``day`` is outside the years whose bank holidays are known."""
    if not FIRST_SUPPORTED <= day <= LAST_SUPPORTED:
        raise ValueError(
            f"{day.isoformat()} is outside the supported dates "
            f"({FIRST_SUPPORTED.isoformat()} to {LAST_SUPPORTED.isoformat()})"
        )


def easter_sunday(year: int) -> date:
    """Return Western (Gregorian) Easter Sunday of ``year`` (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_monday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    next_month = date(year + month // 12, month % 12 + 1, 1)
    last = next_month - timedelta(days=1)
    return last - timedelta(days=last.weekday())


def computed_bank_holidays(year: int) -> frozenset[date]:
    """Return the standing England and Wales bank holidays of ``year``; no one-offs, no moves."""
    easter = easter_sunday(year)
    holidays = {
        easter - timedelta(days=2),  # Good Friday
        easter + timedelta(days=1),  # Easter Monday
        _first_monday(year, 5),  # Early May bank holiday
        _last_monday(year, 5),  # Spring bank holiday
        _last_monday(year, 8),  # Summer bank holiday
    }
    # A fixed-date holiday on a weekend moves to the next weekday that is not already a
    # holiday, so Christmas on a Sunday becomes Tuesday 27th behind Boxing Day on Monday.
    fixed = [date(year, 1, 1), date(year, 12, 25), date(year, 12, 26)]
    holidays.update(day for day in fixed if day.weekday() < _SATURDAY)
    for day in fixed:
        if day.weekday() >= _SATURDAY:
            substitute = day
            while substitute.weekday() >= _SATURDAY or substitute in holidays:
                substitute += timedelta(days=1)
            holidays.add(substitute)
    return frozenset(holidays)


@functools.cache
def published_bank_holidays() -> dict[int, frozenset[date]]:
    """Return GOV.UK's England and Wales bank holidays by year, from the package's own copy."""
    # use_cached_holidays=True reads the JSON shipped in the wheel; the default would try
    # www.gov.uk first, which a worker must not depend on (or wait 10 s for).
    source = BankHolidays(use_cached_holidays=True)
    by_year: dict[int, set[date]] = {}
    for holiday in source.get_holidays(division=ENGLAND_AND_WALES):
        day = holiday["date"]
        by_year.setdefault(day.year, set()).add(day)
    return {year: frozenset(days) for year, days in by_year.items()}


@functools.cache
def bank_holidays(year: int) -> frozenset[date]:
    """Return England and Wales bank holidays of ``year``: published if known, else computed.

    Refuses (ValueError) years outside the supported dates.
    """
    if not FIRST_SUPPORTED.year <= year <= LAST_SUPPORTED.year:
        raise ValueError(
            f"{year} is outside the supported years "
            f"({FIRST_SUPPORTED.year} to {LAST_SUPPORTED.year})"
        )
    published = published_bank_holidays()
    if year in published:
        return published[year]
    return computed_bank_holidays(year)
