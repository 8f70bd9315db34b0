"""Issue 10, items 4 and 13 in a real browser: the XmR chart and the portfolio timeline keep
their text in the page's font at 14px or more at every width, no two labels overlap, nothing
overflows at 320px; removing a value asks first on an accessible page, without JavaScript."""

import pytest
from playwright.sync_api import Page, expect

from improvement_hub.initiatives.models import Measure, Observation
from improvement_hub.initiatives.models.measures import Removal
from tests.browser.conftest import assert_accessible, assert_fits_width, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HUB = "hubteam@demo.example"
WIDTHS = (320, 375, 1024)

# Each label's computed font and its box on the screen.
LABELS = """(selector) => [...document.querySelectorAll(selector)].map((el) => {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {text: el.textContent.trim(), size: parseFloat(style.fontSize), family: style.fontFamily,
          left: box.left, right: box.right, top: box.top, bottom: box.bottom};
}).filter((label) => label.text)"""


def _overlaps(a: dict, b: dict) -> bool:
    return not (
        a["right"] <= b["left"]
        or b["right"] <= a["left"]
        or a["bottom"] <= b["top"]
        or b["bottom"] <= a["top"]
    )


def _check_labels(page: Page, selector: str, width: int) -> int:
    page.set_viewport_size({"width": width, "height": 900})
    labels = page.evaluate(LABELS, selector)
    assert labels, f"no labels for {selector}"
    body_font = page.evaluate("getComputedStyle(document.querySelector('p')).fontFamily")
    for label in labels:
        assert label["size"] >= 14, f"{label['text']!r} is {label['size']}px at {width}px"
        assert label["family"] == body_font, f"{label['text']!r} is in {label['family']}"
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not _overlaps(a, b), f"{a['text']!r} overlaps {b['text']!r} at {width}px"
    assert_fits_width(page, width)
    return len(labels)


def test_the_xmr_chart_labels_are_readable_and_never_overlap_at_any_width(
    page: Page, live_server, demo
):
    measure = Measure.objects.get(name="Days from first contact to help starting")
    sign_in(page, live_server.url, HUB, measure.get_absolute_url())
    # the PDSA cycle and the re-baseline share 1 March 2017: both labels are shown
    chart = page.locator("svg.hub-chart")
    expect(chart.locator("text", has_text="PDSA 1")).to_have_count(1)
    expect(chart.locator("text", has_text="Re-baselined")).to_have_count(1)
    for width in WIDTHS:
        assert _check_labels(page, "svg.hub-chart text", width) >= 8
    assert_accessible(page)
    expect(page.locator("li", has_text="Triage by a joint team at the front door")).to_be_visible()


def test_the_timeline_labels_are_readable_and_never_overlap_at_any_width(
    page: Page, live_server, demo
):
    page.goto(live_server.url + "/initiatives/timeline/")
    for width in WIDTHS:
        _check_labels(page, "main [role=img] text, main [role=img] p", width)
    assert_accessible(page)


def test_removing_a_value_asks_first_without_javascript(page_without_js: Page, live_server, demo):
    page = page_without_js
    measure = Measure.objects.get(name="Days from first contact to help starting")
    first = measure.observations.order_by("on").first()
    sign_in(page, live_server.url, HUB, measure.get_absolute_url())
    page.get_by_role("link", name=f"Remove the value of {first.on.day} {first.on:%b %Y}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Are you sure you want to remove this value?"
    )
    page.get_by_role("link", name="No, keep it").click()
    assert Observation.objects.filter(pk=first.pk).exists()
    page.get_by_role("link", name=f"Remove the value of {first.on.day} {first.on:%b %Y}").click()
    page.get_by_role("button", name="Yes, remove it").click()
    expect(page.get_by_text("Value removed")).to_be_visible()
    assert not Observation.objects.filter(pk=first.pk).exists()
    assert Removal.objects.get().removed_by.email == HUB
    expect(
        page.get_by_role("table", name="Values and re-baselines removed, newest first")
    ).to_contain_text(f"{first.on.day} {first.on:%B %Y}")


def test_the_warning_page_and_the_removed_list_are_accessible_and_fit_320px(
    page: Page, live_server, demo
):
    measure = Measure.objects.get(name="Days from first contact to help starting")
    first = measure.observations.order_by("on").first()
    sign_in(page, live_server.url, HUB, measure.get_absolute_url())
    page.get_by_role("link", name=f"Remove the value of {first.on.day} {first.on:%b %Y}").click()
    assert_accessible(page)
    assert_fits_width(page, 320)
    page.set_viewport_size({"width": 1024, "height": 800})
    page.get_by_role("button", name="Yes, remove it").click()
    expect(page.get_by_role("heading", name="Removed")).to_be_visible()
    assert_accessible(page)
    assert_fits_width(page, 320)
