"""The notifications pages: a person's own list, opening one, and email settings."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from improvement_hub.notifications.models import Notification, NotificationPreference
from tests.notifications.factories import NotificationFactory, NotificationPreferenceFactory

pytestmark = pytest.mark.django_db

LIST = "/notifications/"
SETTINGS = "/notifications/settings/"
MARK_ALL = "/notifications/mark-all-read/"


def test_urls_have_these_names_when_reversed():
    assert reverse("notifications:notification_list") == LIST
    assert reverse("notifications:preferences") == SETTINGS
    assert reverse("notifications:notification_mark_all_read") == MARK_ALL
    assert reverse("notifications:notification_open", args=[5]) == "/notifications/5/"


@pytest.mark.parametrize("path", [LIST, SETTINGS, "/notifications/1/"])
def test_page_redirects_to_sign_in_and_back_when_anonymous(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={path}"


def test_mark_all_redirects_to_sign_in_when_anonymous(client):
    response = client.post(MARK_ALL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_list_shows_own_notifications_newest_first_and_tags_unread_when_signed_in(
    person, person_client
):
    NotificationFactory(recipient=person, subject="Older and read", read_at=timezone.now())
    newer = NotificationFactory(recipient=person, subject="Newer and unread")
    NotificationFactory(subject="Someone else's news")

    response = person_client.get(LIST)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Someone else&#x27;s news" not in html
    assert "Someone else's news" not in html
    assert html.index("Newer and unread") < html.index("Older and read")
    assert html.count('class="govuk-tag govuk-!-margin-right-1">New</strong>') == 1
    assert f'href="/notifications/{newer.pk}/"' in html
    assert "You have 1 unread notification." in html
    assert "Mark all as read" in html


def test_list_shows_empty_state_when_there_are_no_notifications(person_client):
    html = person_client.get(LIST).content.decode()
    assert "You have no notifications yet." in html
    assert "Mark all as read" not in html


def test_list_paginates_twenty_a_page_when_there_are_more(person, person_client):
    NotificationFactory.create_batch(45, recipient=person)
    first = person_client.get(LIST).content.decode()
    assert first.count("/notifications/settings/") == 1
    assert len(re.findall(r'href="/notifications/\d+/"', first)) == 20
    assert 'class="govuk-pagination"' in first
    assert 'aria-current="page">1</a>' in first
    assert 'rel="next"' in first
    assert 'rel="prev"' not in first
    last = person_client.get(LIST + "?page=3")
    assert last.context["page"].number == 3
    assert len(last.context["page"].object_list) == 5
    assert "(page 3 of 3)" in last.content.decode()
    # A page past the end, or not a number, shows a page rather than an error.
    assert person_client.get(LIST + "?page=99").status_code == 200
    assert person_client.get(LIST + "?page=abc").status_code == 200


def test_list_escapes_hostile_subject_and_body_when_shown(person, person_client):
    NotificationFactory(
        recipient=person,
        subject="<script>alert('subject')</script>",
        body="<img src=x onerror=alert(1)><script>alert('body')</script>",
    )
    html = person_client.get(LIST).content.decode()
    assert "<script>alert(" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;subject&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_list_runs_a_constant_number_of_queries_whatever_the_number_of_notifications(
    person, person_client, django_assert_max_num_queries
):
    NotificationFactory.create_batch(3, recipient=person)
    person_client.get(LIST)  # warm per-process caches
    with CaptureQueriesContext(connection) as few:
        assert person_client.get(LIST).status_code == 200
    NotificationFactory.create_batch(27, recipient=person)
    with django_assert_max_num_queries(len(few)):
        assert person_client.get(LIST).status_code == 200


def test_mark_all_read_marks_every_unread_and_says_so_when_posted(person, person_client):
    NotificationFactory.create_batch(3, recipient=person)
    other = NotificationFactory()

    response = person_client.post(MARK_ALL, follow=True)

    assert response.redirect_chain == [(LIST, 302)]
    assert not Notification.objects.filter(recipient=person, read_at__isnull=True).exists()
    other.refresh_from_db()
    assert other.read_at is None
    html = response.content.decode()
    assert "3 notifications marked as read" in html
    assert "govuk-notification-banner--success" in html


def test_mark_all_read_is_refused_when_requested_with_get(person, person_client):
    NotificationFactory(recipient=person)
    assert person_client.get(MARK_ALL).status_code == 405
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_open_marks_read_and_redirects_to_its_page_when_it_is_yours(person, person_client):
    notification = NotificationFactory(recipient=person, url="/ideas/12/?tab=answers#answer")
    response = person_client.get(f"/notifications/{notification.pk}/")
    assert response.status_code == 302
    assert response["Location"] == "/ideas/12/?tab=answers#answer"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_open_gives_404_when_it_is_someone_elses_or_missing(person_client):
    someone_elses = NotificationFactory()
    assert person_client.get(f"/notifications/{someone_elses.pk}/").status_code == 404
    assert person_client.get(f"/notifications/{someone_elses.pk + 1000}/").status_code == 404
    someone_elses.refresh_from_db()
    assert someone_elses.read_at is None


@pytest.mark.parametrize("url", ["/\\evil.example/", "/\\/evil.example/", ""])
def test_open_goes_to_the_list_when_the_stored_url_is_not_a_path_here(person, person_client, url):
    # The database refuses "//host" and schemes; these slip past it but not the view.
    notification = NotificationFactory(recipient=person, url=url)
    response = person_client.get(f"/notifications/{notification.pk}/")
    assert response.status_code == 302
    assert response["Location"] == LIST
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_settings_shows_the_current_choice_when_opened(person, person_client):
    NotificationPreferenceFactory(user=person, email_frequency="daily")
    response = person_client.get(SETTINGS)
    html = response.content.decode()
    assert response.status_code == 200
    assert "How often do you want emails?" in html
    assert "Straight away" in html
    assert "Once a day, as a summary" in html
    assert "Never — I&#x27;ll only check in the app" in html or "Never — I'll only" in html
    assert response.context["form"]["email_frequency"].value() == "daily"
    assert "novalidate" in html


def test_settings_shows_straight_away_when_no_choice_was_made(person_client):
    response = person_client.get(SETTINGS)
    assert response.context["form"]["email_frequency"].value() == "immediate"


def test_settings_saves_and_shows_a_success_banner_when_valid(person, person_client):
    response = person_client.post(SETTINGS, {"email_frequency": "never"}, follow=True)
    assert response.redirect_chain == [(SETTINGS, 302)]
    assert NotificationPreference.objects.get(user=person).email_frequency == "never"
    html = response.content.decode()
    assert "govuk-notification-banner--success" in html
    assert "Your notification settings have been saved" in html


@pytest.mark.parametrize("data", [{}, {"email_frequency": "hourly"}, {"email_frequency": ""}])
def test_settings_shows_a_govuk_error_when_the_choice_is_missing_or_not_offered(
    person, person_client, data
):
    response = person_client.post(SETTINGS, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: Notification settings" in html
    assert "govuk-error-summary" in html
    assert 'href="#id_email_frequency_1">Select how often you want emails</a>' in html
    assert 'id="id_email_frequency_1"' in html
    assert "govuk-error-message" in html
    assert not NotificationPreference.objects.filter(user=person).exists()
