"""Two app processes, one PostgreSQL, one Redis (docs/operations.md, "Scaling out"): a
change made through one process is seen through the other at once, in the list and its
count (cached), the similar-ideas answer (each process's own index, resynced by a version in
the cache) and the rate limits (counted in the cache)."""

import json
import re

import pytest
import redis
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from wagtail.models import APIToken

from improvement_hub.accounts.roles import Role
from tests.accounts.factories import PASSWORD, UserFactory
from tests.ideas.factories import IdeaFactory
from tests.scale.processes import (
    CACHE_REDIS_DB,
    REDIS_HOST,
    app_servers,
    hub_environment,
    needs_postgresql,
    unique_prefix,
)

pytestmark = [needs_postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_IDEA = {
    "title": "Paint a zebra crossing outside Elmfield school",
    "problem": "Children cross the busy road outside Elmfield school without a crossing.",
    "proposal": "Paint a zebra crossing with beacons before the new school year.",
}
COUNT = re.compile(r'id="results">\s*(\d+) ideas?')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LOCKED = "Too many failed login attempts"


def _count(page: str) -> int:
    found = COUNT.search(page)
    assert found, "the list page shows its count"
    return int(found.group(1))


def _similar_ids(server, text: str) -> list[int]:
    response = server.http.get(server.url("/api/v1/ideas/similar"), params={"text": text})
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()]


def _put_forward(server, secret: str, n: int):
    answers = {**NEW_IDEA, "title": f"{NEW_IDEA['title']} ({n})"}
    return server.http.post(
        server.url("/api/v1/ideas"),
        data=json.dumps(answers),
        headers={"Authorization": f"Bearer {secret}", "Content-Type": "application/json"},
    )


def _sign_in(server, email: str, password: str):
    """Through the sign-in page, as a browser: its CSRF cookie and token, then the form.
    Both servers are asked for one host name, as behind a load balancer (allauth counts
    failures per site and account)."""
    host = {"Host": "localhost"}
    page = server.http.get(server.url("/accounts/login/"), headers=host)
    token = CSRF.search(page.text)
    assert token, "the sign-in page has its CSRF token"
    return server.http.post(
        server.url("/accounts/login/"),
        data={"login": email, "password": password, "csrfmiddlewaretoken": token.group(1)},
        headers=host,
        allow_redirects=False,
    )


def test_a_change_through_one_app_process_is_seen_through_the_other_at_once(tmp_path):
    IdeaFactory.create_batch(3)
    staff = UserFactory(role=Role.STAFF)
    _, secret = APIToken.create_token(user=staff, name="scale test")
    # The servers check passwords with Django's default hashers, not the suite's fast one.
    target = UserFactory(email="target@example.org")
    target.password = PBKDF2PasswordHasher().encode(PASSWORD, "scaletestsalt", iterations=1000)
    target.save(update_fields=["password"])
    prefix = unique_prefix()
    env = hub_environment(
        CACHE_URL=f"redis://{REDIS_HOST}/{CACHE_REDIS_DB}?key_prefix={prefix}",
        IDEAS_PER_HOUR="2",
        LOGIN_FAILED_RATE_LIMIT="100/m/ip,2/5m/key",
        CSRF_COOKIE_SECURE="false",
        SESSION_COOKIE_SECURE="false",
    )
    shared = redis.Redis.from_url(f"redis://{REDIS_HOST}/{CACHE_REDIS_DB}")
    try:
        with app_servers(env, tmp_path) as (a, b):
            # B counts the list (and caches the count for a minute) and builds its index.
            first = b.http.get(b.url("/ideas/"))
            assert first.status_code == 200
            assert _count(first.text) == 3
            assert shared.keys(f"{prefix}:*"), "the count is cached in Redis, not in B"
            assert _similar_ids(b, "zebra crossing outside the school") == []

            # A puts an idea forward: one service, whose after-commit steps bump the
            # versions of the list counts and the similarity index in the shared cache.
            made = _put_forward(a, secret, 1)
            assert made.status_code == 201, made.text
            new_id = made.json()["id"]

            # B sees it at once: the cached count is replaced, the new idea is listed, and
            # B's index (built before the change) resyncs before answering.
            after = b.http.get(b.url("/ideas/"))
            assert _count(after.text) == 4
            assert NEW_IDEA["title"] in after.text
            assert _similar_ids(b, "zebra crossing outside the school")[0] == new_id

            # The limit (2 ideas an hour) counts both processes' ideas: the second through B
            # is allowed, a third through A is refused, though A made only one before.
            assert _put_forward(b, secret, 2).status_code == 201
            refused = _put_forward(a, secret, 3)
            assert refused.status_code == 429, refused.text
            assert int(refused.headers["Retry-After"]) > 0
            assert _count(a.http.get(a.url("/ideas/")).text) == 5

            # allauth's limit on password guessing (2 failures per account) counts failures
            # through either process: one through each, and then even the right password
            # is refused through A.
            for server in (a, b):
                wrong = _sign_in(server, "target@example.org", "wrong guess")
                assert wrong.status_code == 200
                assert LOCKED not in wrong.text
            right = _sign_in(a, "target@example.org", PASSWORD)
            assert right.status_code == 200, "not signed in"
            assert LOCKED in right.text
    finally:
        keys = shared.keys(f"{prefix}:*")
        if keys:
            shared.delete(*keys)
        shared.close()
