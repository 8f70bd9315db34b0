"""The Innovation Lab: community referrals, triage, public challenges, the lab plan,
method cards and the directory of other labs."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from improvement_hub.core.models import TimeStampedModel
from improvement_hub.council.models import Priority, Service
from improvement_hub.council.rules import is_cross_system
from improvement_hub.lab.message_templates import template_error

PROBLEM_MAX = 5000
TEXT_MAX = 2000


class PrivateStorage(FileSystemStorage):
    """Evidence files live outside the web root (``PRIVATE_MEDIA_ROOT``) and have no URL:
    only a permission-checked view serves them."""

    @property
    def base_location(self) -> str:
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:
        import os

        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("Evidence files have no public address")

    def deconstruct(self) -> tuple[str, tuple[()], dict[str, object]]:
        return ("improvement_hub.lab.models.PrivateStorage", (), {})


private_storage = PrivateStorage()


class RaisedAs(models.TextChoices):
    RESIDENT = "resident", "A resident"
    COMMUNITY_GROUP = "community_group", "A community or voluntary group"
    PARTNER = "partner", "A partner organisation"
    STAFF = "staff", "Council staff"


class AffectedCount(models.TextChoices):
    FEW = "few", "Fewer than 10 people"
    DOZENS = "dozens", "10 to 100 people"
    HUNDREDS = "hundreds", "100 to 1,000 people"
    THOUSANDS = "thousands", "More than 1,000 people"
    UNKNOWN = "unknown", "I do not know"


class Agency(models.TextChoices):
    NHS = "nhs", "NHS (GP, hospital, mental health)"
    POLICE = "police", "Police"
    DWP = "dwp", "DWP or Jobcentre"
    SCHOOLS = "schools", "Schools or colleges"
    HOUSING_ASSOCIATION = "housing_association", "A housing association"
    VOLUNTARY = "voluntary", "A charity or voluntary group"
    OTHER = "other", "Someone else"


class ReferralStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", "Waiting for email confirmation"
    NEW = "new", "Received"
    ACKNOWLEDGED = "acknowledged", "Being looked at"
    MORE_INFO = "more_info", "More information requested"
    ACCEPTED = "accepted", "Accepted into the Lab"
    REFERRED = "referred", "Referred to a service"
    MERGED = "merged", "Joined with a similar referral"
    DECLINED = "declined", "Not taken on"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Referrals never offered as similar (lab.similarity), nor shown as similar once they are.
UNSEARCHABLE_STATUSES = (ReferralStatus.UNCONFIRMED, ReferralStatus.WITHDRAWN)
OPEN_STATUSES = [ReferralStatus.NEW, ReferralStatus.ACKNOWLEDGED, ReferralStatus.MORE_INFO]
CLOSED_STATUSES = [
    ReferralStatus.ACCEPTED,
    ReferralStatus.REFERRED,
    ReferralStatus.MERGED,
    ReferralStatus.DECLINED,
    ReferralStatus.WITHDRAWN,
]


class Challenge(TimeStampedModel):
    """A public Lab challenge: an anonymised problem statement written by the Hub Team."""

    class Stage(models.TextChoices):
        DISCOVER = "discover", "Discover"
        DEFINE = "define", "Define"
        DEVELOP = "develop", "Develop"
        DELIVER = "deliver", "Deliver"
        CLOSED = "closed", "Closed"

    title = models.CharField(max_length=160)
    slug = models.SlugField(max_length=160, unique=True)
    statement = models.TextField(max_length=PROBLEM_MAX, help_text="No names or personal details.")
    how_to_get_involved = models.TextField(max_length=TEXT_MAX, blank=True)
    stage = models.CharField(max_length=10, choices=Stage.choices, default=Stage.DISCOVER)
    priorities = models.ManyToManyField(Priority, blank=True, related_name="challenges")
    services = models.ManyToManyField(Service, blank=True, related_name="challenges")
    is_published = models.BooleanField(default=True)
    # The Lab's events about this challenge (spaces is lower: the link lives here).
    events = models.ManyToManyField("spaces.Event", blank=True, related_name="challenges")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("lab:challenge_detail", kwargs={"slug": self.slug})


class Referral(TimeStampedModel):
    """A cross-system problem referred into the Lab by a resident, group or partner."""

    reference = models.CharField(max_length=20, unique=True, null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.UNCONFIRMED
    )
    raised_as = models.CharField(max_length=20, choices=RaisedAs.choices)
    organisation_name = models.CharField(max_length=200, blank=True)
    affected_who = models.TextField(max_length=TEXT_MAX, blank=True)
    affected_count = models.CharField(max_length=10, choices=AffectedCount.choices, blank=True)
    problem = models.TextField(max_length=PROBLEM_MAX)
    services = models.ManyToManyField(Service, blank=True, related_name="referrals")
    agencies = models.JSONField(default=list, blank=True)
    agencies_other = models.CharField(max_length=200, blank=True)
    tried = models.TextField("what has been tried", max_length=TEXT_MAX, blank=True)
    priorities = models.ManyToManyField(Priority, blank=True, related_name="referrals")
    # Personal data: read only through lab selectors, which log each access.
    contact_name = models.CharField(max_length=120, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    consent_at = models.DateTimeField(null=True, blank=True)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    tracking_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    # With the SECRET_KEY this remakes the tracking token when the email task runs, so
    # that the token itself is never stored, not even in a queued task.
    tracking_nonce = models.CharField(max_length=64, blank=True)
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)
    # A signed-in resident's own referral: sent with their account's verified email (no
    # confirmation needed) and listed under "My referrals". Empty for referrals sent
    # without an account.
    referrer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lab_referrals",
    )
    # Triage
    received_at = models.DateTimeField(null=True, blank=True, db_index=True)
    acknowledge_by = models.DateField(null=True, blank=True)
    decide_by = models.DateField(null=True, blank=True, db_index=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    challenge = models.ForeignKey(
        Challenge, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    referred_to = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals_received"
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_referrals"
    )

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["status", "decide_by"], name="lab_referral_inbox_idx"),
            # The triage inbox's order has two more, PostgreSQL-only indexes (SQLite
            # cannot index NULLS FIRST): see migrations/0003_triage_inbox_indexes.py.
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(merged_into=models.F("id")), name="lab_referral_not_merged_into_itself"
            ),
        ]

    def __str__(self) -> str:
        return self.reference or f"Unconfirmed referral {self.pk}"

    @property
    def agency_labels(self) -> list[str]:
        labels = dict(Agency.choices)
        return [labels.get(a, a) for a in self.agencies]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    @property
    def awaits_reply(self) -> bool:
        """The Hub Team asked the referrer for more information and waits for a reply."""
        return self.status == ReferralStatus.MORE_INFO

    @property
    def is_cross_system(self) -> bool:
        """Whether the problem crosses parts of the system (``council.rules``): from the
        services the referral names, their directorates and the outside agencies. Reads
        ``services`` through ``.all()``, so prefetch them when listing referrals."""
        services = list(self.services.all())
        return is_cross_system(
            service_ids=[service.pk for service in services],
            directorate_ids=[service.directorate_id for service in services],
            agencies=self.agencies,
        )


class ReferralAside(models.Model):
    """What the Hub Team's referral page shows beside a referral, computed once and stored:
    the services and priorities suggested from past decisions, and the most similar
    referrals and staff ideas (ids only: their names, text, status and visibility are read
    when the page is shown). Computed by the task worker when the referral is confirmed
    (and for the open referrals most like it), and by the page when it is missing, older
    than the referral's last change or a day old (``lab.services.referral_aside_refresh``).
    Holds no personal data."""

    referral = models.OneToOneField(
        Referral, primary_key=True, on_delete=models.CASCADE, related_name="aside"
    )
    computed_at = models.DateTimeField()
    data = models.JSONField()

    def __str__(self) -> str:
        return f"Suggestions for referral {self.referral_id}"


class ReferralDraft(models.Model):
    """Answers to the referral questions so far, kept against a cookie so nothing typed is
    lost by the back button, an error or a browser restart. A draft that holds contact
    details lasts only a short while without use (see ``services.draft_is_expired``)."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    answers = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    def __str__(self) -> str:
        return f"Draft {self.pk}"


class Evidence(models.Model):
    """A file a referrer sent with their referral. Type checked by content."""

    referral = models.ForeignKey(
        Referral, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    draft = models.ForeignKey(
        ReferralDraft, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(storage=private_storage, upload_to="evidence/%Y/%m/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.original_name


class ReferralEvent(models.Model):
    """A step in a referral's history: a decision, a message to the referrer, a note."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        CONFIRMED = "confirmed", "Email confirmed"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        ACCEPTED = "accepted", "Accepted into the Lab"
        REFERRED = "referred", "Referred to a service"
        MERGED = "merged", "Merged"
        MORE_INFO = "more_info", "More information requested"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn by the referrer"
        REPLY = "reply", "Reply from the referrer"
        NOTE = "note", "Internal note"
        ERASED = "erased", "Contact details erased"

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    message = models.TextField("message to the referrer", max_length=5000, blank=True)
    note = models.TextField("internal note", max_length=TEXT_MAX, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.referral_id}"


class MessageTemplate(models.Model):
    """An editable plain-English message for each kind of triage decision."""

    kind = models.CharField(max_length=12, choices=ReferralEvent.Kind.choices, unique=True)
    subject = models.CharField(max_length=200)
    body = models.TextField(
        max_length=5000,
        help_text="You can use {reference}, {service}, {service_contact}, {challenge} "
        "and {reason}.",
    )

    def __str__(self) -> str:
        return self.get_kind_display()

    def clean(self) -> None:
        # A typo here would otherwise reach every decision of this kind.
        errors = {
            name: error
            for name in ("subject", "body")
            if (error := template_error(getattr(self, name), what=name))
        }
        if errors:
            raise ValidationError(errors)


class PersonalDataAccess(models.Model):
    """Who opened a referrer's personal data, when, and what they saw."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    what = models.CharField(max_length=200)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.user_id} saw {self.what} of {self.referral_id}"


class LabPlan(models.Model):
    """The Innovation Lab plan: one row, edited by the Hub Team."""

    vision = models.TextField(max_length=4000)
    principles = models.TextField(max_length=4000, help_text="One principle a line.")
    resourcing = models.TextField(max_length=4000)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return "The Innovation Lab plan"

    @property
    def principle_list(self) -> list[str]:
        return [line.strip() for line in self.principles.splitlines() if line.strip()]


class SustainabilityIndicator(models.Model):
    """A measure of whether the Lab is on the way to sustaining itself."""

    class Direction(models.TextChoices):
        UP = "up", "Higher is better"
        DOWN = "down", "Lower is better"

    name = models.CharField(max_length=120, unique=True)
    practice = models.CharField(max_length=300, help_text="The sustainability practice it tracks.")
    unit = models.CharField(max_length=30, blank=True, help_text="For example %, hours, £")
    target = models.DecimalField(max_digits=12, decimal_places=2)
    direction = models.CharField(max_length=4, choices=Direction.choices, default=Direction.UP)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class IndicatorReading(models.Model):
    indicator = models.ForeignKey(
        SustainabilityIndicator, on_delete=models.CASCADE, related_name="readings"
    )
    date = models.DateField()
    value = models.DecimalField(max_digits=12, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["indicator", "-date"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "date"], name="lab_reading_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} on {self.date}"


class Method(models.Model):
    """A service-design method card, by double-diamond stage."""

    class Stage(models.TextChoices):
        DISCOVER = "discover", "Discover"
        DEFINE = "define", "Define"
        DEVELOP = "develop", "Develop"
        DELIVER = "deliver", "Deliver"

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    stage = models.CharField(max_length=10, choices=Stage.choices)
    summary = models.CharField(max_length=300)
    how = models.TextField("how to do it", max_length=4000)
    time_needed = models.CharField(max_length=80, blank=True)
    people = models.CharField("who takes part", max_length=200, blank=True)

    class Meta:
        ordering = ["stage", "name"]

    def __str__(self) -> str:
        return self.name


class PeerLab(models.Model):
    """Another innovation lab, in the UK or abroad, that the team learns from."""

    name = models.CharField(max_length=160)
    city = models.CharField(max_length=80, blank=True)
    country = models.CharField(max_length=80)
    website = models.URLField(blank=True)
    summary = models.TextField(max_length=2000)
    learning = models.TextField("what we learned", max_length=2000, blank=True)
    visited_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["country", "name"]

    def __str__(self) -> str:
        return self.name


# The status a referral takes with each kind of triage decision.
DECISIONS: dict[str, ReferralStatus] = {
    ReferralEvent.Kind.ACKNOWLEDGED: ReferralStatus.ACKNOWLEDGED,
    ReferralEvent.Kind.MORE_INFO: ReferralStatus.MORE_INFO,
    ReferralEvent.Kind.ACCEPTED: ReferralStatus.ACCEPTED,
    ReferralEvent.Kind.REFERRED: ReferralStatus.REFERRED,
    ReferralEvent.Kind.MERGED: ReferralStatus.MERGED,
    ReferralEvent.Kind.DECLINED: ReferralStatus.DECLINED,
}
