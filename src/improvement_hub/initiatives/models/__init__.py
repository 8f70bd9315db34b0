"""Initiatives along the spectrum of change, the redesign programmes they sit in, and
what an initiative learns and delivers: prototypes, PDSA cycles, pilots and measures.
Here: redesign programmes, goals, initiatives and their teams; the rest in this package's
modules (choices, limits, measures, parts), all importable from ``initiatives.models``."""

from typing import TypeAlias

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from improvement_hub.core.models import TimeStampedModel
from improvement_hub.council.models import (
    ChangeScale,
    Directorate,
    Organisation,
    Priority,
    Service,
)
from improvement_hub.ideas.models import Idea
from improvement_hub.initiatives.models.choices import (
    METHOD_STAGES,
    ImprovementMethod,
    Rag,
    Stage,
    Strand,
)
from improvement_hub.initiatives.models.follows import InitiativeFollow
from improvement_hub.initiatives.models.limits import (
    HIGH_RISK_SCORE,
    MONEY_LIMIT,
    SHORT_MAX,
    TEXT_MAX,
    TITLE_MAX,
    VALUE_LIMIT,
    validate_value,
    value_is_usable,
)
from improvement_hub.initiatives.models.measures import Measure, MeasureRebase, Observation
from improvement_hub.initiatives.models.parts import (
    Benefit,
    Milestone,
    PdsaCycle,
    Pilot,
    Prototype,
    Risk,
    StatusUpdate,
    TrainingNeed,
    TrainingRequirement,
)
from improvement_hub.lab.models import Challenge


class RedesignProgramme(TimeStampedModel):
    """A directorate's service redesign timescale. Initiatives and pilots are placed in it."""

    title = models.CharField(max_length=TITLE_MAX)
    slug = models.SlugField(max_length=TITLE_MAX, unique=True)
    directorate = models.ForeignKey(
        Directorate, on_delete=models.PROTECT, related_name="redesign_programmes"
    )
    description = models.TextField(max_length=TEXT_MAX, blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class RedesignPhase(models.Model):
    """A dated phase of a redesign programme. Pilots clash with phases that cannot take them."""

    programme = models.ForeignKey(
        RedesignProgramme, on_delete=models.CASCADE, related_name="phases"
    )
    name = models.CharField(max_length=120)
    starts_on = models.DateField()
    ends_on = models.DateField()
    accepts_pilots = models.BooleanField(
        default=True,
        help_text="Untick for phases such as a go-live or change freeze, when a pilot would clash.",
    )

    class Meta:
        ordering = ["programme", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="initiatives_phase_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme}: {self.name}"


class ProgrammeGoal(TimeStampedModel):
    """A goal for the number of pilots started by a date, e.g. ‘3 pilots before June 2017’."""

    title = models.CharField(max_length=TITLE_MAX)
    pilots_target = models.PositiveSmallIntegerField(
        validators=[
            MinValueValidator(1, message="Enter a number of pilots from 1 to 1,000"),
            MaxValueValidator(1000, message="Enter a number of pilots from 1 to 1,000"),
        ]
    )
    deadline = models.DateField(help_text="Pilots must start before this date.")

    class Meta:
        ordering = ["deadline"]

    def __str__(self) -> str:
        return self.title


class Initiative(TimeStampedModel):
    """A piece of change work, from a tweak to a transformation, run by a team."""

    title = models.CharField(max_length=TITLE_MAX)
    problem = models.TextField("problem statement", max_length=TEXT_MAX)
    scale = models.CharField(max_length=20, choices=ChangeScale.choices)
    strand = models.CharField(
        max_length=20, choices=Strand.choices, default=Strand.IMPROVEMENT_TEAM
    )
    method = models.CharField(
        max_length=30,
        choices=ImprovementMethod.choices,
        default=ImprovementMethod.MODEL_FOR_IMPROVEMENT,
    )
    stage = models.CharField(max_length=12, choices=Stage.choices, default=Stage.AIM)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    directorates = models.ManyToManyField(Directorate, blank=True, related_name="initiatives")
    services = models.ManyToManyField(Service, blank=True, related_name="initiatives")
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="initiatives", verbose_name="partner organisations"
    )
    priorities = models.ManyToManyField(Priority, blank=True, related_name="initiatives")
    source_ideas = models.ManyToManyField(Idea, blank=True, related_name="initiatives")
    source_challenges = models.ManyToManyField(Challenge, blank=True, related_name="initiatives")
    redesign_programme = models.ForeignKey(
        RedesignProgramme,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
    )
    is_published = models.BooleanField("published", default=False)
    public_summary = models.TextField(max_length=TEXT_MAX, blank=True)
    resident_outcome = models.TextField(
        "what changed for residents",
        max_length=TEXT_MAX,
        blank=True,
        help_text="In the team's words, for the public results page: what residents now "
        "notice, shown beside what the measures show.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [
            models.Index(fields=["stage", "-updated_at"], name="initiatives_stage_idx"),
            models.Index(fields=["is_published", "-updated_at"], name="initiatives_public_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_published=False) | ~Q(public_summary=""),
                name="initiatives_published_has_summary",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="initiatives_initiative_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatives:initiative_detail", kwargs={"pk": self.pk})

    @property
    def stages(self) -> list[str]:
        return [*METHOD_STAGES[self.method], Stage.CLOSED]


class TeamMember(models.Model):
    """Someone on an initiative's team. Members with an account may edit the initiative."""

    class Role(models.TextChoices):
        SPONSOR = "sponsor", "Sponsor"
        LEAD = "lead", "Lead"
        MEMBER = "member", "Team member"
        PARTNER = "partner", "Partner"
        SERVICE_USER = "service_user", "Service-user representative"

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="initiative_roles",
    )
    name = models.CharField(
        max_length=150, blank=True, help_text="For people without an account on the hub."
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["role", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "user"],
                condition=Q(user__isnull=False),
                name="initiatives_member_once_per_initiative",
                violation_error_message="This person is already on the team",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(name=""),
                name="initiatives_member_named",
                violation_error_message="Choose a person with an account or enter their name",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user) if self.user_id else self.name


# Everything an initiative is made of that its team adds, changes and removes.
InitiativePart: TypeAlias = (
    TeamMember
    | Milestone
    | Risk
    | Benefit
    | StatusUpdate
    | Prototype
    | PdsaCycle
    | Pilot
    | Measure
    | TrainingNeed
)


__all__ = [
    "HIGH_RISK_SCORE",
    "METHOD_STAGES",
    "MONEY_LIMIT",
    "SHORT_MAX",
    "TEXT_MAX",
    "TITLE_MAX",
    "VALUE_LIMIT",
    "Benefit",
    "Initiative",
    "InitiativeFollow",
    "InitiativePart",
    "Measure",
    "MeasureRebase",
    "ImprovementMethod",
    "Milestone",
    "Observation",
    "PdsaCycle",
    "Pilot",
    "ProgrammeGoal",
    "Prototype",
    "Rag",
    "RedesignPhase",
    "RedesignProgramme",
    "Risk",
    "Stage",
    "StatusUpdate",
    "Strand",
    "TeamMember",
    "TrainingNeed",
    "TrainingRequirement",
    "validate_value",
    "value_is_usable",
]
