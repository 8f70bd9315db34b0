"""The Change Academy: courses, pathways, sessions, bookings, learning records, skills
and learning visits. A session holds its venue's booking (spaces is a lower layer)."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from improvement_hub.core.models import TimeStampedModel

TITLE_MAX = 160
SHORT_MAX = 2000
TEXT_MAX = 6000


class Level(models.TextChoices):
    EXPLORER = "explorer", "Explorer"
    PRACTITIONER = "practitioner", "Practitioner"
    COACH = "coach", "Coach"
    SPONSOR = "sponsor", "Sponsor"


class Format(models.TextChoices):
    WORKSHOP = "workshop", "Workshop"
    ELEARNING = "elearning", "E-learning"
    COACHING = "coaching", "Coaching"
    ACTION_LEARNING = "action_learning", "Action learning set"
    LEARNING_VISIT = "learning_visit", "Learning visit"


class Audience(models.TextChoices):
    STAFF = "staff", "Staff"
    MANAGERS = "managers", "Managers"
    LEADERS = "leaders", "Leaders"
    PARTNERS = "partners", "Partners"


class Course(TimeStampedModel):
    """A course in the catalogue. Only published courses are seen outside the Hub Team."""

    title = models.CharField(max_length=TITLE_MAX)
    slug = models.SlugField(max_length=TITLE_MAX, unique=True)
    summary = models.TextField(max_length=SHORT_MAX)
    outcomes = models.TextField(
        "learning outcomes", max_length=SHORT_MAX, blank=True, help_text="One outcome a line."
    )
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.EXPLORER)
    format = models.CharField(max_length=20, choices=Format.choices, default=Format.WORKSHOP)
    duration = models.CharField(max_length=60, blank=True, help_text="For example “half a day”.")
    elearning_url = models.URLField("e-learning link", blank=True)
    for_staff = models.BooleanField("open to staff", default=True)
    for_managers = models.BooleanField("open to managers", default=True)
    for_leaders = models.BooleanField("open to leaders", default=False)
    for_partners = models.BooleanField("open to partners", default=False)
    methods = models.ManyToManyField(
        "lab.Method", blank=True, related_name="courses", verbose_name="methods taught"
    )
    priorities = models.ManyToManyField("council.Priority", blank=True, related_name="courses")
    prerequisites = models.ManyToManyField(
        "self", blank=True, symmetrical=False, related_name="leads_to"
    )
    needs_manager_approval = models.BooleanField(
        "needs manager approval",
        default=False,
        help_text="A booking waits for the person's line manager to approve it.",
    )
    is_published = models.BooleanField("published", default=False)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("academy:course_detail", kwargs={"slug": self.slug})

    @property
    def audiences(self) -> list[str]:
        pairs = [
            (self.for_staff, Audience.STAFF),
            (self.for_managers, Audience.MANAGERS),
            (self.for_leaders, Audience.LEADERS),
            (self.for_partners, Audience.PARTNERS),
        ]
        return [str(audience.label) for on, audience in pairs if on]

    @property
    def outcome_list(self) -> list[str]:
        return [line.strip() for line in self.outcomes.splitlines() if line.strip()]


class Pathway(models.Model):
    """Ordered steps (courses, a learning visit, practice) leading to a named capability."""

    title = models.CharField(max_length=TITLE_MAX)
    slug = models.SlugField(max_length=TITLE_MAX, unique=True)
    capability = models.CharField(max_length=TITLE_MAX, help_text="What someone can do after it.")
    summary = models.TextField(max_length=SHORT_MAX)
    is_published = models.BooleanField("published", default=False)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("academy:pathway_detail", kwargs={"slug": self.slug})


class PathwayStep(models.Model):
    class Kind(models.TextChoices):
        COURSE = "course", "Course"
        LEARNING_VISIT = "learning_visit", "Learning visit to another lab"
        PRACTICE = "practice", "Practice (lead a PDSA cycle)"

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COURSE)
    course = models.ForeignKey(
        Course, null=True, blank=True, on_delete=models.PROTECT, related_name="pathway_steps"
    )
    title = models.CharField(max_length=TITLE_MAX)
    description = models.TextField(max_length=SHORT_MAX, blank=True)

    class Meta:
        ordering = ["pathway", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["pathway", "position"], name="academy_step_position_unique"
            ),
            models.CheckConstraint(
                condition=~Q(kind="course") | Q(course__isnull=False),
                name="academy_step_course_needs_course",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Session(TimeStampedModel):
    """A dated run of a course. ``sequence`` is the calendar event's SEQUENCE: it goes up
    each time the session changes or is cancelled, so calendars update the same event."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    capacity = models.PositiveIntegerField()
    venue_booking = models.ForeignKey(
        "spaces.Booking",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="academy_sessions",
        help_text="The lab space booked for it, when the venue is one of the hub's spaces.",
    )
    address = models.CharField(max_length=300, blank=True)
    online_url = models.URLField("online link", blank=True)
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="sessions_trained"
    )
    partner_trainers = models.CharField(
        "partner trainers", max_length=200, blank=True, help_text="Trainers without an account."
    )
    booking_deadline = models.DateTimeField()
    cancellation_deadline = models.DateTimeField()
    is_cancelled = models.BooleanField("cancelled", default=False)
    sequence = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="academy_session_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="academy_session_capacity"),
            models.CheckConstraint(
                condition=Q(booking_deadline__lte=F("starts_at")),
                name="academy_session_booking_deadline",
            ),
            models.CheckConstraint(
                condition=Q(cancellation_deadline__lte=F("starts_at")),
                name="academy_session_cancellation_deadline",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course} on {self.starts_at:%d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("academy:session_detail", kwargs={"pk": self.pk})

    @property
    def location(self) -> str:
        if self.venue_booking_id is not None and self.venue_booking is not None:
            return str(self.venue_booking.space)
        return self.address or self.online_url or "To be confirmed"


class Enrolment(TimeStampedModel):
    """One person's place on a session: booked, waitlisted (in arrival order), waiting for
    their manager's approval or cancelled; then the register's mark."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for manager approval"
        BOOKED = "booked", "Booked"
        WAITLISTED = "waitlisted", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"

    class Attendance(models.TextChoices):
        UNMARKED = "", "Not marked"
        ATTENDED = "attended", "Attended"
        NO_SHOW = "no_show", "Did not attend"
        LATE_CANCELLATION = "late_cancellation", "Late cancellation"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="enrolments")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices)
    # Arrival order on the waiting list: a counter per session, taken under the session's lock.
    queue_number = models.PositiveIntegerField()
    attendance = models.CharField(max_length=20, choices=Attendance.choices, blank=True, default="")
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["session", "queue_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=~Q(status="cancelled"),
                name="academy_enrolment_one_live_per_person",
            ),
            models.UniqueConstraint(
                fields=["session", "queue_number"], name="academy_enrolment_queue_unique"
            ),
        ]
        indexes = [models.Index(fields=["person", "status"], name="academy_enrol_person_status")]

    def __str__(self) -> str:
        return f"{self.person} – {self.session}"

    @property
    def is_live(self) -> bool:
        return self.status != self.Status.CANCELLED

    @property
    def ical_uid(self) -> str:
        return f"academy-enrolment-{self.pk}@improvement-hub"


class Feedback(models.Model):
    """What an attendee thought of a session: a few questions and one free text."""

    SCORES = [(n, str(n)) for n in range(1, 6)]

    enrolment = models.OneToOneField(Enrolment, on_delete=models.CASCADE, related_name="feedback")
    useful = models.PositiveSmallIntegerField("how useful was it", choices=SCORES)
    trainer = models.PositiveSmallIntegerField("how good was the trainer", choices=SCORES)
    will_use = models.BooleanField("will use it at work", default=False)
    comments = models.TextField(max_length=SHORT_MAX, blank=True)
    given_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(useful__gte=1, useful__lte=5, trainer__gte=1, trainer__lte=5),
                name="academy_feedback_scores",
            )
        ]

    def __str__(self) -> str:
        return f"Feedback on {self.enrolment}"


class Certificate(models.Model):
    """Completion of a course: made when the register marks someone attended."""

    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="certificate"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="certificates")
    issued_on = models.DateField()

    class Meta:
        ordering = ["-issued_on", "-id"]

    def __str__(self) -> str:
        return f"{self.course} – {self.person}"


class StepEvidence(models.Model):
    """A practice step done: a link to the real PDSA cycle in the hub the person led."""

    step = models.ForeignKey(PathwayStep, on_delete=models.CASCADE, related_name="evidence")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="step_evidence"
    )
    link = models.CharField(max_length=300, help_text="A page of this hub, such as a PDSA cycle.")
    note = models.CharField(max_length=300, blank=True)
    done_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["step", "person"], name="academy_evidence_once")
        ]

    def __str__(self) -> str:
        return f"{self.step} – {self.person}"


class LearningVisit(models.Model):
    """A visit to another lab (the Lab's list of other labs): who went, what they learnt,
    what we will adopt."""

    peer_lab = models.ForeignKey("lab.PeerLab", on_delete=models.PROTECT, related_name="visits")
    visited_on = models.DateField()
    people = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="learning_visits")
    learnt = models.TextField("what we learnt", max_length=SHORT_MAX)
    adopt = models.TextField("what we will adopt", max_length=SHORT_MAX, blank=True)

    class Meta:
        ordering = ["-visited_on", "-id"]

    def __str__(self) -> str:
        return f"{self.peer_lab} on {self.visited_on:%d %b %Y}"


class Skill(models.Model):
    """An improvement capability in the skills framework."""

    LEVELS = [
        (0, "New to it"),
        (1, "Aware"),
        (2, "Working knowledge"),
        (3, "Practitioner"),
        (4, "Can coach others"),
    ]

    name = models.CharField(max_length=120, unique=True)
    description = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class SelfAssessment(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_assessments"
    )
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="assessments")
    level = models.PositiveSmallIntegerField(choices=Skill.LEVELS)
    assessed_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "skill"], name="academy_assessment_once"),
            models.CheckConstraint(condition=Q(level__lte=4), name="academy_assessment_level"),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.skill} at {self.level}"


def _feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's secret iCal feed of their sessions; revoking gives a new token."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="academy_calendar"
    )
    token = models.CharField(max_length=64, unique=True, default=_feed_token)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.person}"
