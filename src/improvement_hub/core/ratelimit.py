"""A fixed-window rate limit kept in the cache, for services (which have no request).

django-ratelimit and allauth's limits work on requests; services are also called from the
API and tasks, so they count by user id here (see docs/decisions/0010-rate-limits.md).

The counts live in the default cache: with Redis (``CACHE_URL``) every web process and
machine adds to the same count (tests/scale); with local memory each process counts alone
(docs/operations.md, "Scaling out").
"""

from django.core.cache import cache
from django.utils import timezone


class RateLimited(Exception):
    """Raised when someone has done something too often; the message is for them."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


def rate_limit_consume(*, scope: str, key: str, limit: int, period: int, message: str) -> None:
    """Counts one action; raises RateLimited past ``limit`` actions in ``period`` seconds."""
    now = int(timezone.now().timestamp())
    window = now - now % period
    cache_key = f"ratelimit:{scope}:{key}:{window}"
    cache.add(cache_key, 0, timeout=period + 5)
    try:
        used = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=period + 5)
        used = 1
    if used > limit:
        raise RateLimited(message, retry_after=window + period - now)
