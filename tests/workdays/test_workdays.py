"""Working days in England and Wales: improvement_hub.workdays (pure Python, no network)."""

import socket
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import NoReturn
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from improvement_hub.workdays import (
    DEFAULT_CALENDAR,
    WorkingCalendar,
    add_working_days,
    bank_holidays,
    computed_bank_holidays,
    days_left,
    due_date,
    easter_sunday,
    is_working_day,
    working_days_between,
)
from improvement_hub.workdays import holidays as holidays_module

LONDON = ZoneInfo("Europe/London")
D = date.fromisoformat

# Years in which GOV.UK's list differs from the standing rules: (added, dropped).
ONE_OFFS = {
    2012: ({D("2012-06-04"), D("2012-06-05")}, {D("2012-05-28")}),  # Diamond Jubilee
    2020: ({D("2020-05-08")}, {D("2020-05-04")}),  # VE Day 75
    2022: (
        {D("2022-06-02"), D("2022-06-03"), D("2022-09-19")},  # Platinum Jubilee, state funeral
        {D("2022-05-30")},
    ),
    2023: ({D("2023-05-08")}, set()),  # coronation of King Charles III
}


@pytest.fixture(scope="module", autouse=True)
def socket_attempts() -> Iterator[list[str]]:
    """Block every way of opening a connection for the whole module, and record attempts."""
    attempts: list[str] = []

    def refuse(name: str) -> Callable[..., NoReturn]:
        def blocked(*args: object, **kwargs: object) -> NoReturn:
            attempts.append(name)
            raise OSError(f"tests/workdays must not use the network ({name})")

        return blocked

    with pytest.MonkeyPatch.context() as patch:
        for name in ("socket", "create_connection", "getaddrinfo"):
            patch.setattr(socket, name, refuse(name))
        yield attempts
    assert attempts == [], f"something tried the network: {attempts}"


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


# --- network and data source -------------------------------------------------------------


def test_network_is_refused_when_module_guard_is_active(socket_attempts: list[str]) -> None:
    with pytest.raises(OSError, match="must not use the network"):
        socket.create_connection(("www.gov.uk", 443), timeout=1)
    with pytest.raises(OSError, match="must not use the network"):
        socket.socket()
    assert socket_attempts == ["create_connection", "socket"]
    socket_attempts.clear()


def test_packaged_data_loads_without_network_when_sockets_are_blocked(
    socket_attempts: list[str],
) -> None:
    holidays_module.published_bank_holidays.cache_clear()
    holidays_module.bank_holidays.cache_clear()

    calendar = WorkingCalendar()

    assert calendar.is_working_day(D("2025-12-25")) is False
    assert D("2022-09-19") in bank_holidays(2022)
    # A silent fall-back after a failed download would still give right answers, so
    # check that nothing even tried.
    assert socket_attempts == []


def test_published_data_covers_2016_to_2028_when_loaded() -> None:
    published = holidays_module.published_bank_holidays()

    assert set(range(2012, 2029)) <= set(published)
    assert all(len(published[year]) >= 8 for year in range(2012, 2029))


@pytest.mark.parametrize("year", range(2012, 2029))
def test_computed_holidays_match_published_ones_when_both_have_the_year(year: int) -> None:
    published = holidays_module.published_bank_holidays()[year]
    computed = computed_bank_holidays(year)
    added, dropped = ONE_OFFS.get(year, (set(), set()))

    assert published - computed == added
    assert computed - published == dropped


def test_computed_holidays_are_used_when_year_is_past_published_data() -> None:
    assert 2029 not in holidays_module.published_bank_holidays()

    assert bank_holidays(2029) == {
        D("2029-01-01"),
        D("2029-03-30"),  # Good Friday (Easter Sunday 1 April)
        D("2029-04-02"),
        D("2029-05-07"),
        D("2029-05-28"),
        D("2029-08-27"),
        D("2029-12-25"),
        D("2029-12-26"),
    }
    assert bank_holidays(2030) == {
        D("2030-01-01"),
        D("2030-04-19"),  # Good Friday (Easter Sunday 21 April)
        D("2030-04-22"),
        D("2030-05-06"),
        D("2030-05-27"),
        D("2030-08-26"),
        D("2030-12-25"),
        D("2030-12-26"),
    }


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2024, D("2024-03-31")),
        (2025, D("2025-04-20")),
        (2026, D("2026-04-05")),
        (2029, D("2029-04-01")),
        (2030, D("2030-04-21")),
        (2038, D("2038-04-25")),
    ],
)
def test_easter_sunday_is_right_when_year_is_known(year: int, expected: date) -> None:
    assert easter_sunday(year) == expected


def test_computed_substitutes_follow_the_rules_when_fixed_holidays_fall_on_weekends() -> None:
    # 2032: Christmas on Saturday; 2033: New Year on Saturday, Christmas on Sunday.
    assert {D("2032-12-27"), D("2032-12-28")} <= computed_bank_holidays(2032)
    assert D("2033-01-03") in computed_bank_holidays(2033)
    assert {D("2033-12-26"), D("2033-12-27")} <= computed_bank_holidays(2033)
    assert D("2034-01-02") in computed_bank_holidays(2034)


@pytest.mark.parametrize("year", [2011, 2100])
def test_bank_holidays_are_refused_when_year_is_unsupported(year: int) -> None:
    with pytest.raises(ValueError, match="outside the supported years"):
        bank_holidays(year)


# --- is_working_day ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2021-12-24", True),  # Friday before a weekend Christmas
        ("2021-12-27", False),  # Christmas Day substitute
        ("2021-12-28", False),  # Boxing Day substitute
        ("2021-12-29", True),
        ("2022-01-03", False),  # New Year's Day substitute
        ("2022-12-26", False),  # Boxing Day on the Monday
        ("2022-12-27", False),  # Christmas Day (a Sunday) substitute
        ("2022-12-28", True),
        ("2025-04-18", False),  # Good Friday
        ("2025-04-21", False),  # Easter Monday
        ("2025-04-22", True),
        ("2026-04-03", False),  # Good Friday
        ("2026-04-06", False),  # Easter Monday
        ("2022-09-19", False),  # state funeral of Queen Elizabeth II
        ("2023-05-08", False),  # coronation of King Charles III
        ("2020-05-04", True),  # early May moved to VE Day in 2020
        ("2020-05-08", False),
        ("2022-05-30", True),  # spring moved to the jubilee in 2022
        ("2022-06-02", False),
        ("2022-06-03", False),
        ("2025-06-07", False),  # Saturday
        ("2025-06-08", False),  # Sunday
        ("2025-06-09", True),
        ("2030-12-25", False),  # computed, past GOV.UK's list
    ],
)
def test_is_working_day_gives_expected_answer_when_date_is_tricky(day: str, expected: bool) -> None:
    assert DEFAULT_CALENDAR.is_working_day(D(day)) is expected


def test_is_working_day_is_refused_when_given_a_datetime() -> None:
    with pytest.raises(TypeError, match="must be a date"):
        DEFAULT_CALENDAR.is_working_day(datetime(2025, 12, 25, tzinfo=UTC))


@pytest.mark.parametrize("day", ["2011-12-30", "2100-01-01"])
def test_is_working_day_is_refused_when_date_is_outside_supported_years(day: str) -> None:
    with pytest.raises(ValueError, match="outside the supported dates"):
        DEFAULT_CALENDAR.is_working_day(D(day))


# --- add_working_days ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        ("2025-06-02", 5, "2025-06-09"),  # Monday + 5 = next Monday
        ("2025-06-06", 1, "2025-06-09"),  # Friday + 1 = Monday
        ("2025-04-17", 1, "2025-04-22"),  # over Easter 2025
        ("2026-04-02", 1, "2026-04-07"),  # over Easter 2026
        ("2021-12-24", 1, "2021-12-29"),  # over a weekend Christmas
        ("2022-12-23", 1, "2022-12-28"),
        ("2022-09-16", 1, "2022-09-20"),  # over the state funeral
        ("2023-05-05", 1, "2023-05-09"),  # over the coronation
        ("2025-06-07", 1, "2025-06-09"),  # from a Saturday
        ("2022-12-20", 20, "2023-01-20"),  # a 20-day decision over Christmas and New Year
    ],
)
def test_add_working_days_skips_closed_days_when_days_is_positive(
    start: str, days: int, expected: str
) -> None:
    assert DEFAULT_CALENDAR.add_working_days(D(start), days) == D(expected)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("2025-06-04", "2025-06-04"),  # a Wednesday stays put
        ("2025-06-07", "2025-06-09"),  # Saturday rolls to Monday
        ("2025-05-05", "2025-05-06"),  # early May bank holiday rolls to Tuesday
        ("2021-12-25", "2021-12-29"),  # weekend Christmas rolls past both substitutes
    ],
)
def test_add_working_days_rolls_forward_when_days_is_zero(start: str, expected: str) -> None:
    assert DEFAULT_CALENDAR.add_working_days(D(start), 0) == D(expected)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        ("2025-04-22", -1, "2025-04-17"),  # back over Easter
        ("2025-06-09", -1, "2025-06-06"),  # Monday - 1 = Friday
        ("2025-06-07", -1, "2025-06-06"),  # Saturday - 1 = Friday
        ("2025-06-09", -5, "2025-06-02"),
        ("2023-01-04", -3, "2022-12-29"),  # back over New Year substitute
    ],
)
def test_add_working_days_goes_backwards_when_days_is_negative(
    start: str, days: int, expected: str
) -> None:
    assert DEFAULT_CALENDAR.add_working_days(D(start), days) == D(expected)


@pytest.mark.parametrize("days", [10_001, -10_001, 10**9])
def test_add_working_days_is_refused_when_days_is_absurd(days: int) -> None:
    with pytest.raises(ValueError, match="at most 10,000"):
        DEFAULT_CALENDAR.add_working_days(D("2025-06-02"), days)


def test_add_working_days_accepts_the_limit_when_days_is_exactly_10000() -> None:
    end = DEFAULT_CALENDAR.add_working_days(D("2025-06-02"), 10_000)

    assert DEFAULT_CALENDAR.working_days_between(D("2025-06-02"), end) == 10_000


@pytest.mark.parametrize("days", [True, 1.0, "5", None])
def test_add_working_days_is_refused_when_days_is_not_an_int(days: object) -> None:
    with pytest.raises(TypeError, match="must be an int"):
        DEFAULT_CALENDAR.add_working_days(D("2025-06-02"), days)  # type: ignore[arg-type]


def test_add_working_days_is_refused_when_result_leaves_supported_years() -> None:
    with pytest.raises(ValueError, match="outside the supported dates"):
        DEFAULT_CALENDAR.add_working_days(D("2012-01-04"), -5)
    with pytest.raises(ValueError, match="outside the supported dates"):
        DEFAULT_CALENDAR.add_working_days(D("2099-12-01"), 100)


# --- working_days_between and days_left ----------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2025-06-02", "2025-06-02", 0),
        ("2025-06-02", "2025-06-09", 5),
        ("2025-06-06", "2025-06-07", 0),  # Friday to Saturday
        ("2025-06-07", "2025-06-09", 1),  # Saturday to Monday
        ("2021-12-24", "2021-12-31", 3),  # 27 and 28 are substitutes
        ("2025-06-09", "2025-06-02", -5),
        ("2025-06-07", "2025-06-06", -1),  # Saturday back to Friday
        ("2025-06-09", "2025-06-06", -1),  # Monday back to Friday
    ],
)
def test_working_days_between_counts_as_documented_when_dates_differ(
    start: str, end: str, expected: int
) -> None:
    assert DEFAULT_CALENDAR.working_days_between(D(start), D(end)) == expected


@pytest.mark.parametrize(
    ("due", "today", "expected"),
    [
        ("2025-06-06", "2025-06-02", 4),  # Monday, due Friday
        ("2025-06-06", "2025-06-05", 1),
        ("2025-06-06", "2025-06-06", 0),  # due today
        ("2025-06-06", "2025-06-07", -1),  # the Saturday after: already overdue
        ("2025-06-06", "2025-06-09", -1),
        ("2025-06-06", "2025-06-10", -2),
        ("2025-04-22", "2025-04-17", 1),  # Thursday before Easter, due Tuesday after
    ],
)
def test_days_left_counts_down_and_goes_negative_when_overdue(
    due: str, today: str, expected: int
) -> None:
    assert DEFAULT_CALENDAR.days_left(D(due), D(today)) == expected


# --- due_date ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (local("2025-06-06T16:59"), "2025-06-13"),  # Friday before 17:00
        (local("2025-06-06T17:00"), "2025-06-13"),  # 17:00 exactly is in time
        (local("2025-06-06T17:01"), "2025-06-16"),  # after 17:00: counts from Monday
        (local("2025-06-07T10:00"), "2025-06-16"),  # Saturday: counts from Monday
        (local("2025-06-09T08:00"), "2025-06-16"),  # Monday morning
        (local("2025-04-21T10:00"), "2025-04-29"),  # Easter Monday: counts from Tuesday
        (local("2023-05-08T09:00"), "2023-05-16"),  # coronation: counts from Tuesday
        (local("2025-12-24T17:30"), "2026-01-06"),  # Christmas Eve evening
    ],
)
def test_due_date_applies_the_cut_off_when_received_late_or_on_a_closed_day(
    received: datetime, expected: str
) -> None:
    assert DEFAULT_CALENDAR.due_date(received, 5) == D(expected)


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        # 16:30 UTC is 17:30 in British Summer Time: late.
        (datetime(2025, 6, 6, 16, 30, tzinfo=UTC), "2025-06-16"),
        # 16:30 UTC is 16:30 GMT in winter: in time.
        (datetime(2025, 1, 10, 16, 30, tzinfo=UTC), "2025-01-17"),
        # 23:30 UTC on Friday is 00:30 on Saturday in London.
        (datetime(2025, 6, 6, 23, 30, tzinfo=UTC), "2025-06-16"),
    ],
)
def test_due_date_reads_london_time_when_received_in_another_zone(
    received: datetime, expected: str
) -> None:
    assert DEFAULT_CALENDAR.due_date(received, 5) == D(expected)


def test_due_date_gives_the_day_of_receipt_when_working_days_is_zero() -> None:
    assert DEFAULT_CALENDAR.due_date(local("2025-06-06T12:00"), 0) == D("2025-06-06")
    assert DEFAULT_CALENDAR.due_date(local("2025-06-06T18:00"), 0) == D("2025-06-09")


def test_due_date_handles_a_20_day_decision_when_received_before_christmas() -> None:
    assert DEFAULT_CALENDAR.due_date(local("2022-12-20T10:00"), 20) == D("2023-01-20")


def test_due_date_is_refused_when_received_is_naive() -> None:
    with pytest.raises(ValueError, match="aware datetime"):
        DEFAULT_CALENDAR.due_date(datetime(2025, 6, 6, 12, 0), 5)  # noqa: DTZ001


def test_due_date_is_refused_when_received_is_a_date() -> None:
    with pytest.raises(TypeError, match="must be a datetime"):
        DEFAULT_CALENDAR.due_date(D("2025-06-06"), 5)  # type: ignore[arg-type]


@pytest.mark.parametrize(("days", "message"), [(-1, "must not be negative"), (10_001, "10,000")])
def test_due_date_is_refused_when_working_days_is_absurd(days: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        DEFAULT_CALENDAR.due_date(local("2025-06-06T12:00"), days)


# --- extra closures and divisions ----------------------------------------------------------

CHRISTMAS_CLOSURE_2025 = [D("2025-12-29"), D("2025-12-30"), D("2025-12-31")]


def test_extra_closures_are_not_working_days_when_given() -> None:
    council = WorkingCalendar(extra_closures=CHRISTMAS_CLOSURE_2025)

    assert council.is_working_day(D("2025-12-29")) is False
    assert DEFAULT_CALENDAR.is_working_day(D("2025-12-29")) is True
    assert council.add_working_days(D("2025-12-24"), 1) == D("2026-01-02")
    assert DEFAULT_CALENDAR.add_working_days(D("2025-12-24"), 1) == D("2025-12-29")
    assert council.working_days_between(D("2025-12-24"), D("2026-01-09")) == 6
    assert DEFAULT_CALENDAR.working_days_between(D("2025-12-24"), D("2026-01-09")) == 9
    assert council.due_date(local("2025-12-24T12:00"), 5) == D("2026-01-08")
    assert council.days_left(D("2026-01-02"), D("2025-12-24")) == 1


def test_extra_closures_change_nothing_when_they_fall_on_weekends_or_bank_holidays() -> None:
    council = WorkingCalendar(extra_closures=(D("2025-06-07"), D("2025-12-25")))

    assert council.add_working_days(D("2025-06-06"), 1) == D("2025-06-09")
    assert council.working_days_between(D("2025-12-01"), D("2025-12-31")) == (
        DEFAULT_CALENDAR.working_days_between(D("2025-12-01"), D("2025-12-31"))
    )


def test_extra_closures_are_accepted_when_given_as_a_generator() -> None:
    council = WorkingCalendar(extra_closures=(day for day in CHRISTMAS_CLOSURE_2025))

    assert council.extra_closures == frozenset(CHRISTMAS_CLOSURE_2025)
    assert "2025-12-29" in repr(council)


def test_extra_closures_are_refused_when_a_datetime_is_given() -> None:
    with pytest.raises(TypeError, match="must be a date"):
        WorkingCalendar(extra_closures=[datetime(2025, 12, 29, tzinfo=UTC)])


def test_extra_closures_are_refused_when_outside_supported_years() -> None:
    with pytest.raises(ValueError, match="outside the supported dates"):
        WorkingCalendar(extra_closures=[D("2205-12-29")])


@pytest.mark.parametrize("division", ["scotland", "northern-ireland", "England"])
def test_calendar_is_refused_when_division_is_not_england_and_wales(division: str) -> None:
    with pytest.raises(ValueError, match="only 'england-and-wales'"):
        WorkingCalendar(division=division)


def test_module_functions_use_the_default_calendar_when_called() -> None:
    received = local("2025-06-06T17:01")

    assert is_working_day(D("2025-04-21")) is False
    assert add_working_days(D("2025-04-17"), 1) == D("2025-04-22")
    assert working_days_between(D("2025-04-17"), D("2025-04-22")) == 1
    assert due_date(received, 5) == DEFAULT_CALENDAR.due_date(received, 5)
    assert days_left(D("2025-06-06"), D("2025-06-07")) == -1


# --- properties ----------------------------------------------------------------------------

starts = st.dates(min_value=D("2013-01-01"), max_value=D("2098-12-31"))
counts = st.integers(min_value=0, max_value=200)


@given(start=starts, days=counts)
def test_add_working_days_lands_on_a_working_day_when_days_is_in_range(
    start: date, days: int
) -> None:
    assert DEFAULT_CALENDAR.is_working_day(DEFAULT_CALENDAR.add_working_days(start, days))
    assert DEFAULT_CALENDAR.is_working_day(DEFAULT_CALENDAR.add_working_days(start, -days - 1))


@given(start=starts, days=counts)
def test_working_days_between_inverts_add_working_days_when_days_is_in_range(
    start: date, days: int
) -> None:
    calendar = DEFAULT_CALENDAR
    forward = calendar.add_working_days(start, days)
    backward = calendar.add_working_days(start, -days)

    # days=0 rolls a closed start forward, which is one working day after it.
    rolled = days == 0 and not calendar.is_working_day(start)
    assert calendar.working_days_between(start, forward) == (1 if rolled else days)
    if days > 0:
        assert calendar.working_days_between(start, backward) == -days


@given(start=starts, days=counts, more=st.integers(min_value=1, max_value=50))
def test_add_working_days_is_monotonic_when_days_grows(start: date, days: int, more: int) -> None:
    sooner = DEFAULT_CALENDAR.add_working_days(start, days)
    later = DEFAULT_CALENDAR.add_working_days(start, days + more)

    assert sooner <= later
    if days > 0:
        assert sooner < later
    assert start < DEFAULT_CALENDAR.add_working_days(start, days + 1)
    assert DEFAULT_CALENDAR.add_working_days(start, -days - 1) < start


@given(start=starts, span=st.integers(min_value=-300, max_value=300))
def test_working_days_between_matches_a_day_by_day_count_when_dates_are_in_range(
    start: date, span: int
) -> None:
    end = start + timedelta(days=span)
    if end >= start:
        days = [start + timedelta(days=i) for i in range(1, span + 1)]
        expected = sum(DEFAULT_CALENDAR.is_working_day(day) for day in days)
    else:
        days = [end + timedelta(days=i) for i in range(-span)]
        expected = -sum(DEFAULT_CALENDAR.is_working_day(day) for day in days)

    assert DEFAULT_CALENDAR.working_days_between(start, end) == expected
