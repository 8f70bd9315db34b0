"""The newsletter in a real browser: subscribe, confirm and unsubscribe pages (and the Hub
Team's issue pages) are accessible (axe-core) and fit 320px; the whole opt-in and
unsubscribe journey works with JavaScript off."""

import re
import uuid

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from improvement_hub.accounts.demo import DEMO_PASSWORD
from improvement_hub.accounts.roles import Role
from improvement_hub.cms import newsletter_services as services
from improvement_hub.cms.newsletter_models import NewsletterIssue, NewsletterSubscriber
from tests.accounts.factories import UserFactory
from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.initiatives.factories import PublishedInitiativeFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def world(settings, live_server):  # type: ignore[no-untyped-def]
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    hub = UserFactory(
        role=Role.HUB_TEAM, email=f"hub-{uuid.uuid4().hex[:8]}@example.org", password=DEMO_PASSWORD
    )
    result = PublishedInitiativeFactory(title="Faster repairs", public_summary="Repairs in 5 days.")
    return {"hub": hub, "result": result, "url": live_server.url}


def _link(kind: str, to: str) -> str:
    message = [m for m in mail.outbox if m.to == [to]][-1]
    found = re.search(rf"https?://\S+/newsletter/{kind}/\S+/", message.body)
    assert found, message.body
    return found.group(0)


def _send_issue(hub) -> None:  # type: ignore[no-untyped-def]
    issue = services.issue_save(user=hub, subject="June news", introduction="What changed.")
    services.issue_send(user=hub, issue=issue)


def check(page: Page) -> None:
    assert_accessible(page)
    assert_fits_width(page)
    page.set_viewport_size({"width": 1024, "height": 800})


def test_subscribe_confirm_and_unsubscribe_pages_are_accessible_and_fit_320px(
    page: Page, world
) -> None:  # type: ignore[no-untyped-def]
    base, email = world["url"], f"ada-{uuid.uuid4().hex[:6]}@example.org"
    page.goto(f"{base}/newsletter/")
    check(page)
    page.get_by_role("button", name="Subscribe").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your email address")
    expect(page).to_have_title(re.compile("^Error: "))
    check(page)

    page.get_by_label("Email address").fill(email)
    page.get_by_label("Housing").check()
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    check(page)

    page.goto(_link("confirm", email))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your subscription")
    check(page)
    page.get_by_role("button", name="Confirm my subscription").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are subscribed")
    check(page)

    _send_issue(world["hub"])
    page.goto(_link("unsubscribe", email))
    expect(page.get_by_role("heading", level=1)).to_have_text("Unsubscribe from the newsletter")
    check(page)
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have unsubscribed")
    check(page)

    page.goto(f"{base}/newsletter/confirm/not-a-real-token/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "This link has expired or is not valid"
    )
    check(page)


def test_the_hub_teams_issue_pages_are_accessible_and_fit_320px(page: Page, world) -> None:  # type: ignore[no-untyped-def]
    base = world["url"]
    NewsletterSubscriber.objects.create(email="bo@example.org", confirmed_at=timezone.now())
    client = Client()
    client.force_login(world["hub"])
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base,
            }
        ]
    )
    page.goto(f"{base}/newsletter/issues/")
    check(page)
    page.get_by_role("button", name="Write a new issue").click()
    check(page)
    page.get_by_role("button", name="Save and preview").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter subject")
    check(page)
    page.get_by_label("Subject").fill("June news")
    page.get_by_label("Introduction").fill("What changed this month.")
    page.get_by_label("Result: Faster repairs").check()
    page.get_by_role("button", name="Save and preview").click()
    expect(page.locator(".govuk-inset-text")).to_contain_text("Faster repairs")
    check(page)
    page.get_by_role("button", name="Send to subscribers").click()
    expect(page.locator(".govuk-summary-list")).to_contain_text("1 of 1")
    check(page)
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.SENT


def test_subscribing_confirming_and_unsubscribing_work_without_javascript(
    page_without_js: Page, world
) -> None:  # type: ignore[no-untyped-def]
    page, base = page_without_js, world["url"]
    email = f"cy-{uuid.uuid4().hex[:6]}@example.org"
    page.goto(f"{base}/newsletter/")
    page.get_by_label("Email address").fill("not an email")
    page.get_by_role("button", name="Subscribe").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter an email address in the correct format"
    )
    expect(page.get_by_label("Email address")).to_have_value("not an email")
    page.get_by_label("Email address").fill(email)
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")

    page.goto(_link("confirm", email))
    page.get_by_role("button", name="Confirm my subscription").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are subscribed")
    assert NewsletterSubscriber.objects.get(email=email).is_confirmed

    _send_issue(world["hub"])
    assert any(m.to == [email] and m.subject == "June news" for m in mail.outbox)
    page.goto(_link("unsubscribe", email))
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have unsubscribed")
    assert not NewsletterSubscriber.objects.filter(email=email).exists()
