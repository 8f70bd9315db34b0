"""Lab space and events: spaces, bookings (never overlapping), resource requests, the
move into council buildings, events and registrations.

Links from a booking or event to a challenge, pilot or Academy session are foreign keys in
those higher apps' models (DESIGN.md, layers), never here.
"""

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.postgres.fields import RangeOperators
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse

from improvement_hub.core.models import TimeStampedModel
from improvement_hub.core.validators import validate_no_control_characters
from improvement_hub.council.models import Organisation, Priority
from improvement_hub.spaces.constraints import PostgresExclusionConstraint, TsTzRange

LONDON = ZoneInfo("Europe/London")
CAPACITY_MAX = 1000
PURPOSE_MAX = 200
TEXT_MAX = 2000
# The latest a booking may be made for: far enough for any plan, near enough that a
# typo (year 9999) is caught.
BOOKING_HORIZON_YEARS = 3


class Provider(models.TextChoices):
    PARTNER = "partner", "The delivery partner"
    COUNCIL = "council", "The council"


class Space(TimeStampedModel):
    """A room the Lab and others can book: where it is, who provides it, when it can be
    used and the rules for booking it."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    building = models.CharField(max_length=120, blank=True)
    address = models.TextField(blank=True, max_length=500)
    provider = models.CharField(max_length=16, choices=Provider.choices)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="spaces"
    )
    capacity = models.PositiveIntegerField()
    layouts = models.CharField(
        max_length=300, blank=True, help_text="For example: boardroom, cabaret, workshop"
    )
    equipment = models.CharField(max_length=500, blank=True)
    description = models.TextField(blank=True, max_length=TEXT_MAX)
    # access features
    step_free = models.BooleanField(default=False)
    hearing_loop = models.BooleanField(default=False)
    accessible_toilet = models.BooleanField(default=False)
    quiet_room = models.BooleanField(default=False)
    # when it can be used (local times, Europe/London)
    available_from = models.DateField()
    available_until = models.DateField(null=True, blank=True)
    opens_at = models.TimeField(default=dt.time(8, 0))
    closes_at = models.TimeField(default=dt.time(18, 0))
    open_weekends = models.BooleanField(default=False)
    # booking rules
    min_notice_hours = models.PositiveIntegerField(default=0)
    max_length_minutes = models.PositiveIntegerField(default=8 * 60)
    buffer_minutes = models.PositiveIntegerField(default=0)
    bookable_by_staff = models.BooleanField(default=True)
    bookable_by_partner = models.BooleanField(default=True)
    community_by_request = models.BooleanField(
        default=False, help_text="Residents and community groups may ask; the Hub Team approves."
    )
    is_public = models.BooleanField(default=False, help_text="Shown to everyone, not only staff.")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1, capacity__lte=CAPACITY_MAX),
                name="space_capacity_range",
            ),
            models.CheckConstraint(
                condition=Q(available_until__isnull=True)
                | Q(available_until__gte=F("available_from")),
                name="space_available_until_after_from",
            ),
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="space_opens_before_closes"
            ),
            models.CheckConstraint(
                condition=Q(max_length_minutes__gte=15, buffer_minutes__lte=240),
                name="space_rules_sane",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("spaces:space_detail", kwargs={"slug": self.slug})

    @property
    def buffer(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.buffer_minutes)

    @property
    def access_features(self) -> list[str]:
        names = [
            (self.step_free, "Step-free access"),
            (self.hearing_loop, "Hearing loop"),
            (self.accessible_toilet, "Accessible toilet"),
            (self.quiet_room, "Quiet room"),
        ]
        return [name for present, name in names if present]

    def is_available_on(self, day: dt.date) -> bool:
        if day < self.available_from or (self.available_until and day > self.available_until):
            return False
        return self.open_weekends or day.weekday() < 5


class SpacePhoto(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        max_length=250, help_text="What the photo shows, for people who cannot see it"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(alt_text=""), name="space_photo_has_alt_text")
        ]

    def __str__(self) -> str:
        return self.alt_text


class Purpose(models.TextChoices):
    WORKSHOP = "workshop", "Workshop"
    MEETING = "meeting", "Meeting"
    TRAINING = "training", "Training"
    OPEN_SESSION = "open_session", "Open session"
    EVENT = "event", "Event"
    OTHER = "other", "Other"


class BookingStatus(models.TextChoices):
    PENDING = "pending", "Waiting for approval"
    CONFIRMED = "confirmed", "Confirmed"
    DECLINED = "declined", "Declined"
    CANCELLED = "cancelled", "Cancelled"


# The statuses that hold a slot: a request waiting for approval holds it too, so an
# approval can never clash.
HOLDING = (BookingStatus.PENDING, BookingStatus.CONFIRMED)


class BookingSeries(TimeStampedModel):
    """Bookings made together as a weekly or monthly series."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", "Every week"
        MONTHLY = "monthly", "Every month"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    frequency = models.CharField(max_length=16, choices=Frequency.choices)


class Booking(TimeStampedModel):
    """A space held for a time range. On PostgreSQL an exclusion constraint refuses two
    holding bookings of one space whose ranges (each with the space's buffer after it)
    overlap; on SQLite the service keeps the same rule in a serialised transaction."""

    space = models.ForeignKey(Space, on_delete=models.PROTECT, related_name="bookings")
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="space_bookings"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    # ends_at plus the space's buffer when booked: the range the constraint guards
    blocked_until = models.DateTimeField()
    purpose = models.CharField(max_length=PURPOSE_MAX, validators=[validate_no_control_characters])
    kind = models.CharField(max_length=16, choices=Purpose.choices, default=Purpose.MEETING)
    priority = models.ForeignKey(
        Priority, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    people = models.PositiveIntegerField(default=1)
    purpose_is_public = models.BooleanField(
        default=False, help_text="Anyone may see the purpose (otherwise only staff see it)."
    )
    status = models.CharField(
        max_length=16, choices=BookingStatus.choices, default=BookingStatus.CONFIRMED
    )
    approval_reason = models.CharField(
        max_length=200, blank=True, help_text="Why it needs approval"
    )
    decision_reason = models.TextField(blank=True, max_length=TEXT_MAX)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    series = models.ForeignKey(
        BookingSeries, null=True, blank=True, on_delete=models.SET_NULL, related_name="bookings"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # set when the reminder is queued, so a daily run reminds each booking once
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["space", "starts_at"]),
            models.Index(fields=["booked_by", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="booking_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(blocked_until__gte=F("ends_at")), name="booking_blocked_after_end"
            ),
            models.CheckConstraint(
                condition=Q(people__gte=1, people__lte=CAPACITY_MAX), name="booking_people_range"
            ),
            PostgresExclusionConstraint(
                name="booking_no_overlap",
                expressions=[
                    ("space", RangeOperators.EQUAL),
                    (TsTzRange("starts_at", "blocked_until"), RangeOperators.OVERLAPS),
                ],
                condition=Q(status__in=[s.value for s in HOLDING]),
                violation_error_message="That time clashes with another booking",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.space} {self.local_range}"

    @property
    def local_range(self) -> str:
        start, end = self.starts_at.astimezone(LONDON), self.ends_at.astimezone(LONDON)
        return f"{start:%a %-d %b %Y %H:%M} to {end:%H:%M}"

    @property
    def is_holding(self) -> bool:
        return self.status in HOLDING


class ResourceRequest(TimeStampedModel):
    """Something a booking needs that the Hub Team arranges."""

    class Kind(models.TextChoices):
        EQUIPMENT = "equipment", "Equipment"
        CATERING = "catering", "Catering"
        FACILITATOR = "facilitator", "A facilitator"
        ACCESS_SUPPORT = "access_support", "Access support"

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        DECLINED = "declined", "Declined"

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="resource_requests")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    details = models.CharField(max_length=500, validators=[validate_no_control_characters])
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REQUESTED)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]


class MovePlan(TimeStampedModel):
    """Moving the Lab from one space into another (the partner's to the council's)."""

    name = models.CharField(max_length=200)
    from_space = models.ForeignKey(Space, on_delete=models.PROTECT, related_name="+")
    to_space = models.ForeignKey(Space, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_space=F("to_space")), name="move_plan_two_spaces"
            )
        ]

    def __str__(self) -> str:
        return self.name


class MoveStep(models.Model):
    class Kind(models.TextChoices):
        ROOM = "room", "Room found"
        IT = "it", "IT"
        FURNITURE = "furniture", "Furniture"
        SIGNAGE = "signage", "Signage"
        EQUIPMENT = "equipment", "Equipment moved"
        FIRST_SESSION = "first_session", "First session held"
        OTHER = "other", "Other"

    plan = models.ForeignKey(MovePlan, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    title = models.CharField(max_length=200)
    due_on = models.DateField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    owner_name = models.CharField(
        max_length=120, blank=True, help_text="When the owner has no account"
    )
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def owner_label(self) -> str:
        if self.owner_id and self.owner:
            return self.owner.get_full_name() or "A member of the team"
        return self.owner_name or "No owner yet"


class Event(TimeStampedModel):
    """A Lab event with a public page and registration (with a waitlist)."""

    class Kind(models.TextChoices):
        OPEN_SESSION = "open_session", "Open session"
        CO_DESIGN = "co_design", "Co-design workshop"
        SHOW_AND_TELL = "show_and_tell", "Show and tell"
        LEARNING_VISIT = "learning_visit", "Learning visit"

    title = models.CharField(max_length=200, validators=[validate_no_control_characters])
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    summary = models.CharField(max_length=300)
    what_to_expect = models.TextField(max_length=TEXT_MAX, blank=True)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    booking = models.OneToOneField(
        Booking, null=True, blank=True, on_delete=models.SET_NULL, related_name="event"
    )
    space = models.ForeignKey(
        Space, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    online_url = models.URLField(blank=True)
    capacity = models.PositiveIntegerField()
    confirmed_count = models.PositiveIntegerField(default=0)
    is_published = models.BooleanField(default=True)
    is_cancelled = models.BooleanField(default=False)
    cancellation_reason = models.CharField(
        max_length=500, blank=True, validators=[validate_no_control_characters]
    )
    # iCalendar SEQUENCE: one more each time its time, place or title changes, or it is
    # cancelled, so calendar programs replace the copy they hold (same UID)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1, capacity__lte=CAPACITY_MAX),
                name="event_capacity_range",
            ),
            models.CheckConstraint(
                condition=Q(confirmed_count__lte=F("capacity")), name="event_not_overfull"
            ),
            models.CheckConstraint(
                condition=~Q(space__isnull=True, online_url=""), name="event_has_a_place"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("spaces:event_detail", kwargs={"slug": self.slug})

    @property
    def places_left(self) -> int:
        return max(0, self.capacity - self.confirmed_count)

    @property
    def is_online(self) -> bool:
        return self.space_id is None


class Registration(TimeStampedModel):
    """Someone coming to an event: a resident by email (confirmed by a link), or staff
    with their account. Counted once confirmed; past capacity they wait in order."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", "Waiting for email confirmation"
        CONFIRMED = "confirmed", "Place confirmed"
        WAITLISTED = "waitlisted", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    name = models.CharField(max_length=120)
    email = models.EmailField(max_length=254)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.UNCONFIRMED)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(null=True, blank=True)
    feedback_rating = models.PositiveSmallIntegerField(null=True, blank=True)
    feedback = models.TextField(blank=True, max_length=TEXT_MAX)
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "event",
                name="registration_one_per_email",
                condition=~Q(email="") & ~Q(status="cancelled"),
            ),
            models.CheckConstraint(
                condition=Q(feedback_rating__isnull=True)
                | Q(feedback_rating__gte=1, feedback_rating__lte=5),
                name="registration_rating_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} ({self.get_status_display()})"
