import datetime as dt
import itertools

from django.utils import timezone

from improvement_hub.spaces.models import LONDON, Provider, Space

_numbers = itertools.count(1)


def make_space(**fields: object) -> Space:
    n = next(_numbers)
    values: dict[str, object] = {
        "name": f"Room {n}",
        "slug": f"room-{n}",
        "building": "Council House",
        "provider": Provider.COUNCIL,
        "capacity": 20,
        "available_from": dt.date(2016, 1, 1),
        "opens_at": dt.time(8),
        "closes_at": dt.time(18),
        "is_public": True,
    }
    values.update(fields)
    return Space.objects.create(**values)


def local(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def next_weekday(hour: int, *, days: int = 7, weekday: int = 1) -> dt.datetime:
    """A local time on a weekday at least ``days`` from today (a Tuesday by default)."""
    day = timezone.localdate() + dt.timedelta(days=days)
    while day.weekday() != weekday:
        day += dt.timedelta(days=1)
    return local(day.year, day.month, day.day, hour)
