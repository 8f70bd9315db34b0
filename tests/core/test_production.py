"""Production start-up: static files collected with hashed names, and pages that use them.

With ``DEBUG=false`` the hub serves static files under hashed names from a manifest that
``collectstatic`` writes. If one stylesheet points at a file that is not shipped,
``collectstatic`` stops and every page is a 500 ("Missing staticfiles manifest entry").
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

# Static files do not depend on the database: CI runs these on SQLite only (any_database).
pytestmark = [pytest.mark.django_db, pytest.mark.any_database]

STATIC_DIR = Path(__file__).resolve().parents[2] / "src" / "improvement_hub" / "core" / "static"
SCSS = Path(__file__).resolve().parents[2] / "assets" / "scss" / "hub.scss"
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


class _StaticReferences(HTMLParser):
    """The addresses of the stylesheets, scripts, icons and images a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        url = values.get("href") if tag == "link" else values.get("src")
        if tag in {"link", "script", "img"} and url and url.startswith("/static/"):
            self.urls.append(url)


def _static_references(html: str) -> list[str]:
    parser = _StaticReferences()
    parser.feed(html)
    return parser.urls


def _collect(settings, tmp_path: Path, backend: str) -> Path:  # type: ignore[no-untyped-def]
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": backend}}
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def test_collectstatic_succeeds_when_static_files_are_hashed_for_production(settings, tmp_path):
    backend = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    root = _collect(settings, tmp_path, backend)

    manifest = json.loads((root / "staticfiles.json").read_text())["paths"]
    assert "govuk/hub.css" in manifest
    assert (root / manifest["govuk/hub.css"]).is_file()


def test_pages_and_their_static_files_load_when_served_as_in_production(client, settings, tmp_path):
    # The manifest (hashed names) is what a missing file breaks. Production's storage also
    # compresses every file, which takes most of a minute here: CI's .ci/production
    # collects with it and loads the pages and their files through gunicorn.
    root = _collect(
        settings, tmp_path, "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    )

    for path in ("/", "/ideas/", "/lab/", "/initiatives/", "/accounts/login/"):
        response = client.get(path)
        assert response.status_code == 200, path
        urls = _static_references(response.content.decode())
        assert any(re.search(r"/static/govuk/hub\.[0-9a-f]{12}\.css$", u) for u in urls), path
        for url in urls:
            assert (root / url.removeprefix("/static/")).is_file(), url
            assert client.get(url).status_code == 200, url


def test_every_url_in_shipped_stylesheets_resolves_when_collected():
    for stylesheet in STATIC_DIR.rglob("*.css"):
        for url in CSS_URL.findall(stylesheet.read_text()):
            if url.startswith(("data:", "#")):
                continue
            assert url.startswith("/static/"), f"{stylesheet.name}: {url}"
            assert finders.find(url.removeprefix("/static/")), f"{stylesheet.name}: {url}"


def test_stylesheet_never_uses_the_govuk_crest_when_rebuilt_from_scss():
    # GOV.UK's crown and crest are for GOV.UK only (DESIGN.md); the build must not bring
    # back a reference to them.
    assert "govuk-crest" not in (STATIC_DIR / "govuk" / "hub.css").read_text()
    assert '$govuk-image-url-function: "hub-no-govuk-image"' in SCSS.read_text()
