"""Every write of the newsletter: subscribing (double opt-in), confirming, unsubscribing,
retention of unconfirmed sign-ups, and the Hub Team's issues and their sending."""

import hashlib
from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from improvement_hub.accounts.permissions import is_hub_team
from improvement_hub.cms import newsletter_selectors as selectors
from improvement_hub.cms.newsletter_emails import (
    send_newsletter_batch,
    send_newsletter_confirmation,
)
from improvement_hub.cms.newsletter_models import (
    NewsletterDelivery,
    NewsletterIssue,
    NewsletterSubscriber,
)
from improvement_hub.core.ratelimit import rate_limit_consume

if TYPE_CHECKING:
    from improvement_hub.accounts.types import AnyUser

# A second sign-up for an address still waiting to confirm resends the email only after
# this long, so a double-clicked button or a reload sends one email.
RESEND_AFTER = timedelta(minutes=15)
# (per IP address an hour, per email address a day)
DEFAULT_RATE_LIMITS = (10, 5)


def can_manage_newsletter(user: "AnyUser | None") -> bool:
    """The Hub Team writes and sends the newsletter."""
    return is_hub_team(user)


def _email_hash(email: str) -> str:
    return hashlib.sha256(email.encode()).hexdigest()


def _limit(ip: str, email: str) -> None:
    per_ip, per_email = getattr(settings, "NEWSLETTER_RATE_LIMITS", DEFAULT_RATE_LIMITS)
    message = (
        "You have asked for the newsletter a lot of times in a short time. Try again in an hour."
    )
    rate_limit_consume(
        scope="newsletter:ip", key=ip or "unknown", limit=per_ip, period=3600, message=message
    )
    rate_limit_consume(
        scope="newsletter:email",
        key=_email_hash(email),
        limit=per_email,
        period=86400,
        message=message,
    )


def _confirmation_queue(subscriber_id: int) -> None:
    send_newsletter_confirmation.enqueue(subscriber_id=subscriber_id)


def subscriber_subscribe(
    *, email: str, priorities: Sequence[Any] = (), ip: str = ""
) -> NewsletterSubscriber:
    """Signs an address up and emails it a confirmation link; nothing else is sent until
    it is confirmed. The same answer whether or not the address is already subscribed (so
    nobody learns who is): a confirmed address changes nothing and gets no email; one still
    waiting gets its link again, at most once in ``RESEND_AFTER``. Refuses floods."""
    email = email.strip().lower()
    _limit(ip, email)
    now = timezone.now()
    subscriber = NewsletterSubscriber(email=email, created_at=now)
    subscriber.full_clean(validate_unique=False)  # a known address is not an error (below)
    try:
        with transaction.atomic():
            subscriber.save()
            subscriber.priorities.set(priorities)
    except IntegrityError:  # the address is known, or the same sign-up at the same moment
        existing = NewsletterSubscriber.objects.filter(email=email).first()
        if existing is None:
            raise
        subscriber = existing
        if subscriber.is_confirmed:
            return subscriber
        with transaction.atomic():
            subscriber.priorities.set(priorities)
            resend = NewsletterSubscriber.objects.filter(
                pk=subscriber.pk,
                confirmed_at__isnull=True,
                confirmation_sent_at__lt=now - RESEND_AFTER,
            ).update(confirmation_sent_at=now)
            if resend:
                transaction.on_commit(partial(_confirmation_queue, subscriber.pk))
        return subscriber
    with transaction.atomic():
        NewsletterSubscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=now)
        transaction.on_commit(partial(_confirmation_queue, subscriber.pk))
    return subscriber


def subscriber_confirm(*, subscriber: NewsletterSubscriber) -> NewsletterSubscriber:
    """Confirms the address: from now on the newsletter is sent to it. Twice is once."""
    NewsletterSubscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )
    subscriber.refresh_from_db()
    return subscriber


def subscriber_unsubscribe(*, subscriber: NewsletterSubscriber | None) -> None:
    """Deletes the subscriber and what they chose; their delivery records stay without
    them. Unsubscribing again (or an old link) changes nothing."""
    if subscriber is not None:
        NewsletterSubscriber.objects.filter(pk=subscriber.pk).delete()


def subscribers_erase_unconfirmed(*, now: datetime | None = None) -> int:
    """The retention rule: sign-ups not confirmed within the confirmation link's life are
    deleted. Returns how many. Safe to run at any time, and again."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=selectors.CONFIRM_MAX_AGE_DAYS)
    return (
        NewsletterSubscriber.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff)
        .delete()[1]
        .get(NewsletterSubscriber._meta.label, 0)
    )


# --- issues ---------------------------------------------------------------------------------------


def _require_hub_team(user: "AnyUser") -> None:
    if not can_manage_newsletter(user):
        raise PermissionDenied("Only the Hub Team can write and send the newsletter")


def issue_save(
    *,
    user: "AnyUser",
    subject: str,
    introduction: str,
    pages: Sequence[Any] = (),
    initiatives: Sequence[Any] = (),
    issue: NewsletterIssue | None = None,
) -> NewsletterIssue:
    """Creates a draft issue, or changes one; refuses an issue that is being or was sent."""
    _require_hub_team(user)
    with transaction.atomic():
        if issue is None:
            issue = NewsletterIssue(created_by=user)  # type: ignore[misc]  # a signed-in user here
            action = "wagtail.create"
        else:
            issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
            if not issue.is_draft:
                raise ValidationError(
                    {"__all__": ["This issue has been sent: it cannot be changed"]}
                )
            action = "wagtail.edit"
        issue.subject = " ".join(subject.split())  # one line: it becomes an email header
        issue.introduction = introduction.strip()
        issue.full_clean(exclude=["created_by", "sent_by", "pages", "initiatives"])
        issue.save()
        issue.pages.set(pages)
        issue.initiatives.set(initiatives)
        log(issue, action, user=user)
    return issue


def issue_send(*, user: "AnyUser", issue: NewsletterIssue) -> NewsletterIssue:
    """Starts sending an issue to every confirmed subscriber: freezes its content, makes one
    delivery record per recipient and queues the batches. Sending twice (a double click, two
    people at once) sends once."""
    _require_hub_team(user)
    items = [asdict(item) for item in selectors.issue_items(issue)]
    now = timezone.now()
    with transaction.atomic():
        started = NewsletterIssue.objects.filter(
            pk=issue.pk, status=NewsletterIssue.Status.DRAFT
        ).update(
            status=NewsletterIssue.Status.SENDING,
            items=items,
            sent_by=user,
            send_started_at=now,
            updated_at=now,
        )
        issue.refresh_from_db()
        if not started:
            return issue
        recipients = NewsletterSubscriber.objects.filter(confirmed_at__isnull=False).values_list(
            "pk", flat=True
        )
        NewsletterDelivery.objects.bulk_create(
            [NewsletterDelivery(issue=issue, subscriber_id=pk) for pk in recipients.iterator()],
            batch_size=1000,
            ignore_conflicts=True,
        )
        count = issue.deliveries.count()
        NewsletterIssue.objects.filter(pk=issue.pk).update(recipient_count=count)
        issue.recipient_count = count
        log(issue, "wagtail.publish", user=user)
        transaction.on_commit(partial(_batch_queue, issue.pk))
    return issue


def _batch_queue(issue_id: int) -> None:
    send_newsletter_batch.enqueue(issue_id=issue_id)
