"""Browser tests: Playwright drives Debian's Chromium against a live server; axe-core
(shipped inside the axe-playwright-python wheel, never fetched) checks accessibility."""

import os
import shutil
from collections.abc import Iterator

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

# Playwright's sync API runs an event loop in the test thread; the ORM is still used
# synchronously from it (fixtures, assertions), which Django allows with this flag.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Debian's headless shell (scripts/_setup.sh installs it): the full browser's engine, less
# CPU per page; CHROMIUM_PATH names another build, such as the full /usr/bin/chromium.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium-headless-shell")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
AXE = Axe()  # reads axe-core's script once, not once per page


def pytest_collection_modifyitems(items):  # type: ignore[no-untyped-def]
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `apt-get install -y chromium`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def page_without_js(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1024, "height": 800}
    )
    yield context.new_page()
    context.close()


def assert_accessible(page: Page) -> None:
    """Fails on any WCAG 2.2 A or AA violation that axe-core finds on the page.

    Waits for the page to finish loading first: a click that navigates returns once the
    navigation starts, and axe run on a document being replaced finds no ``documentElement``.

    Every violation is reported in full; ``resultTypes`` only spares axe from listing each
    element that passed or did not apply (the wrapper's default, which our ``runOnly``
    would otherwise replace): on a long page that list took most of the run.
    """
    page.wait_for_load_state("load")
    results = _run_axe(page)
    assert results.violations_count == 0, results.generate_report()


def _run_axe(page: Page) -> AxeResults:
    """axe-core's run on the page as it is now, with ``AXE_OPTIONS``.

    axe-core is put into each document once: a page checked again (at 320px, or after a
    change on the same page) runs the copy already there, where the wrapper's ``run``
    would parse its half a megabyte of script again (about a fifth of each check).
    """
    if not page.evaluate("() => typeof window.axe === 'object' && !!window.axe.run"):
        page.evaluate(AXE.axe_script)
    return AxeResults(page.evaluate("options => axe.run(document, options)", AXE_OPTIONS))


def assert_fits_width(page: Page, width: int = 320) -> None:
    """Usable at ``width`` CSS pixels: nothing forces sideways scrolling."""
    page.set_viewport_size({"width": width, "height": 800})
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"page is {scroll_width}px wide at a {width}px viewport"


def sign_in(page: Page, base_url: str, email: str, next_path: str) -> None:
    """Signs in through the real form and comes back to ``next_path``."""
    from urllib.parse import quote

    from playwright.sync_api import expect

    from improvement_hub.accounts.demo import DEMO_PASSWORD

    page.goto(f"{base_url}/accounts/login/?next={quote(next_path)}")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(base_url + next_path)
