"""Initiatives along the spectrum of change, the redesign programmes they sit in, and
what an initiative learns and delivers: prototypes, PDSA cycles, pilots and measures."""

import math
from decimal import Decimal
from typing import TypeAlias

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from improvement_hub.core.models import TimeStampedModel
from improvement_hub.council.models import (
    ChangeScale,
    Directorate,
    Organisation,
    Priority,
    Service,
)
from improvement_hub.ideas.models import Idea
from improvement_hub.lab.models import Challenge

TITLE_MAX = 160
TEXT_MAX = 4000
SHORT_MAX = 1000

# Sane bounds for numbers people type: anything past them is a slip or an attack, and
# non-finite floats (NaN, Infinity) break the charts and the JSON of the API for good.
VALUE_LIMIT = 1e12
MONEY_LIMIT = Decimal(1_000_000_000)

# A risk's likelihood times its impact from which it is high (the red tag).
HIGH_RISK_SCORE = 15


def validate_value(value: float) -> None:
    """A measure's value or target: a finite number no bigger than a trillion either way."""
    if value is None:
        return
    if not math.isfinite(value) or abs(value) > VALUE_LIMIT:
        raise ValidationError(
            "Enter a number between -1,000,000,000,000 and 1,000,000,000,000", code="range"
        )


def value_is_usable(value: float | None) -> bool:
    """True for a value the charts can draw (stored before the limits existed, or not)."""
    return value is not None and math.isfinite(value) and abs(value) <= VALUE_LIMIT


def _score(label: str) -> list[MinValueValidator | MaxValueValidator]:
    message = f"{label} must be a number from 1 to 5"
    return [MinValueValidator(1, message=message), MaxValueValidator(5, message=message)]


def _amount() -> list[MinValueValidator | MaxValueValidator]:
    return [
        MinValueValidator(Decimal(0), message="Enter an amount of 0 or more"),
        MaxValueValidator(MONEY_LIMIT, message="Enter an amount of 1,000,000,000 or less"),
    ]


class Strand(models.TextChoices):
    IMPROVEMENT_TEAM = "improvement_team", "Improvement Team"
    INNOVATION_LAB = "innovation_lab", "Innovation Lab"


class Method(models.TextChoices):
    MODEL_FOR_IMPROVEMENT = "model_for_improvement", "Model for improvement (PDSA)"
    DOUBLE_DIAMOND = "double_diamond", "Double diamond"


class Stage(models.TextChoices):
    """Stages of both methods. Each method uses its own run of them (``METHOD_STAGES``)."""

    # the model for improvement
    AIM = "aim", "Setting the aim"
    TEST = "test", "Testing changes (PDSA)"
    IMPLEMENT = "implement", "Implementing"
    SPREAD = "spread", "Spreading and sustaining"
    # the double diamond, then embedding the change
    DISCOVER = "discover", "Discover"
    DEFINE = "define", "Define"
    DEVELOP = "develop", "Develop"
    DELIVER = "deliver", "Deliver"
    EMBED = "embed", "Embed"
    # both
    CLOSED = "closed", "Closed"


METHOD_STAGES: dict[str, list[str]] = {
    Method.MODEL_FOR_IMPROVEMENT: [Stage.AIM, Stage.TEST, Stage.IMPLEMENT, Stage.SPREAD],
    Method.DOUBLE_DIAMOND: [
        Stage.DISCOVER,
        Stage.DEFINE,
        Stage.DEVELOP,
        Stage.DELIVER,
        Stage.EMBED,
    ],
}


class Rag(models.TextChoices):
    GREEN = "green", "Green: on track"
    AMBER = "amber", "Amber: at risk, in hand"
    RED = "red", "Red: off track, needs help"


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
        max_length=30, choices=Method.choices, default=Method.MODEL_FOR_IMPROVEMENT
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


class Milestone(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=TITLE_MAX)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_late(self) -> bool:
        """Not done and due before today."""
        return self.done_on is None and self.due_on < timezone.localdate()


class Risk(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="risks")
    description = models.TextField(max_length=SHORT_MAX)
    likelihood = models.PositiveSmallIntegerField(
        validators=_score("Likelihood"),
        help_text="1 (rare) to 5 (almost certain)",
    )
    impact = models.PositiveSmallIntegerField(
        validators=_score("Impact"), help_text="1 (minor) to 5 (severe)"
    )
    mitigation = models.TextField(max_length=SHORT_MAX, blank=True)
    owner = models.CharField(max_length=150, blank=True)
    is_closed = models.BooleanField("closed", default=False)

    class Meta:
        ordering = ["is_closed", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(likelihood__gte=1, likelihood__lte=5, impact__gte=1, impact__lte=5),
                name="initiatives_risk_scores_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return self.description[:60]

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def is_high(self) -> bool:
        """An open risk scoring 15 or more (of 25): shown in red on the initiative."""
        return not self.is_closed and self.score >= HIGH_RISK_SCORE


class Benefit(models.Model):
    """A benefit in £ (cashable or not) or in hours, as planned, forecast and realised."""

    class Kind(models.TextChoices):
        CASHABLE = "cashable", "Cashable saving (£)"
        NON_CASHABLE = "non_cashable", "Non-cashable benefit (£)"
        HOURS = "hours", "Staff hours released"

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="benefits")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.CharField(max_length=300)
    planned = models.DecimalField(max_digits=12, decimal_places=2, validators=_amount())
    forecast = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, validators=_amount()
    )
    realised = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, validators=_amount()
    )

    class Meta:
        ordering = ["kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned__gte=0)
                & (Q(forecast__isnull=True) | Q(forecast__gte=0))
                & (Q(realised__isnull=True) | Q(realised__gte=0)),
                name="initiatives_benefit_not_negative",
            )
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def is_money(self) -> bool:
        return self.kind != self.Kind.HOURS


class StatusUpdate(TimeStampedModel):
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="status_updates"
    )
    on = models.DateField("date")
    rag = models.CharField("RAG rating", max_length=5, choices=Rag.choices)
    summary = models.TextField(max_length=SHORT_MAX)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["initiative", "-on", "-id"], name="initiatives_update_idx")]

    def __str__(self) -> str:
        return f"{self.on}: {self.get_rag_display()}"


class Prototype(models.Model):
    class Fidelity(models.TextChoices):
        LOW = "low", "Low: paper, role play, storyboard"
        MEDIUM = "medium", "Medium: clickable mock-up, mocked-up letter"
        HIGH = "high", "High: working version with real users"

    class Decision(models.TextChoices):
        ITERATE = "iterate", "Iterate"
        ADOPT = "adopt", "Adopt"
        ABANDON = "abandon", "Abandon"

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="prototypes")
    title = models.CharField(max_length=TITLE_MAX)
    hypothesis = models.TextField(max_length=SHORT_MAX)
    tested_with = models.TextField("what was tested with whom", max_length=SHORT_MAX, blank=True)
    fidelity = models.CharField(max_length=10, choices=Fidelity.choices)
    tested_on = models.DateField(null=True, blank=True)
    findings = models.TextField(max_length=TEXT_MAX, blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)

    class Meta:
        ordering = ["tested_on", "id"]

    def __str__(self) -> str:
        return self.title


class Measure(TimeStampedModel):
    """Something an initiative measures over time, charted as an XmR chart."""

    class Kind(models.TextChoices):
        OUTCOME = "outcome", "Outcome"
        PROCESS = "process", "Process"
        BALANCING = "balancing", "Balancing"

    class Direction(models.TextChoices):
        INCREASE = "increase", "Higher is better"
        DECREASE = "decrease", "Lower is better"
        NEUTRAL = "neutral", "Neither"

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="measures")
    name = models.CharField(max_length=TITLE_MAX)
    kind = models.CharField("type", max_length=10, choices=Kind.choices, default=Kind.OUTCOME)
    unit = models.CharField(max_length=60, help_text="For example ‘days’, ‘%’ or ‘calls a week’.")
    definition = models.TextField(max_length=SHORT_MAX, blank=True)
    improvement_direction = models.CharField(max_length=10, choices=Direction.choices)
    target = models.FloatField(null=True, blank=True, validators=[validate_value])
    baseline_points = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[
            MinValueValidator(12, message="Enter a number of points from 12 to 1,000"),
            MaxValueValidator(1000, message="Enter a number of points from 12 to 1,000"),
        ],
        help_text="Fix the mean and limits from the first points (12 or more); blank uses all.",
    )
    screen_outliers = models.BooleanField(
        "screen moving-range outliers",
        default=True,
        help_text="Leave out moving ranges above 3.267 times their mean when setting limits.",
    )

    class Meta:
        ordering = ["initiative", "kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "name"],
                name="initiatives_measure_name_unique",
                violation_error_message="This initiative already has a measure with this name",
            ),
            models.CheckConstraint(
                condition=Q(baseline_points__isnull=True) | Q(baseline_points__gte=12),
                name="initiatives_measure_baseline_12_or_more",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "initiatives:measure_detail", kwargs={"pk": self.initiative_id, "measure_pk": self.pk}
        )


class MeasureRebase(models.Model):
    """From this date the measure's mean and limits are recalculated (a new segment)."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="rebases")
    on = models.DateField("date")
    reason = models.CharField(max_length=300)

    class Meta:
        ordering = ["on"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "on"],
                name="initiatives_rebase_once_a_day",
                violation_error_message="The chart is already re-baselined on that date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.on}: {self.reason}"


class Observation(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="observations")
    on = models.DateField("date")
    value = models.FloatField(validators=[validate_value])

    class Meta:
        ordering = ["measure", "on"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "on"],
                name="initiatives_observation_once_a_day",
                violation_error_message="There is already a value for that date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.on}: {self.value:g}"


class PdsaCycle(models.Model):
    """A Plan-Do-Study-Act cycle, marked on the charts of the measures it watches."""

    class Act(models.TextChoices):
        ADAPT = "adapt", "Adapt"
        ADOPT = "adopt", "Adopt"
        ABANDON = "abandon", "Abandon"

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="pdsa_cycles")
    title = models.CharField("change being tested", max_length=TITLE_MAX)
    question = models.TextField("plan: the question", max_length=SHORT_MAX)
    prediction = models.TextField("plan: what we predict", max_length=SHORT_MAX)
    starts_on = models.DateField()
    do_notes = models.TextField("do: what happened", max_length=TEXT_MAX, blank=True)
    study_notes = models.TextField(
        "study: the results against the prediction", max_length=TEXT_MAX, blank=True
    )
    act = models.CharField("act: the decision", max_length=10, choices=Act.choices, blank=True)
    measures = models.ManyToManyField(Measure, blank=True, related_name="pdsa_cycles")

    class Meta:
        ordering = ["starts_on", "id"]
        verbose_name = "PDSA cycle"

    def __str__(self) -> str:
        return self.title


class Pilot(models.Model):
    """A pilot of an initiative at a site or service. Leadership records go or no-go."""

    class Decision(models.TextChoices):
        GO = "go", "Go: roll it out"
        NO_GO = "no_go", "No go: stop"

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="pilots")
    title = models.CharField(max_length=TITLE_MAX)
    site = models.CharField("site or team", max_length=200, blank=True)
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.SET_NULL, related_name="pilots"
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    success_criteria = models.TextField(max_length=SHORT_MAX)
    measures = models.ManyToManyField(Measure, blank=True, related_name="pilots")
    evaluation = models.TextField(max_length=TEXT_MAX, blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)
    decision_reason = models.TextField(max_length=SHORT_MAX, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="initiatives_pilot_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(decision="") | Q(decided_by__isnull=False, decided_at__isnull=False),
                name="initiatives_pilot_decision_recorded",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class TrainingNeed(models.Model):
    """Training an initiative's or pilot's team needs (free text until the Academy exists)."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="training_needs"
    )
    pilot = models.ForeignKey(
        Pilot, null=True, blank=True, on_delete=models.CASCADE, related_name="training_needs"
    )
    need = models.CharField("training needed", max_length=300)
    who = models.CharField("who needs it", max_length=200, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.need


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
