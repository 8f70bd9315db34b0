"""Visits every URL that takes no parameters, as every role, and expects no server error."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import ROLE_IDS, ROLES, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_once, db):  # type: ignore[no-untyped-def]
    """The demo loaded once for the module: each role's walk only reads it (and what its
    own signed-in user writes is rolled back after it)."""


def _parameterless_paths(resolver=None, prefix: str = "") -> list[str]:  # type: ignore[no-untyped-def]
    resolver = resolver or get_resolver()
    paths: list[str] = []
    for pattern in resolver.url_patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if "<" in route or "(?P" in route:
                continue
            paths += _parameterless_paths(pattern, prefix + route.lstrip("^").rstrip("$"))
        elif isinstance(pattern, URLPattern):
            if "<" in route or "(?P" in route or "(" in route:
                continue
            path = "/" + (prefix + route).lstrip("^").rstrip("$").replace("\\", "")
            if any(ch in path for ch in "*?+[]|"):
                continue
            paths.append(path)
    return sorted(set(paths))


# Wagtail's /admin/failwhale/ raises on purpose, so operators can test error reporting.
DELIBERATE_ERRORS = {"/admin/failwhale/"}
PATHS = [p for p in _parameterless_paths() if p not in DELIBERATE_ERRORS]


def test_crawler_finds_the_site_admin_accounts_and_api():
    for expected in ("/accounts/login/", "/admin/", "/api/v1/priorities", "/api/v1/openapi.json"):
        assert expected in PATHS
    assert len(PATHS) > 50


@pytest.mark.walk
@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
def test_no_page_gives_a_server_error_for_any_role(role, demo):
    client = client_for(role)
    failures = []
    for path in PATHS:
        response = client.get(path)
        if response.status_code >= 500:
            failures.append(f"{path}: {response.status_code}")
    assert not failures, failures


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
def test_admin_needs_the_right_role(role):
    response = client_for(role).get("/admin/")
    if role is not None and role.value == "Hub Team":
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403)
