"""Secure headers, the Content Security Policy and production settings."""

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "x" * 30 + "-production-like-secret-key-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "hub.example.gov.uk",
    "CSRF_TRUSTED_ORIGINS": "https://hub.example.gov.uk",
    "DATABASE_URL": "sqlite:////tmp/improvement-hub-deploy-check.sqlite3",
    "STATIC_MANIFEST": "true",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # Start from this environment without the test suite's own settings.
    test_only = {
        "DEBUG",
        "SECRET_KEY",
        "SECURE_SSL_REDIRECT",
        "STATIC_MANIFEST",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "TASKS_BACKEND",
        "DJANGO_SETTINGS_MODULE",
    }
    clean = {k: v for k, v in os.environ.items() if k not in test_only}
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "improvement_hub", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# The two checks below run in a new process on their own SQLite file, whichever database
# the suite uses: CI runs them once, on SQLite (any_database).
@pytest.mark.any_database
def test_check_deploy_has_no_warnings_with_production_variables():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.any_database
def test_secret_key_is_required_when_debug_is_off():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_public_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    html = response.content.decode()
    assert f'<style nonce="{nonce}">' in html
    assert f'<script nonce="{nonce}">' in html


def test_admin_gets_the_looser_policy_wagtail_needs(hub_team_client):
    policy = hub_team_client.get("/admin/").headers["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in policy


def test_secure_headers(client):
    response = client.get("/")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_signed_in_pages_are_not_stored_by_shared_caches(staff_client):
    assert "no-store" in staff_client.get("/").headers["Cache-Control"]


def test_forms_are_protected_against_cross_site_requests(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": "a@example.org", "password": "x"})
    assert response.status_code == 403
    assert "Sorry, your form could not be sent" in response.content.decode()
