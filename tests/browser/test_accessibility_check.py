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
