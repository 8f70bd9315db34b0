"""The notifications pages in a real browser: accessible, usable at 320px, and without JS."""

import pytest
from playwright.sync_api import Page, expect

from improvement_hub.notifications.models import Notification, NotificationPreference
from tests.accounts.factories import PASSWORD, UserFactory
from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.notifications.factories import NotificationFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _sign_in(page: Page, base_url: str, email: str, next_path: str) -> None:
    page.goto(f"{base_url}{next_path}")  # signed out: sent to sign in, and back after
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base_url}{next_path}")


@pytest.fixture
def follower(db):  # type: ignore[no-untyped-def]
    user = UserFactory(email="follows@example.org")
    NotificationFactory(
        recipient=user,
        subject="Your idea “Longer library opening hours” is now under review",
        body="The Improvement Hub Team will look at it this week. " * 4,
        url="/notifications/settings/",
    )
    NotificationFactory.create_batch(22, recipient=user)
    return user


def test_list_is_accessible_fits_320px_and_opens_a_notification(page: Page, live_server, follower):
    _sign_in(page, live_server.url, follower.email, "/notifications/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    expect(page.get_by_role("navigation", name="Pagination")).to_be_visible()
    assert_accessible(page)
    assert_fits_width(page, 320)
    assert_accessible(page)

    page.get_by_role("navigation", name="Pagination").get_by_role("link", name="Page 2").click()
    page.get_by_role("link", name="Longer library opening hours").click()
    expect(page).to_have_url(live_server.url + "/notifications/settings/")
    assert Notification.objects.get(subject__contains="Longer library").read_at is not None


def test_settings_form_shows_errors_and_saves_accessibly(page: Page, live_server, follower):
    _sign_in(page, live_server.url, follower.email, "/notifications/settings/")
    assert_accessible(page)
    assert_fits_width(page, 320)
    page.set_viewport_size({"width": 1024, "height": 800})

    page.evaluate("document.querySelectorAll('input[type=radio]').forEach(r => r.checked = false)")
    page.get_by_role("button", name="Save settings").click()
    expect(page).to_have_title("Error: Notification settings – Improvement Hub")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="Select how often you want emails").click()
    expect(page.get_by_label("Straight away")).to_be_focused()
    assert_accessible(page)

    page.get_by_label("Once a day, as a summary").check()
    page.get_by_role("button", name="Save settings").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Your notification settings have been saved"
    )
    expect(page.get_by_label("Once a day, as a summary")).to_be_checked()
    assert NotificationPreference.objects.get(user=follower).email_frequency == "daily"
    assert_accessible(page)


def test_mark_all_as_read_and_settings_work_without_javascript(
    page_without_js: Page, live_server, follower
):
    page = page_without_js
    _sign_in(page, live_server.url, follower.email, "/notifications/")
    expect(page.get_by_text("You have 23 unread notifications.")).to_be_visible()
    page.get_by_role("button", name="Mark all as read").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "23 notifications marked as read"
    )
    expect(page.get_by_role("button", name="Mark all as read")).to_have_count(0)
    assert not Notification.objects.filter(recipient=follower, read_at__isnull=True).exists()

    page.get_by_role(
        "link", name="Choose what we tell you about and how often we email you"
    ).click()
    page.get_by_label("Never — I'll only check in the app").check()
    page.get_by_role("button", name="Save settings").click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    assert NotificationPreference.objects.get(user=follower).email_frequency == "never"


def test_empty_list_is_accessible_when_there_are_no_notifications(page: Page, live_server):
    user = UserFactory(email="quiet@example.org")
    _sign_in(page, live_server.url, user.email, "/notifications/")
    expect(page.get_by_text("You have no notifications yet.")).to_be_visible()
    assert_accessible(page)
    assert_fits_width(page, 320)


def test_switching_a_kind_off_works_without_javascript_and_the_list_filters_by_kind(
    page_without_js: Page, live_server, follower
):
    from improvement_hub.notifications.kinds import COMMENT_ON_YOURS
    from improvement_hub.notifications.models import KindSetting

    page = page_without_js
    NotificationFactory(recipient=follower, kind=COMMENT_ON_YOURS, subject="A comment for you")
    _sign_in(page, live_server.url, follower.email, "/notifications/")
    page.get_by_label("Kind").select_option(label="Someone comments on your idea")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("link", name="A comment for you")).to_be_visible()
    expect(page.get_by_text("Showing 1 notification that match")).to_be_visible()
    # axe-core cannot run with JavaScript off: the same pages are checked above with it on
    page.get_by_role(
        "link", name="Choose what we tell you about and how often we email you"
    ).click()
    email_me = page.get_by_role("group", name="Email me when")
    email_me.get_by_label("Someone comments on your idea").uncheck()
    page.get_by_role("button", name="Save settings").click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    expect(email_me.get_by_label("Someone comments on your idea")).not_to_be_checked()
    setting = KindSetting.objects.get(user=follower, kind=COMMENT_ON_YOURS)
    assert (setting.in_hub, setting.by_email) == (True, False)
