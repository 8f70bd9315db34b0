"""The newsletter's emails, sent by the task worker. Task rows hold ids only: addresses and
links are read when the task runs, so no queued or finished row holds personal data.

Each issue goes out in batches: a batch claims up to ``BATCH_SIZE`` queued deliveries (one
conditional update each, so two workers, or a re-run, never send one twice), sends them, and
queues the next batch until none is left. Nothing here imports the services, so the
services can queue these tasks without an import cycle (as lab/emails.py does).
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from improvement_hub.cms import newsletter_selectors as selectors
from improvement_hub.cms.newsletter_models import (
    NewsletterDelivery,
    NewsletterIssue,
    NewsletterSubscriber,
)

logger = logging.getLogger(__name__)
BATCH_SIZE = 50


def site_url(path: str) -> str:
    return str(settings.WAGTAILADMIN_BASE_URL).rstrip("/") + path


def unsubscribe_url(subscriber: NewsletterSubscriber) -> str:
    token = selectors.token_make(subscriber, salt=selectors.UNSUBSCRIBE_SALT)
    return site_url(reverse("newsletter:unsubscribe", kwargs={"token": token}))


def list_headers(subscriber: NewsletterSubscriber) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail clients show an "Unsubscribe" button that POSTs to the
    link without opening it (the link's signed token is the only authority needed)."""
    host = str(settings.WAGTAILADMIN_BASE_URL).split("://")[-1].split("/")[0].split(":")[0]
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"Newsletter <newsletter.{host or 'localhost'}>",
    }


def confirmation_email_send(*, subscriber_id: int) -> bool:
    """The email with the confirmation link; nothing if the sign-up is gone or confirmed."""
    subscriber = NewsletterSubscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.is_confirmed:
        return False
    token = selectors.token_make(subscriber, salt=selectors.CONFIRM_SALT)
    context = {
        "confirm_url": site_url(reverse("newsletter:confirm", kwargs={"token": token})),
        "days": selectors.CONFIRM_MAX_AGE_DAYS,
    }
    message = EmailMultiAlternatives(
        subject="Confirm that you want the Improvement Hub newsletter",
        body=render_to_string("cms/newsletter/emails/confirm.txt", context),
        to=[subscriber.email],
    )
    return bool(message.send())


def issue_email(issue: NewsletterIssue, subscriber: NewsletterSubscriber) -> EmailMultiAlternatives:
    """The issue as this subscriber gets it: text and HTML, their own unsubscribe link and
    the list headers, the items about their chosen priorities first."""
    chosen = {p.pk for p in subscriber.priorities.all()}
    items = selectors.items_for_subscriber(selectors.issue_items(issue), chosen)
    context = {
        "issue": issue,
        "items": [
            {**item.__dict__, "url": site_url(item.url) if item.url.startswith("/") else item.url}
            for item in items
        ],
        "unsubscribe_url": unsubscribe_url(subscriber),
        "subscribe_url": site_url(reverse("newsletter:subscribe")),
    }
    message = EmailMultiAlternatives(
        subject=issue.subject,
        body=render_to_string("cms/newsletter/emails/issue.txt", context),
        to=[subscriber.email],
        headers=list_headers(subscriber),
    )
    message.attach_alternative(
        render_to_string("cms/newsletter/emails/issue.html", context), "text/html"
    )
    return message


def delivery_claim(*, delivery_id: int) -> bool:
    """Takes one queued delivery for this worker: only one worker, once, ever gets True."""
    return bool(
        NewsletterDelivery.objects.filter(
            pk=delivery_id, status=NewsletterDelivery.Status.QUEUED
        ).update(status=NewsletterDelivery.Status.SENDING, claimed_at=timezone.now())
    )


def delivery_done(*, delivery_id: int, status: str) -> None:
    NewsletterDelivery.objects.filter(pk=delivery_id).update(
        status=status, sent_at=timezone.now() if status == NewsletterDelivery.Status.SENT else None
    )


def issue_finish_if_done(*, issue_id: int) -> bool:
    """Marks the issue sent once no delivery waits; True when it is (or already was)."""
    waiting = NewsletterDelivery.objects.filter(
        issue_id=issue_id, status=NewsletterDelivery.Status.QUEUED
    ).exists()
    if waiting:
        return False
    NewsletterIssue.objects.filter(pk=issue_id, status=NewsletterIssue.Status.SENDING).update(
        status=NewsletterIssue.Status.SENT, sent_at=timezone.now()
    )
    return True


def issue_batch_send(*, issue_id: int, size: int = BATCH_SIZE) -> int:
    """Sends up to ``size`` of the issue's queued deliveries; returns how many it claimed."""
    issue = NewsletterIssue.objects.filter(pk=issue_id).first()
    if issue is None or issue.status == NewsletterIssue.Status.DRAFT:
        return 0
    waiting = list(
        NewsletterDelivery.objects.filter(issue=issue, status=NewsletterDelivery.Status.QUEUED)
        .order_by("pk")
        .values_list("pk", "subscriber_id")[:size]
    )
    subscribers = {
        s.pk: s
        for s in NewsletterSubscriber.objects.filter(
            pk__in=[sid for _pk, sid in waiting if sid is not None], confirmed_at__isnull=False
        ).prefetch_related("priorities")
    }
    claimed = 0
    for delivery_id, subscriber_id in waiting:
        if not delivery_claim(delivery_id=delivery_id):
            continue  # another worker has it
        claimed += 1
        subscriber = subscribers.get(subscriber_id) if subscriber_id else None
        if subscriber is None:  # unsubscribed since sending started
            delivery_done(delivery_id=delivery_id, status=NewsletterDelivery.Status.SKIPPED)
            continue
        try:
            issue_email(issue, subscriber).send()
        except Exception:  # one refused address must not stop the others
            logger.exception("Newsletter delivery %s was not sent", delivery_id)
            delivery_done(delivery_id=delivery_id, status=NewsletterDelivery.Status.FAILED)
        else:
            delivery_done(delivery_id=delivery_id, status=NewsletterDelivery.Status.SENT)
    return claimed


@task()
def send_newsletter_confirmation(subscriber_id: int) -> bool:
    """Emails a new subscriber their confirmation link (ids only in the task row)."""
    return confirmation_email_send(subscriber_id=subscriber_id)


@task()
def send_newsletter_batch(issue_id: int) -> int:
    """Sends one batch of an issue and queues the next; marks the issue sent at the end.
    Running it again, or twice at once, sends nobody a second copy."""
    sent = issue_batch_send(issue_id=issue_id)
    if not issue_finish_if_done(issue_id=issue_id) and sent:
        send_newsletter_batch.enqueue(issue_id=issue_id)
    return sent
