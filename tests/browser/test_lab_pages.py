"""The Innovation Lab in a real browser, as residents and the Hub Team use it: every page is
accessible and fits 320px, and the referral journey works with JavaScript on and off."""

import re
from collections.abc import Callable

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import Error as PlaywrightError

from improvement_hub.accounts.models import User
from improvement_hub.lab import services, similarity
from improvement_hub.lab.models import (
    Evidence,
    PersonalDataAccess,
    Referral,
    ReferralEvent,
    ReferralStatus,
)
from tests.browser.conftest import assert_accessible, assert_fits_width, sign_in
from tests.lab.factories import make_referral

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HUB = "hubteam@demo.example"
HUB_NAME = "Hana Hughes"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PROBLEM = "The lifts in our tower block break every week and older tenants cannot get out."
EMAIL = "pat.resident@example.org"
REPAIRS = "Council Housing Repairs"
REPAIRS_URL = "https://www.example.gov.uk/repairs"
REPAIRS_PHONE = "0121 000 0302"
QUESTIONS = [
    "who",
    "affected",
    "problem",
    "services",
    "tried",
    "priorities",
    "evidence",
    "contact",
    "consent",
]


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path, live_server):  # type: ignore[no-untyped-def]
    """Evidence files go to a temporary folder; links in emails point at the live server;
    the similar-referrals index (kept in this process) starts empty."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    similarity.reset()
    yield
    similarity.reset()


@pytest.fixture
def lab(demo):  # type: ignore[no-untyped-def]
    """The demo data. Loading it sends 12 referrals from 127.0.0.1, which the browser's
    requests share, so the rate-limit counters are emptied afterwards."""
    cache.clear()


# ---------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------


def assert_ids_unique(page: Page) -> None:
    """Two elements with one id break labels and error-summary links."""
    duplicates = page.evaluate(
        """() => {
            const seen = {};
            document.querySelectorAll('[id]').forEach(e => { seen[e.id] = (seen[e.id] || 0) + 1; });
            return Object.keys(seen).filter(id => seen[id] > 1);
        }"""
    )
    assert duplicates == [], f"ids used more than once: {duplicates}"


def check_page(page: Page) -> list[str]:
    """Runs every check on the page as it is; returns what failed rather than stopping."""
    failures = []
    checks: list[Callable[[], None]] = [
        lambda: assert_accessible(page),
        lambda: assert_ids_unique(page),
        lambda: assert_fits_width(page, 320),
        lambda: assert_accessible(page),  # at 320px
    ]
    for check in checks:
        try:
            check()
        except AssertionError as error:
            failures.append(str(error))
    page.set_viewport_size({"width": 1024, "height": 800})
    return failures


def heading(page: Page) -> str:
    return page.get_by_role("heading", level=1).inner_text()


def summary_row(page: Page, key: str):  # type: ignore[no-untyped-def]
    """The row of a summary list whose key is ``key``."""
    return page.locator(".govuk-summary-list__row").filter(
        has=page.locator("dt", has_text=re.compile(f"^{re.escape(key)}$"))
    )


def error_summary(page: Page):  # type: ignore[no-untyped-def]
    return page.locator(".govuk-error-summary")


def press(page: Page, button: str) -> None:
    """Presses a form's button and fails clearly if the server refuses the form."""
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=button).click()
    response = navigation.value
    assert response is not None
    origin = response.request.headers.get("origin")
    assert response.status != 403, (
        f"‘{button}’ was refused (403: {heading(page)}); the request's Origin was {origin!r}"
    )


def continue_(page: Page) -> None:
    page.get_by_role("button", name="Continue").click()


def answer_who(page: Page) -> None:
    page.get_by_label("A community or voluntary group").check()
    page.get_by_label("Name of your group or organisation (if any)").fill("Ladywood Tenants' Forum")
    continue_(page)


def answer_affected(page: Page) -> None:
    page.get_by_label("Describe the people affected").fill("Older tenants in tower blocks")
    page.get_by_label("100 to 1,000 people").check()
    continue_(page)


def answer_problem(page: Page) -> None:
    page.get_by_label("Describe the problem in your own words").fill(PROBLEM)
    continue_(page)


def answer_services(page: Page) -> None:
    page.get_by_label(REPAIRS).check()
    page.get_by_label("NHS (GP, hospital, mental health)").check()
    page.get_by_label("If someone else, who?").fill("Our housing association")
    continue_(page)


def answer_tried(page: Page) -> None:
    page.get_by_label("What has been tried, and what happened").fill(
        "We reported it to repairs many times."
    )
    continue_(page)


def answer_priorities(page: Page) -> None:
    page.get_by_label("Housing", exact=True).check()
    continue_(page)


def upload_evidence(page: Page, name: str = "letter.pdf", data: bytes = PDF) -> None:
    mime = "application/pdf" if name.endswith(".pdf") else "text/plain"
    page.get_by_label("Upload a file").set_input_files(
        {"name": name, "mimeType": mime, "buffer": data}
    )
    page.get_by_role("button", name="Upload file").click()


def answer_contact(page: Page) -> None:
    page.get_by_label("Your name (optional)").fill("Pat Resident")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Phone number (optional)").fill("0121 496 0000")
    continue_(page)


def answer_consent(page: Page) -> None:
    page.get_by_label("I agree to the council using my answers").check()
    continue_(page)


def answer_everything(page: Page, base_url: str) -> None:
    """Answers every question from the first, with a PDF as evidence; ends on the check
    page."""
    page.goto(f"{base_url}/lab/refer/who/")
    answer_who(page)
    answer_affected(page)
    answer_problem(page)
    answer_services(page)
    answer_tried(page)
    answer_priorities(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Add evidence (optional)")
    upload_evidence(page)
    expect(page.locator(".govuk-summary-list")).to_contain_text("letter.pdf")
    page.get_by_role("button", name="Continue").click()
    answer_contact(page)
    answer_consent(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before sending your referral"
    )


def email_links(to: str) -> tuple[str, str]:
    """The confirmation and tracking links from the last email to ``to``."""
    message = [m for m in mail.outbox if to in m.to][-1]
    confirm = re.search(r"https?://\S+/lab/refer/confirm/\S+", message.body)
    track = re.search(r"https?://\S+/lab/track/\S+", message.body)
    assert confirm, message.body
    assert track, message.body
    return confirm.group(0), track.group(0)


def hub_user() -> User:
    return User.objects.get(email=HUB)


def referral_asking_for_more_information() -> tuple[Referral, str]:
    referral, token = make_referral(
        email="asked@example.org", problem="Nobody answers the phone at the housing office."
    )
    services.referral_decide(
        actor=hub_user(),
        referral=referral,
        decision=services.Decision(
            kind=ReferralEvent.Kind.MORE_INFO,
            message="Please tell us which office you phoned, and when.",
        ),
    )
    return referral, token


def new_referral_reference() -> str:
    return Referral.objects.filter(status=ReferralStatus.NEW).order_by("pk").first().reference


# ---------------------------------------------------------------------------------------
# Every page: no axe violations, unique ids, no sideways scrolling at 320px.
# Pages are grouped so that each group loads the demo data (and signs in) once; every
# page of a group is checked and the failures are reported together.
# ---------------------------------------------------------------------------------------

Visit = Callable[[Page, str], None]


def _go(path: Callable[[], str] | str) -> Visit:
    def visit(page: Page, base_url: str) -> None:
        page.goto(base_url + (path() if callable(path) else path))
        expect(page.get_by_role("heading", level=1)).to_be_visible()

    return visit


def _with_errors(step: str, prepare: Callable[[Page], None] | None = None) -> Visit:
    """The question page after "Continue" with nothing (or something wrong) in it."""

    def visit(page: Page, base_url: str) -> None:
        page.goto(f"{base_url}/lab/refer/{step}/")
        if prepare:
            prepare(page)
        continue_(page)
        expect(error_summary(page)).to_contain_text("There is a problem")
        expect(page).to_have_title(re.compile("^Error: "))

    return visit


def _too_long(label: str) -> Callable[[Page], None]:
    """Types more than a field allows (the browser's maxlength is taken off first)."""

    def prepare(page: Page) -> None:
        field = page.get_by_label(label)
        field.evaluate("e => e.removeAttribute('maxlength')")
        field.fill("x" * 6000)

    return prepare


def _not_a_choice(label: str) -> Callable[[Page], None]:
    """Ticks a box whose value the form does not know (a stale or tampered page)."""

    def prepare(page: Page) -> None:
        box = page.get_by_label(label, exact=True)
        box.evaluate("e => { e.value = 'no-such-thing'; e.checked = true; }")

    return prepare


def _bad_email(page: Page) -> None:
    page.get_by_label("Email address").fill("not an email")


def _evidence_uploaded(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/lab/refer/evidence/")
    upload_evidence(page)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Your file has been uploaded"
    )
    expect(page.locator(".govuk-summary-list")).to_contain_text("letter.pdf")


def _evidence_bad_file(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/lab/refer/evidence/")
    upload_evidence(page, "notes.pdf", b"just some text, not a PDF")
    expect(error_summary(page)).to_contain_text("The file ‘notes.pdf’ must be a PDF")
    expect(page).to_have_title(re.compile("^Error: "))


def _evidence_no_file(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/lab/refer/evidence/")
    page.get_by_role("button", name="Upload file").click()
    expect(error_summary(page)).to_contain_text("Select a file to upload")


def _check_answers(page: Page, base_url: str) -> None:
    answer_everything(page, base_url)
    expect(page.locator(".govuk-summary-list")).to_contain_text(PROBLEM)


def _referral_sent(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/lab/refer/check/")
    page.get_by_role("button", name="Send referral").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Referral sent")


def _confirm_email(page: Page, base_url: str) -> None:
    confirm, _track = email_links(EMAIL)
    page.goto(confirm)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your email address")


def _email_confirmed(page: Page, base_url: str) -> None:
    page.get_by_role("button", name="Confirm email address").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Email address confirmed")


def _confirm_link_not_valid(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/lab/refer/confirm/not-a-real-token/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "This link has expired or is not valid"
    )


def _tracking(page: Page, base_url: str) -> None:
    _confirm, track = email_links(EMAIL)
    page.goto(track)
    expect(page.locator(".govuk-summary-list")).to_contain_text("Received")
    expect(page.locator(".hub-timeline")).to_contain_text("Your email address is confirmed")


def _tracking_more_information(page: Page, base_url: str) -> None:
    referral, token = referral_asking_for_more_information()
    page.goto(f"{base_url}/lab/track/{referral.reference}/?token={token}")
    expect(page.locator(".govuk-summary-list")).to_contain_text("More information requested")
    expect(page.get_by_label("Your reply")).to_be_visible()


def _tracking_reply_error(page: Page, base_url: str) -> None:
    press(page, "Send reply")
    expect(error_summary(page)).to_contain_text("Enter your reply")
    expect(page.get_by_label("Your reply")).to_be_visible()


def _inbox_filtered(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/lab/triage/")
    page.get_by_label("Status", exact=True).select_option("all")
    page.get_by_label("Service", exact=True).select_option(label="Housing Options and Homelessness")
    page.get_by_label("Priority", exact=True).select_option(label="Housing")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"status=all&.*service=housing-options"))
    expect(page.locator("caption")).not_to_have_text("0 referrals")


def _inbox_nothing_matches(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/lab/triage/?status=all&age=overdue&assignee=none&service=early-help")
    expect(page.get_by_text("No referrals match.")).to_be_visible()


def _referral_with_decision_form(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/lab/triage/{new_referral_reference()}/")
    expect(page.get_by_role("heading", name="Decision")).to_be_visible()


def _decision_with_no_choice(page: Page, base_url: str) -> None:
    _referral_with_decision_form(page, base_url)
    page.get_by_role("button", name="Save and email the referrer").click()
    expect(error_summary(page)).to_contain_text("Select a decision")


def _decision_with_missing_service(page: Page, base_url: str) -> None:
    _referral_with_decision_form(page, base_url)
    page.get_by_label("Refer to a named council service").check()
    page.get_by_role("button", name="Save and email the referrer").click()
    expect(error_summary(page)).to_contain_text("Select the service the referral goes to")


def _decided_referral(page: Page, base_url: str) -> None:
    referral = Referral.objects.filter(status=ReferralStatus.REFERRED).first()
    page.goto(f"{base_url}/lab/triage/{referral.reference}/")
    expect(page.get_by_role("heading", name="History")).to_be_visible()


def _contact_details(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/lab/triage/{new_referral_reference()}/contact/")
    expect(page.locator(".govuk-summary-list")).to_contain_text("@demo.example")


PAGE_GROUPS: dict[str, tuple[str | None, dict[str, Visit]]] = {
    "public": (
        None,
        {
            "lab-home": _go("/lab/"),
            "challenges": _go("/lab/challenges/"),
            "challenge-discover": _go("/lab/challenges/children-in-temporary-accommodation/"),
            "challenge-define": _go("/lab/challenges/care-leavers-first-home/"),
            "plan": _go("/lab/plan/"),
            "methods": _go("/lab/methods/"),
            "other-labs": _go("/lab/labs/"),
            "refer-start": _go("/lab/refer/"),
        },
    ),
    "questions": (
        None,
        {
            **{f"{step}-empty": _go(f"/lab/refer/{step}/") for step in QUESTIONS},
            "who-with-errors": _with_errors("who"),
            "affected-with-errors": _with_errors("affected"),
            "problem-with-errors": _with_errors("problem"),
            "services-with-errors": _with_errors("services", _too_long("If someone else, who?")),
            "tried-with-errors": _with_errors(
                "tried", _too_long("What has been tried, and what happened")
            ),
            "priorities-with-errors": _with_errors("priorities", _not_a_choice("Housing")),
            "evidence-with-no-file-error": _evidence_no_file,
            "evidence-with-bad-file-error": _evidence_bad_file,
            "evidence-with-a-file": _evidence_uploaded,
            "contact-with-errors": _with_errors("contact"),
            "contact-with-bad-email": _with_errors("contact", _bad_email),
            "consent-with-errors": _with_errors("consent"),
        },
    ),
    "send-and-track": (
        None,
        {
            "check-your-answers": _check_answers,
            "referral-sent": _referral_sent,
            "confirm-email": _confirm_email,
            "email-confirmed": _email_confirmed,
            "confirm-link-not-valid": _confirm_link_not_valid,
            "tracking": _tracking,
            "tracking-more-information-requested": _tracking_more_information,
            "tracking-reply-error": _tracking_reply_error,
        },
    ),
    "hub-team": (
        HUB,
        {
            "triage-inbox": _go("/lab/triage/"),
            "triage-inbox-filtered": _inbox_filtered,
            "triage-inbox-nothing-matches": _inbox_nothing_matches,
            "referral-with-decision-form": _referral_with_decision_form,
            "referral-decision-error": _decision_with_no_choice,
            "referral-decision-missing-service": _decision_with_missing_service,
            "referral-decided": _decided_referral,
            "contact-details": _contact_details,
        },
    ),
}


@pytest.mark.parametrize("group", PAGE_GROUPS)
def test_pages_have_no_accessibility_violations_and_fit_320px(page: Page, live_server, lab, group):
    email, visits = PAGE_GROUPS[group]
    if email:
        sign_in(page, live_server.url, email, "/lab/triage/")
    failures = []
    for name, visit in visits.items():
        try:
            visit(page, live_server.url)
        except (AssertionError, PlaywrightError) as error:
            failures.append(f"--- {name} ({page.url}): could not open the page:\n{error}")
            continue
        failures += [f"--- {name} ({page.url}):\n{failure}" for failure in check_page(page)]
    assert not failures, "\n".join(failures)


# ---------------------------------------------------------------------------------------
# The resident's journey, on a phone-sized screen
# ---------------------------------------------------------------------------------------


def test_resident_refers_a_problem_confirms_and_tracks_it(page: Page, live_server, lab):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}/lab/")
    page.get_by_role("button", name="Refer a problem").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Refer a problem to the Innovation Lab"
    )
    page.get_by_role("button", name="Start now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Who is raising this problem?")
    answer_who(page)
    answer_affected(page)
    answer_problem(page)
    answer_services(page)
    answer_tried(page)
    answer_priorities(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Add evidence (optional)")
    upload_evidence(page)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Your file has been uploaded"
    )
    expect(page.locator(".govuk-summary-list")).to_contain_text("letter.pdf")
    page.get_by_role("button", name="Continue").click()
    answer_contact(page)
    answer_consent(page)

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before sending your referral"
    )
    answers = page.locator(".govuk-summary-list")
    for text in [
        "A community or voluntary group – Ladywood Tenants' Forum",
        "Older tenants in tower blocks",
        "100 to 1,000 people",
        PROBLEM,
        REPAIRS,
        "NHS (GP, hospital, mental health), Our housing association",
        "We reported it to repairs many times.",
        "Housing",
        "Pat Resident",
        EMAIL,
        "letter.pdf",
    ]:
        expect(answers).to_contain_text(text)
    assert_fits_width(page, 320)

    page.get_by_role("button", name="Send referral").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Referral sent")
    referral = Referral.objects.get(email=EMAIL)
    expect(page.locator(".govuk-panel__body")).to_contain_text(referral.reference)
    assert referral.status == ReferralStatus.UNCONFIRMED
    assert Evidence.objects.get(referral=referral).original_name == "letter.pdf"

    confirm, track = email_links(EMAIL)
    page.goto(confirm)
    page.get_by_role("button", name="Confirm email address").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Email address confirmed")
    expect(page.locator(".govuk-panel__body")).to_contain_text(referral.reference)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.NEW

    page.goto(track)
    expect(page.get_by_role("heading", level=1)).to_have_text(referral.reference)
    expect(summary_row(page, "Status")).to_contain_text("Received")
    expect(page.locator(".hub-timeline")).to_contain_text("Your email address is confirmed")
    assert_fits_width(page, 320)


def test_without_javascript_resident_refers_a_problem(page_without_js: Page, live_server, lab):
    page = page_without_js
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}/lab/refer/")
    page.get_by_role("button", name="Start now").click()
    answer_who(page)

    # an error keeps what was typed
    page.get_by_label("Describe the people affected").fill("Older tenants in tower blocks")
    continue_(page)
    expect(page).to_have_title(re.compile("^Error: Who does the problem affect?"))
    summary = error_summary(page)
    expect(
        summary.get_by_role("link", name="Select roughly how many people are affected")
    ).to_be_visible()
    expect(summary.get_by_role("link", name="Describe the people affected")).to_have_count(0)
    expect(page.get_by_label("Describe the people affected")).to_have_value(
        "Older tenants in tower blocks"
    )
    page.get_by_label("100 to 1,000 people").check()
    continue_(page)
    answer_problem(page)

    # the back link returns to the previous answer, still filled in
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Which services have you dealt with about it?"
    )
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What is the problem?")
    expect(page.get_by_label("Describe the problem in your own words")).to_have_value(PROBLEM)
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_label("Describe the people affected")).to_have_value(
        "Older tenants in tower blocks"
    )
    expect(page.get_by_label("100 to 1,000 people")).to_be_checked()
    continue_(page)
    continue_(page)

    answer_services(page)
    answer_tried(page)
    answer_priorities(page)
    upload_evidence(page)
    expect(page.locator(".govuk-summary-list")).to_contain_text("letter.pdf")
    page.get_by_role("button", name="Continue").click()
    answer_contact(page)
    answer_consent(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before sending your referral"
    )
    expect(page.locator(".govuk-summary-list")).to_contain_text(PROBLEM)
    page.get_by_role("button", name="Send referral").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Referral sent")
    referral = Referral.objects.get(email=EMAIL)
    expect(page.locator(".govuk-panel__body")).to_contain_text(referral.reference)
    assert referral.affected_who == "Older tenants in tower blocks"
    assert referral.evidence.count() == 1

    confirm, track = email_links(EMAIL)
    page.goto(confirm)
    page.get_by_role("button", name="Confirm email address").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Email address confirmed")
    page.goto(track)
    expect(summary_row(page, "Status")).to_contain_text("Received")
    assert_fits_width(page, 320)


def test_double_clicking_send_referral_sends_one(page: Page, live_server, lab):
    answer_everything(page, live_server.url)
    page.get_by_role("button", name="Send referral").dblclick()
    expect(page.get_by_role("heading", level=1)).to_have_text("Referral sent")
    page.wait_for_load_state("networkidle")
    assert Referral.objects.filter(email=EMAIL).count() == 1
    assert len([m for m in mail.outbox if EMAIL in m.to]) == 1


def test_resident_replies_to_a_request_for_more_information_and_withdraws(
    page: Page, live_server, lab
):
    referral, token = referral_asking_for_more_information()
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}/lab/track/{referral.reference}/?token={token}")
    expect(page.locator(".hub-timeline")).to_contain_text("which office you phoned")
    page.get_by_label("Your reply").fill("The Ladywood office, last Monday morning.")
    press(page, "Send reply")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Your reply has been sent"
    )
    expect(summary_row(page, "Status")).to_contain_text("Being looked at")
    expect(page.locator(".hub-timeline")).to_contain_text("The Ladywood office, last Monday")
    expect(page.get_by_label("Your reply")).to_have_count(0)

    page.get_by_text("Withdraw your referral").click()
    press(page, "Withdraw referral")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Your referral has been withdrawn"
    )
    expect(summary_row(page, "Status")).to_contain_text("Withdrawn")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.WITHDRAWN


# ---------------------------------------------------------------------------------------
# The Hub Team
# ---------------------------------------------------------------------------------------


def test_hub_team_refers_a_referral_to_a_service(page: Page, browser: Browser, live_server, lab):
    referral, token = make_referral(
        email=EMAIL, problem="The lift in our block has been broken for three weeks."
    )
    sign_in(page, live_server.url, HUB, "/lab/triage/")
    page.get_by_role("link", name=referral.reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(referral.reference)
    access_log = page.get_by_role("heading", name="Who saw personal data").locator(
        "xpath=following-sibling::ul[1]"
    )
    expect(access_log).to_have_text("Nobody yet")

    page.get_by_role("link", name="Show contact details").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Contact details for {referral.reference}"
    )
    expect(page.locator(".govuk-summary-list")).to_contain_text(EMAIL)
    page.get_by_role("link", name="Back").click()
    expect(access_log).to_contain_text(f"{HUB_NAME} – contact details")
    assert PersonalDataAccess.objects.filter(referral=referral, user=hub_user()).count() == 1

    page.get_by_label("Refer to a named council service").check()
    page.get_by_label("Service to refer to").select_option(label=REPAIRS)
    message = "The repairs team will fix the lift: contact them for updates."
    page.get_by_label("Message to the referrer").fill(message)
    page.get_by_role("button", name="Save and email the referrer").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "The decision is saved and the referrer has been emailed"
    )
    expect(page.locator(".hub-timeline")).to_contain_text(message)
    expect(page.get_by_role("heading", name="Decision")).to_have_count(0)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REFERRED
    assert referral.referred_to.name == REPAIRS
    update = [m for m in mail.outbox if EMAIL in m.to][-1]
    assert message in update.body

    resident = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        tracking = resident.new_page()
        tracking.goto(f"{live_server.url}/lab/track/{referral.reference}/?token={token}")
        expect(tracking.get_by_role("heading", level=1)).to_have_text(referral.reference)
        expect(summary_row(tracking, "Status")).to_contain_text("Referred to a service")
        referred = summary_row(tracking, "Referred to")
        expect(referred).to_contain_text(REPAIRS)
        expect(referred.get_by_role("link", name=REPAIRS_URL)).to_have_attribute(
            "href", REPAIRS_URL
        )
        expect(referred).to_contain_text(REPAIRS_PHONE)
        expect(tracking.locator(".hub-timeline")).to_contain_text(message)
        assert_fits_width(tracking, 320)
    finally:
        resident.close()


def test_hub_team_chooses_the_decision_first_and_sees_only_its_fields(page: Page, live_server, lab):
    referral, _ = make_referral(email=EMAIL, problem="Nobody answers about the broken lift.")
    sign_in(page, live_server.url, HUB, f"/lab/triage/{referral.reference}/")
    service = page.get_by_label("Service to refer to")
    challenge = page.get_by_label("Challenge to join")
    merge = page.get_by_label("Reference of the referral to merge into")
    expect(page.get_by_label("Message to the referrer")).to_be_visible()
    for field in (service, challenge, merge):
        expect(field).to_be_hidden()
    page.get_by_label("Refer to a named council service").check()
    expect(service).to_be_visible()
    expect(service.locator("option").first).to_have_text("Choose a service")
    expect(challenge).to_be_hidden()
    page.get_by_label("Accept into the Lab (start or join a challenge)").check()
    expect(challenge).to_be_visible()
    expect(service).to_be_hidden()
    page.get_by_label("Refer to a named council service").check()
    page.get_by_role("button", name="Save and email the referrer").click()
    expect(error_summary(page)).to_contain_text("Select the service the referral goes to")
    expect(service).to_be_visible()  # the chosen decision's block stays open
    expect(challenge).to_be_hidden()
    assert not (failures := check_page(page)), "\n".join(failures)


def test_without_javascript_hub_team_accepts_a_referral_into_the_lab(
    page_without_js: Page, live_server, lab
):
    page = page_without_js
    referral, _ = make_referral(email=EMAIL, problem="Families in B&Bs miss school every week.")
    sign_in(page, live_server.url, HUB, f"/lab/triage/{referral.reference}/")
    # the reveal is CSS: it works without JavaScript too
    service = page.get_by_label("Service to refer to")
    challenge = page.get_by_label("Challenge to join")
    expect(service).to_be_hidden()
    expect(challenge).to_be_hidden()
    page.get_by_label("Refer to a named council service").check()
    expect(service).to_be_visible()
    service.select_option(label=REPAIRS)  # then another decision is chosen: ignored
    page.get_by_label("Accept into the Lab (start or join a challenge)").check()
    page.get_by_label("Title of a new challenge (if starting one)").fill(
        "Keeping school in reach from temporary homes"
    )
    expect(service).to_be_hidden()
    expect(challenge).to_be_visible()
    press(page, "Save and email the referrer")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "The decision is saved"
    )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    assert referral.challenge is not None
    assert referral.challenge.title == "Keeping school in reach from temporary homes"
    assert referral.referred_to is None


def test_signed_in_resident_refers_without_typing_or_confirming_their_email(
    page: Page, live_server, lab
):
    """Issue 10, item 11: the account's verified email is used; the referral is in their
    notifications and under Your referrals, reached by links only."""
    resident_email = "resident@demo.example"
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(page, live_server.url, resident_email, "/lab/")
    page.get_by_role("button", name="Refer a problem").click()
    page.get_by_role("button", name="Start now").click()
    answer_who(page)
    answer_affected(page)
    answer_problem(page)
    answer_services(page)
    answer_tried(page)
    answer_priorities(page)
    page.get_by_role("button", name="Continue").click()  # no evidence
    expect(page.get_by_role("heading", level=1)).to_have_text("How can we contact you?")
    expect(page.get_by_label("Email address")).to_have_count(0)
    expect(page.locator(".govuk-inset-text")).to_contain_text(resident_email)
    assert not (failures := check_page(page)), "\n".join(failures)
    page.get_by_label("Your name (optional)").fill("Pat Resident")
    continue_(page)
    answer_consent(page)
    press(page, "Send referral")
    expect(page.locator(".govuk-panel")).to_contain_text("Referral sent")
    expect(page.get_by_text("Confirm your email address")).to_have_count(0)
    assert not (failures := check_page(page)), "\n".join(failures)
    referral = Referral.objects.get(email=resident_email, problem=PROBLEM)
    assert referral.status == ReferralStatus.NEW
    # other tests' referrals may have left confirmation emails in the outbox: none is hers
    assert not [
        m for m in mail.outbox if resident_email in m.to and "/lab/refer/confirm/" in m.body
    ]

    page.get_by_role("link", name="your referrals").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your referrals")
    assert not (failures := check_page(page)), "\n".join(failures)
    page.get_by_role("link", name=referral.reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(referral.reference)
    assert not (failures := check_page(page)), "\n".join(failures)
