"""The newsletter: subscribers (double opt-in, no account), issues the Hub Team writes, and
one delivery record per recipient of each issue (so a re-run never emails anyone twice).

Registered by one import at the bottom of ``cms/models.py``.
"""

import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.models import Page


def _nonce() -> str:
    return secrets.token_urlsafe(16)


class NewsletterSubscriber(models.Model):
    """Someone who asked for the newsletter: only their email address and, if they chose
    any, the council priorities that interest them. Nothing is sent to them until they
    confirm; unconfirmed sign-ups are erased after a few days, and unsubscribing deletes
    the row."""

    email = models.EmailField(max_length=254, unique=True)  # stored in lower case
    priorities = models.ManyToManyField("council.Priority", blank=True, related_name="+")
    # Part of every link sent to this subscriber: a link made for an earlier subscription
    # of the same address (deleted on unsubscribe) matches no row.
    nonce = models.CharField(max_length=32, default=_nonce, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = "newsletter subscriber"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(email=models.functions.Lower("email")),
                name="cms_newsletter_subscriber_email_lower",
            )
        ]

    def __str__(self) -> str:
        return f"Subscriber {self.pk}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class NewsletterIssue(models.Model):
    """One issue of the newsletter: written and previewed as a draft, then sent once.

    What it links to is chosen from recent stories and news pages and published results;
    when it is sent, its content is frozen in ``items`` so every recipient gets the same."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"

    subject = models.CharField(max_length=150)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    introduction = models.TextField(max_length=3000)
    pages: models.ManyToManyField[Page, Any] = models.ManyToManyField(
        "wagtailcore.Page", blank=True, related_name="+"
    )
    initiatives = models.ManyToManyField("initiatives.Initiative", blank=True, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # What was sent: [{"kind", "title", "summary", "url", "priorities": [ids]}], frozen at send.
    items = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    send_started_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    recipient_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "newsletter issue"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class NewsletterDelivery(models.Model):
    """One recipient of one issue. Made for every confirmed subscriber when sending starts;
    a worker claims a row with a conditional update before sending, so however often the
    task runs, at the same time or again, each recipient gets the issue once. No address is
    kept here: the subscriber row has it, and unsubscribing leaves the record anonymous."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Not sent"
        SKIPPED = "skipped", "Unsubscribed before sending"

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        NewsletterSubscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "newsletter delivery"
        verbose_name_plural = "newsletter deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="cms_newsletter_delivery_once"
            )
        ]
        indexes = [models.Index(fields=["issue", "status"], name="cms_newsletter_delivery_idx")]

    def __str__(self) -> str:
        return f"Delivery {self.pk} of issue {self.issue_id}"
