"""Every URL that takes no parameters: found, visited by the URL x role sweep as every
role (tests/core/test_url_role_sweep.py), and the admin only for those allowed in."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import ROLE_IDS, ROLES, client_for

pytestmark = pytest.mark.django_db


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


def test_the_url_role_sweep_visits_every_parameterless_path(world):
    """The walk that visited these paths as every role for a 5xx is the URL x role sweep's
    job, with the stricter check (each role's expected status, never a 5xx): each path
    here must be one of its cells, so a route the sweep stopped visiting fails here."""
    from tests.core.test_url_role_sweep import cells

    swept = {cell.path for cell in cells(world) if not cell.token}
    assert [path for path in PATHS if path not in swept] == []


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
def test_admin_needs_the_right_role(role):
    response = client_for(role).get("/admin/")
    if role is not None and role.value == "Hub Team":
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403)
