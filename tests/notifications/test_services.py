"""Telling people: rows in the app, emails straight away, daily digests, or nothing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from improvement_hub.notifications.emails import DIGEST_MAX_ITEMS, digest_send_daily
from improvement_hub.notifications.models import EmailFrequency, Notification
from improvement_hub.notifications.services import (
    notification_mark_all_read,
    notification_mark_read,
    notify,
    preference_set,
)
from improvement_hub.notifications.tasks import send_daily_digests, send_notification_email
from tests.accounts.factories import UserFactory
from tests.notifications.factories import NotificationFactory, NotificationPreferenceFactory

pytestmark = pytest.mark.django_db


def _user(frequency: str | None = None, **kwargs):  # type: ignore[no-untyped-def]
    user = UserFactory(**kwargs)
    if frequency:
        NotificationPreferenceFactory(user=user, email_frequency=frequency)
    return user


def _notify(recipients, capture, **kwargs):  # type: ignore[no-untyped-def]
    kwargs.setdefault("subject", "Your idea is under review")
    kwargs.setdefault("body", "The Hub Team will look at it this week.")
    kwargs.setdefault("url", "/ideas/7/")
    with capture(execute=True):
        return notify(recipients=recipients, **kwargs)


def test_notify_creates_a_row_each_and_emails_immediate_users_only_when_preferences_differ(
    django_capture_on_commit_callbacks, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://hub.example.gov.uk/"
    default = _user()  # no preference row: straight away
    immediate = _user(EmailFrequency.IMMEDIATE)
    daily = _user(EmailFrequency.DAILY)
    never = _user(EmailFrequency.NEVER)

    created = _notify([default, immediate, daily, never], django_capture_on_commit_callbacks)

    assert sorted(n.recipient_id for n in created) == sorted(
        u.pk for u in (default, immediate, daily, never)
    )
    assert Notification.objects.count() == 4
    assert sorted(m.to[0] for m in mail.outbox) == sorted([default.email, immediate.email])
    message = mail.outbox[0]
    assert message.subject == "Your idea is under review"
    assert "The Hub Team will look at it this week." in message.body
    assert "https://hub.example.gov.uk/ideas/7/" in message.body
    assert "https://hub.example.gov.uk/notifications/settings/" in message.body
    emailed = set(
        Notification.objects.filter(emailed_at__isnull=False).values_list("recipient_id", flat=True)
    )
    assert emailed == {default.pk, immediate.pk}


def test_notify_sends_nothing_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    user = _user()

    def notify_then_fail() -> None:
        with transaction.atomic():
            notify(recipients=[user], subject="S", body="B", url="/x/")
            raise RuntimeError("rolled back")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError, match="rolled back"):
            notify_then_fail()
    assert callbacks == []
    assert mail.outbox == []
    assert Notification.objects.count() == 0


def test_notify_skips_exclude_inactive_and_duplicates_when_given_them(
    django_capture_on_commit_callbacks,
):
    actor = _user()
    follower = _user()
    gone = _user(is_active=False)

    created = _notify(
        [actor, follower, follower, gone, follower],
        django_capture_on_commit_callbacks,
        exclude=actor,
    )

    assert [n.recipient_id for n in created] == [follower.pk]
    assert [m.to for m in mail.outbox] == [[follower.email]]


def test_notify_skips_a_user_when_deactivated_after_being_loaded(
    django_capture_on_commit_callbacks,
):
    user = _user()
    type(user).objects.filter(pk=user.pk).update(is_active=False)  # the instance is stale
    assert _notify([user], django_capture_on_commit_callbacks) == []
    assert mail.outbox == []


def test_notify_truncates_and_flattens_when_subject_and_body_are_too_long(
    django_capture_on_commit_callbacks,
):
    user = _user()
    [notification] = _notify(
        [user],
        django_capture_on_commit_callbacks,
        subject="Line one\r\nBcc: victim@example.org " + "x" * 400,
        body="y" * 6000,
    )
    notification.refresh_from_db()
    assert len(notification.subject) == 200
    assert "\n" not in notification.subject
    assert "\r" not in notification.subject
    assert notification.subject.endswith("…")
    assert len(notification.body) == 5000
    assert mail.outbox[0].subject == notification.subject
    assert mail.outbox[0].to == [user.email]


@pytest.mark.parametrize(
    "url",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "ideas/7/", "javascript:x"],
)
def test_notify_refuses_when_the_url_is_not_a_path_on_this_site(url):
    with pytest.raises(ValueError, match="path on this site"):
        notify(recipients=[_user()], subject="S", body="B", url=url)
    assert Notification.objects.count() == 0


def test_notify_allows_no_link_when_url_is_empty(django_capture_on_commit_callbacks):
    [notification] = _notify([_user()], django_capture_on_commit_callbacks, url="")
    assert notification.url == ""
    assert "See it on" not in mail.outbox[0].body


def test_database_refuses_a_row_when_url_is_off_site():
    with pytest.raises(IntegrityError), transaction.atomic():
        NotificationFactory(url="https://evil.example/")
    with pytest.raises(IntegrityError), transaction.atomic():
        NotificationFactory(url="//evil.example/")


def test_email_task_sends_nothing_when_already_emailed():
    notification = NotificationFactory(emailed_at=timezone.now())
    send_notification_email.enqueue(notification.pk)
    assert mail.outbox == []


@pytest.mark.parametrize("frequency", [EmailFrequency.DAILY, EmailFrequency.NEVER])
def test_email_task_sends_nothing_when_the_user_changed_their_mind_after_queueing(frequency):
    notification = NotificationFactory()
    NotificationPreferenceFactory(user=notification.recipient, email_frequency=frequency)
    send_notification_email.enqueue(notification.pk)
    assert mail.outbox == []
    notification.refresh_from_db()
    assert notification.emailed_at is None


def test_email_task_sends_once_when_run_twice():
    notification = NotificationFactory()
    send_notification_email.enqueue(notification.pk)
    send_notification_email.enqueue(notification.pk)
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_daily_users_get_one_digest_with_all_their_items_and_not_twice_when_run_again(
    django_capture_on_commit_callbacks, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://hub.example.gov.uk"
    daily = _user(EmailFrequency.DAILY)
    other_daily = _user(EmailFrequency.DAILY)
    never = _user(EmailFrequency.NEVER)
    _notify([daily, never], django_capture_on_commit_callbacks, subject="First", url="/ideas/1/")
    _notify([daily], django_capture_on_commit_callbacks, subject="Second", url="/ideas/2/")
    _notify([other_daily], django_capture_on_commit_callbacks, subject="Third")
    assert mail.outbox == []

    assert digest_send_daily() == 2

    assert sorted(m.to[0] for m in mail.outbox) == sorted([daily.email, other_daily.email])
    digest = next(m for m in mail.outbox if m.to == [daily.email])
    assert "2 updates" in digest.subject
    assert digest.body.index("First") < digest.body.index("Second")  # oldest first
    assert "https://hub.example.gov.uk/ideas/1/" in digest.body
    assert "https://hub.example.gov.uk/ideas/2/" in digest.body
    assert not Notification.objects.filter(recipient=daily, emailed_at__isnull=True).exists()
    assert Notification.objects.get(recipient=never).emailed_at is None

    assert digest_send_daily() == 0
    assert len(mail.outbox) == 2


def test_digest_counts_the_rest_when_there_are_more_items_than_it_lists():
    daily = _user(EmailFrequency.DAILY)
    NotificationFactory.create_batch(DIGEST_MAX_ITEMS + 3, recipient=daily)
    assert digest_send_daily() == 1
    assert "And 3 more" in mail.outbox[0].body
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_digest_leaves_out_items_when_created_after_now_or_over_a_week_ago():
    daily = _user(EmailFrequency.DAILY)
    now = timezone.now()
    old = NotificationFactory(recipient=daily, subject="Stale news")
    Notification.objects.filter(pk=old.pk).update(created_at=now - timedelta(days=8))
    NotificationFactory(recipient=daily, subject="Fresh news")

    assert digest_send_daily(now=now - timedelta(minutes=5)) == 0
    assert digest_send_daily(now=now + timedelta(minutes=5)) == 1
    assert "Fresh news" in mail.outbox[0].body
    assert "Stale news" not in mail.outbox[0].body


def test_digest_skips_users_when_inactive():
    daily = _user(EmailFrequency.DAILY)
    NotificationFactory(recipient=daily)
    type(daily).objects.filter(pk=daily.pk).update(is_active=False)
    assert digest_send_daily() == 0


def test_digest_task_and_command_send_the_digests_when_run():
    NotificationFactory(recipient=_user(EmailFrequency.DAILY))
    NotificationFactory(recipient=_user(EmailFrequency.DAILY))
    send_daily_digests.enqueue()
    assert len(mail.outbox) == 1 + 1
    NotificationFactory(recipient=_user(EmailFrequency.DAILY))

    from io import StringIO

    out = StringIO()
    call_command("send_digests", stdout=out)
    assert out.getvalue().strip() == "Sent 1 daily digest email."
    assert len(mail.outbox) == 3


def test_mark_read_sets_read_at_when_it_is_the_users_own():
    notification = NotificationFactory()
    notification_mark_read(user=notification.recipient, notification=notification)
    notification.refresh_from_db()
    assert notification.read_at is not None
    first = notification.read_at
    notification_mark_read(user=notification.recipient, notification=notification)
    notification.refresh_from_db()
    assert notification.read_at == first


def test_mark_read_refuses_when_it_is_someone_elses():
    notification = NotificationFactory()
    with pytest.raises(PermissionDenied):
        notification_mark_read(user=UserFactory(), notification=notification)
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_all_read_marks_only_the_users_unread_when_others_have_some():
    user = _user()
    NotificationFactory.create_batch(3, recipient=user)
    NotificationFactory(recipient=user, read_at=timezone.now())
    other = NotificationFactory()
    assert notification_mark_all_read(user=user) == 3
    assert not Notification.objects.filter(recipient=user, read_at__isnull=True).exists()
    other.refresh_from_db()
    assert other.read_at is None


def test_preference_set_saves_and_updates_when_the_choice_is_offered():
    user = _user()
    assert preference_set(user=user, email_frequency="daily").email_frequency == "daily"
    assert preference_set(user=user, email_frequency="never").email_frequency == "never"
    fresh = type(user).objects.get(pk=user.pk)
    assert fresh.notification_preference.email_frequency == "never"


def test_preference_set_refuses_when_the_choice_is_not_offered():
    with pytest.raises(ValidationError):
        preference_set(user=_user(), email_frequency="hourly")
