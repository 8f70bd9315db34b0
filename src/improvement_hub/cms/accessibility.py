"""What the accessibility statement says was tested: exactly what the automated tests check.

The browser tests (tests/browser) read the same facts: a test fails if the statement and the
checks part ways (tests/cms/test_accessibility_statement.py), so the statement stays true.
"""

from dataclasses import dataclass

# axe-core runs with these rule tags on every page the browser tests open
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa")
# the narrowest screen every page is checked at, in CSS pixels
NARROWEST_WIDTH = 320
STANDARD = "Web Content Accessibility Guidelines version 2.2 AA"


@dataclass(frozen=True)
class Check:
    name: str
    detail: str


CHECKS = (
    Check(
        "Automated checks in a real browser",
        "Each kind of page is opened in Chromium and checked with axe-core against the WCAG 2.0, "
        "2.1 and 2.2 A and AA rules. A page with any problem found fails the tests, so it "
        "is not released.",
    ),
    Check(
        "Small screens and zoom",
        f"Each kind of page is checked at {NARROWEST_WIDTH} CSS pixels wide (the same as 400% zoom "
        "on a 1280 pixel screen): nothing may make you scroll sideways.",
    ),
    Check(
        "Without JavaScript",
        "The main journeys are tested with JavaScript switched off in the browser: signing "
        "in, putting forward and supporting an idea, referring a problem, booking a "
        "training session or a space, registering for an event, and reading news.",
    ),
)
