"""Messages to a person about something they follow, shown in the app and sent by email."""

from django.conf import settings
from django.db import models

from improvement_hub.notifications.kinds import FOLLOWED_CHANGE, KIND_MAX_LENGTH

SUBJECT_MAX_LENGTH = 200
BODY_MAX_LENGTH = 5000
URL_MAX_LENGTH = 500


class Notification(models.Model):
    """One message to one person. ``url`` is a path on this site, never another site."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    subject = models.CharField(max_length=SUBJECT_MAX_LENGTH)
    body = models.TextField(max_length=BODY_MAX_LENGTH, blank=True)
    url = models.CharField(
        max_length=URL_MAX_LENGTH, blank=True, help_text="A path on this site, like /ideas/12/."
    )
    kind = models.CharField(
        max_length=KIND_MAX_LENGTH,
        default=FOLLOWED_CHANGE,
        help_text="Its kind (notifications.kinds), which the person switches on or off.",
    )
    # What the recipient wanted for this kind when it was made: shown in the hub, emailed.
    in_hub = models.BooleanField(default=True)
    by_email = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was emailed, alone or in a daily digest."
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["recipient", "read_at", "-created_at"], name="notif_recipient_read_created"
            ),
            models.Index(
                fields=["recipient", "kind", "read_at"],
                name="notif_recipient_kind_read",
                condition=models.Q(in_hub=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                # "//host/..." starts with "/" but is another site, so it is refused too.
                condition=models.Q(url="")
                | (models.Q(url__startswith="/") & ~models.Q(url__startswith="//")),
                name="notifications_notification_url_site_relative",
            ),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class EmailFrequency(models.TextChoices):
    IMMEDIATE = "immediate", "Straight away"
    DAILY = "daily", "Once a day, as a summary"
    NEVER = "never", "Never — I'll only check in the app"


class NotificationPreference(models.Model):
    """How often a person wants notifications by email. No row means straight away."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email_frequency = models.CharField(
        max_length=16, choices=EmailFrequency.choices, default=EmailFrequency.IMMEDIATE
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(email_frequency__in=EmailFrequency.values),
                name="notifications_preference_email_frequency_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_email_frequency_display()}"


class KindSetting(models.Model):
    """A person's choice for one kind of notification: in the hub, by email, both or
    neither. No row means both (the default for every kind)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_kinds"
    )
    kind = models.CharField(max_length=KIND_MAX_LENGTH)
    in_hub = models.BooleanField(default=True)
    by_email = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notifications_kind_once"),
            models.CheckConstraint(
                condition=~models.Q(kind=""), name="notifications_kind_setting_kind_given"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.kind}"
