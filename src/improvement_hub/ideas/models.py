"""The Ideas Forum: campaigns, ideas, supports, comments, answers, reviews and reports."""

from datetime import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.queryset import SearchableQuerySetMixin
from wagtail.search import index

from improvement_hub.core.models import TimeStampedModel
from improvement_hub.council.models import ChangeScale, Directorate, Priority, Service

TITLE_MAX = 120
TEXT_MAX = 2000
COMMENT_MAX = 2000
ANSWER_MAX = 3000
# The impact/effort matrix: high impact and low effort first, low impact and high effort last.
QUADRANTS = ("Quick win", "Major project", "Fill-in", "Not worth it")
# The Hub Team aims to answer every idea within this many days (the review queue flags the rest).
ANSWER_WITHIN_DAYS = 20


class Campaign(TimeStampedModel):
    """A question the Hub Team puts to staff, open for ideas between two dates."""

    title = models.CharField("question", max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True, max_length=4000)
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    priorities = models.ManyToManyField(Priority, blank=True, related_name="campaigns")

    class Meta:
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="ideas_campaign_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("ideas:campaign_detail", kwargs={"slug": self.slug})

    def is_open_at(self, moment: datetime) -> bool:
        return self.opens_at <= moment < self.closes_at

    @property
    def is_open(self) -> bool:
        return self.is_open_at(timezone.now())


class IdeaStatus(models.Model):
    """A step in an idea's life. Statuses are data: the Hub Team can add their own."""

    NEW = "new"
    UNDER_REVIEW = "under-review"
    SHORTLISTED = "shortlisted"
    TAKEN_FORWARD = "taken-forward"
    QUICK_WIN = "quick-win"
    NOT_TAKEN_FORWARD = "not-taken-forward"
    MERGED = "merged"

    class Colour(models.TextChoices):
        GREY = "grey", "Grey"
        BLUE = "blue", "Blue"
        LIGHT_BLUE = "light-blue", "Light blue"
        TURQUOISE = "turquoise", "Turquoise"
        GREEN = "green", "Green"
        YELLOW = "yellow", "Yellow"
        ORANGE = "orange", "Orange"
        RED = "red", "Red"
        PURPLE = "purple", "Purple"

    slug = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=60, unique=True)
    description = models.CharField(max_length=300, blank=True)
    colour = models.CharField(max_length=12, choices=Colour.choices, default=Colour.GREY)
    position = models.PositiveSmallIntegerField(default=0)
    is_open = models.BooleanField(
        default=True, help_text="Open ideas wait in the review queue for a decision."
    )
    requires_reason = models.BooleanField(
        default=False, help_text="The answer must explain the reason (e.g. not taken forward)."
    )
    is_selectable = models.BooleanField(
        default=True, help_text="Can be chosen when answering (Merged is set by merging)."
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "idea statuses"

    def __str__(self) -> str:
        return self.name


class IdeaQuerySet(SearchableQuerySetMixin, models.QuerySet["Idea"]):
    def public(self) -> "IdeaQuerySet":
        """Submitted, not hidden, not merged away: what everyone may see in lists."""
        return self.filter(
            submitted_at__isnull=False, hidden_at__isnull=True, merged_into__isnull=True
        )


class Idea(index.Indexed, TimeStampedModel):
    """A member of staff's idea to improve a service. Drafts have no ``submitted_at``."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="ideas"
    )
    title = models.CharField(max_length=TITLE_MAX)
    problem = models.TextField("the problem today", max_length=TEXT_MAX)
    proposal = models.TextField("the change you propose", max_length=TEXT_MAX)
    beneficiaries = models.TextField("who would benefit", max_length=TEXT_MAX, blank=True)
    priorities = models.ManyToManyField(Priority, blank=True, related_name="ideas")
    directorate = models.ForeignKey(
        Directorate, null=True, blank=True, on_delete=models.SET_NULL, related_name="ideas"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.SET_NULL, related_name="ideas"
    )
    scale = models.CharField(
        "expected scale of change", max_length=20, choices=ChangeScale.choices, blank=True
    )
    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="ideas"
    )
    name_hidden = models.BooleanField("show my name only to the Hub Team", default=False)
    status = models.ForeignKey(IdeaStatus, on_delete=models.PROTECT, related_name="ideas")
    submitted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_ideas",
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_ideas"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(max_length=500, blank=True)
    # Counters kept exact by the services that change supports and comments.
    support_count = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    trending_score = models.FloatField(default=0.0)
    impact = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    effort = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    objects = IdeaQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("problem"),
        index.SearchField("proposal"),
        index.SearchField("beneficiaries"),
        index.FilterField("submitted_at"),
        index.FilterField("hidden_at"),
        index.FilterField("status_id"),
        index.FilterField("campaign_id"),
        index.FilterField("directorate_id"),
        index.FilterField("scale"),
        index.FilterField("merged_into_id"),
        index.FilterField("id"),
        index.FilterField("service_id"),
        index.FilterField("support_count"),
        index.FilterField("comment_count"),
        index.FilterField("trending_score"),
    ]

    class Meta:
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["-support_count", "-id"], name="ideas_idea_supports_idx"),
            models.Index(fields=["-trending_score", "-id"], name="ideas_idea_trending_idx"),
            models.Index(fields=["-comment_count", "-id"], name="ideas_idea_comments_idx"),
            models.Index(fields=["status", "submitted_at"], name="ideas_idea_queue_idx"),
            models.Index(fields=["updated_at"], name="ideas_idea_updated_idx"),
            # The search backend joins its index entries on ``id::varchar(50) = object_id``;
            # without this the whole ideas table is read for every search.
            models.Index(
                Cast("id", output_field=models.CharField(max_length=50)),
                name="ideas_idea_id_text_idx",
            ),
            # Public ideas only (IdeaQuerySet.public): the lists' counts read this small
            # index instead of the table.
            models.Index(
                fields=["id"],
                condition=Q(
                    submitted_at__isnull=False, hidden_at__isnull=True, merged_into__isnull=True
                ),
                name="ideas_idea_public_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(impact__isnull=True) | Q(impact__gte=1, impact__lte=5),
                name="ideas_idea_impact_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(effort__isnull=True) | Q(effort__gte=1, effort__lte=5),
                name="ideas_idea_effort_1_to_5",
            ),
            models.CheckConstraint(
                condition=~Q(merged_into=models.F("id")), name="ideas_idea_not_merged_into_itself"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("ideas:idea_detail", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def slug(self) -> str:
        return slugify(self.title)[:60] or "idea"

    @property
    def is_draft(self) -> bool:
        return self.submitted_at is None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def text_for_similarity(self) -> str:
        return f"{self.title}\n{self.title}\n{self.problem}\n{self.proposal}"

    def is_by(self, user: object) -> bool:
        """Whether ``user`` (perhaps a visitor who is not signed in) wrote this idea."""
        return bool(getattr(user, "is_authenticated", False)) and self.author_id == getattr(
            user, "pk", None
        )

    @property
    def days_waiting(self) -> int:
        """Whole days since it was submitted (0 for a draft)."""
        return (timezone.now() - self.submitted_at).days if self.submitted_at else 0

    @property
    def is_waiting_too_long(self) -> bool:
        """Waiting longer than the Hub Team aims to take to answer an idea."""
        return self.days_waiting >= ANSWER_WITHIN_DAYS

    @property
    def quadrant(self) -> str | None:
        """Where the Hub Team's assessment puts the idea on the impact/effort matrix."""
        if self.impact is None or self.effort is None:
            return None
        high_impact, high_effort = self.impact >= 3, self.effort >= 3
        if high_impact:
            return QUADRANTS[1] if high_effort else QUADRANTS[0]
        return QUADRANTS[3] if high_effort else QUADRANTS[2]


class Support(models.Model):
    """One person backing one idea."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_supports"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["idea", "user"], name="ideas_support_once_per_person")
        ]
        indexes = [models.Index(fields=["idea", "created_at"], name="ideas_support_recent_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} supports {self.idea_id}"


class Follow(models.Model):
    """Someone who wants to hear what happens to an idea."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_follows"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["idea", "user"], name="ideas_follow_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.idea_id}"


class Comment(TimeStampedModel):
    """Plain-text discussion on an idea, with one level of replies."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="idea_comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    body = models.TextField(max_length=COMMENT_MAX)
    edited_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["idea", "created_at"], name="ideas_comment_thread_idx")]

    def __str__(self) -> str:
        return f"Comment {self.pk} on idea {self.idea_id}"

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class IdeaResponse(models.Model):
    """A step in an idea's history: a status and the public answer given with it."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="responses")
    status = models.ForeignKey(IdeaStatus, on_delete=models.PROTECT, related_name="+")
    answer = models.TextField("public answer", max_length=ANSWER_MAX)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.status} for idea {self.idea_id}"


class Review(models.Model):
    """The Hub Team's assessment of an idea's impact and effort (the latest one counts)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    impact = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    effort = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    notes = models.TextField(blank=True, max_length=TEXT_MAX)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(impact__gte=1, impact__lte=5, effort__gte=1, effort__lte=5),
                name="ideas_review_scores_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return f"Review of idea {self.idea_id}"


class Report(models.Model):
    """Someone flags an idea or a comment for the Hub Team to moderate."""

    idea = models.ForeignKey(
        Idea, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_reports"
    )
    reason = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(idea__isnull=False) & Q(comment__isnull=True))
                | (Q(idea__isnull=True) & Q(comment__isnull=False)),
                name="ideas_report_one_target",
            ),
            models.UniqueConstraint(
                fields=["reporter", "comment"],
                condition=Q(resolved_at__isnull=True, comment__isnull=False),
                name="ideas_report_comment_once_while_open",
            ),
            models.UniqueConstraint(
                fields=["reporter", "idea"],
                condition=Q(resolved_at__isnull=True, idea__isnull=False),
                name="ideas_report_idea_once_while_open",
            ),
        ]

    def __str__(self) -> str:
        return f"Report {self.pk}"
