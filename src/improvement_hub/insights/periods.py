"""The periods the dashboard can show, counted back from today (Europe/London)."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

PERIOD_CHOICES = [
    ("last-30-days", "Last 30 days"),
    ("last-90-days", "Last 90 days"),
    ("this-quarter", "This quarter"),
    ("last-quarter", "Last quarter"),
    ("this-year", "This financial year"),
    ("last-year", "Last financial year"),
    ("all", "All time"),
]
DEFAULT_PERIOD = "this-year"
EARLIEST = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class Period:
    slug: str
    label: str
    start: dt.date
    end: dt.date

    @property
    def text(self) -> str:
        if self.start == EARLIEST:
            return f"{self.label.lower()}, to {self.end:%-d %B %Y}"
        return f"{self.label.lower()}: {self.start:%-d %B %Y} to {self.end:%-d %B %Y}"


def _quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _year_start(day: dt.date) -> dt.date:
    """The financial year starts on 1 April."""
    return dt.date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def period_for(slug: str, *, today: dt.date | None = None) -> Period:
    """The period called ``slug`` (the default for any other word)."""
    today = today or timezone.localdate()
    labels = dict(PERIOD_CHOICES)
    if slug not in labels:
        slug = DEFAULT_PERIOD
    one = dt.timedelta(days=1)
    if slug == "last-30-days":
        start, end = today - dt.timedelta(days=29), today
    elif slug == "last-90-days":
        start, end = today - dt.timedelta(days=89), today
    elif slug == "this-quarter":
        start, end = _quarter_start(today), today
    elif slug == "last-quarter":
        end = _quarter_start(today) - one
        start = _quarter_start(end)
    elif slug == "this-year":
        start, end = _year_start(today), today
    elif slug == "last-year":
        end = _year_start(today) - one
        start = _year_start(end)
    else:
        start, end = EARLIEST, today
    return Period(slug, labels[slug], start, end)
