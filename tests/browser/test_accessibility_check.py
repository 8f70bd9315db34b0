"""The accessibility check every browser test relies on (``assert_accessible``) fails on a
page with violations and names them, with the options it runs axe-core with."""

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import assert_accessible

ACCESSIBLE = """<!doctype html><html lang="en"><head><title>Ideas</title></head><body>
<main><h1>Ideas</h1><label for="q">Search ideas</label><input id="q" name="q">
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="The hub's logo"></main>
</body></html>"""
# Four WCAG A/AA failures: no language, an image with no text alternative, a field with
# no label, grey text too faint on white.
BROKEN = """<!doctype html><html><head><title>Ideas</title></head><body>
<main><h1>Ideas</h1><input name="q">
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="color: #bbb; background: #fff">Closing soon</p></main>
</body></html>"""


def test_a_page_without_violations_passes(page: Page):
    page.set_content(ACCESSIBLE)
    assert_accessible(page)


def test_each_violation_fails_the_check_and_is_named(page: Page):
    page.set_content(BROKEN)
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)
    report = str(failure.value)
    for rule in ("html-has-lang", "image-alt", "label", "color-contrast"):
        assert rule in report, f"{rule} not reported:\n{report}"


# Faint grey text on a narrow screen only: a violation at 320px, none at 1024px.
FAINT_ON_A_PHONE = """<!doctype html><html lang="en"><head><title>Ideas</title>
<style>@media (max-width: 400px) { .closing { color: #bbb; background: #fff } }</style>
</head><body><main><h1>Ideas</h1><p class="closing">Closing soon</p></main></body></html>"""


def test_a_page_checked_again_is_checked_as_it_is_now(page: Page):
    """axe-core is put into a document once (``_run_axe``); each later check of the same
    document still sees what changed since: the layout at another width, new elements."""
    page.set_viewport_size({"width": 1024, "height": 800})
    page.set_content(FAINT_ON_A_PHONE)
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)
    assert "color-contrast" in str(failure.value)

    page.set_viewport_size({"width": 1024, "height": 800})
    assert_accessible(page)
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', "
        "'<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">')"
    )
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)
    assert "image-alt" in str(failure.value)
