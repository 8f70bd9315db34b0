"""Issue 14: what every page shows the same for everyone is kept in each process under the
site version, read once per request, and never taken for current after a change: a bump,
the cache cleared or its version evicted."""

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started

from improvement_hub.core import page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted():  # type: ignore[no-untyped-def]
    calls: list[int] = []

    def compute() -> list[str]:
        calls.append(1)
        return [f"value {len(calls)}"]

    return calls, compute


def test_a_value_is_computed_once_while_the_site_version_holds(counted):  # type: ignore[no-untyped-def]
    calls, compute = counted
    assert page_cache.site_cached("test:menu", compute) == ["value 1"]
    assert page_cache.site_cached("test:menu", compute) == ["value 1"]
    assert len(calls) == 1


def test_a_bump_of_the_site_gives_the_new_value_at_once(counted):  # type: ignore[no-untyped-def]
    calls, compute = counted
    page_cache.site_cached("test:menu", compute)
    page_cache.bump_site()
    assert page_cache.site_cached("test:menu", compute) == ["value 2"]


def test_a_cleared_cache_never_hands_back_the_value_kept_in_the_process(counted):  # type: ignore[no-untyped-def]
    # A version counted again from the start would name the value this process still
    # holds; a missing version is a new random one instead.
    calls, compute = counted
    page_cache.site_cached("test:menu", compute)
    versions = {page_cache.site_version()}
    for _ in range(3):
        cache.clear()
        page_cache.site_cached("test:menu", compute)
        versions.add(page_cache.site_version())
    assert len(calls) == 4
    assert len(versions) == 4


def test_the_version_is_read_once_per_request_and_again_after_a_bump_in_it():
    key = "pages:version:site"
    request_started.send(sender=None)
    try:
        first = page_cache.site_version()
        cache.set(key, 10**15)  # another process's bump, during this request
        assert page_cache.site_version() == first  # one version for the whole request
        page_cache.bump_site()  # this request's own change is seen at once
        assert page_cache.site_version() == str(10**15 + 1)
    finally:
        request_finished.send(sender=None)
    cache.set(key, 7)
    assert page_cache.site_version() == "7"  # outside a request: read every time


def test_the_values_kept_in_a_process_are_bounded(counted):  # type: ignore[no-untyped-def]
    # The chrome is kept per host: any number of hosts must not grow the process.
    _, compute = counted
    for n in range(page_cache._LOCAL_LIMIT + 50):
        page_cache.site_cached(f"test:host-{n}", compute)
    assert len(page_cache._LOCAL_VALUES) <= page_cache._LOCAL_LIMIT
