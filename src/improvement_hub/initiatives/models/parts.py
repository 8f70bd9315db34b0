"""What an initiative's team records: milestones, risks, benefits, status updates,
prototypes, PDSA cycles, pilots and training needs."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from improvement_hub.core.models import TimeStampedModel
from improvement_hub.council.models import Service
from improvement_hub.initiatives.models.choices import Rag
from improvement_hub.initiatives.models.limits import (
    HIGH_RISK_SCORE,
    SHORT_MAX,
    TEXT_MAX,
    TITLE_MAX,
    amount_validators,
    score_validators,
)
from improvement_hub.initiatives.models.measures import Measure


class Milestone(models.Model):
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="milestones"
    )
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
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="risks"
    )
    description = models.TextField(max_length=SHORT_MAX)
    likelihood = models.PositiveSmallIntegerField(
        validators=score_validators("Likelihood"),
        help_text="1 (rare) to 5 (almost certain)",
    )
    impact = models.PositiveSmallIntegerField(
        validators=score_validators("Impact"), help_text="1 (minor) to 5 (severe)"
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

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="benefits"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.CharField(max_length=300)
    planned = models.DecimalField(max_digits=12, decimal_places=2, validators=amount_validators())
    forecast = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, validators=amount_validators()
    )
    realised = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, validators=amount_validators()
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
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="status_updates"
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

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="prototypes"
    )
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


class PdsaCycle(models.Model):
    """A Plan-Do-Study-Act cycle, marked on the charts of the measures it watches."""

    class Act(models.TextChoices):
        ADAPT = "adapt", "Adapt"
        ADOPT = "adopt", "Adopt"
        ABANDON = "abandon", "Abandon"

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="pdsa_cycles"
    )
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

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="pilots"
    )
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


class TrainingRequirement(models.Model):
    """Training a pilot's (or an initiative's) team needs before it starts: a course or a
    pathway of the Change Academy, for named people or for a role with a count, needed by
    a date. ``need`` describes it in words (the free-text training needs from before the
    Academy keep their text there). ``sessions`` are the sessions scheduled for it."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="training_needs"
    )
    pilot = models.ForeignKey(
        Pilot, null=True, blank=True, on_delete=models.CASCADE, related_name="training_needs"
    )
    need = models.CharField("training needed", max_length=300)
    who = models.CharField(
        "who needs it", max_length=200, blank=True, help_text="For example “all staff at the site”."
    )
    course = models.ForeignKey(
        "academy.Course",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_requirements",
    )
    pathway = models.ForeignKey(
        "academy.Pathway",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_requirements",
    )
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="training_requirements",
        verbose_name="named people",
    )
    count = models.PositiveIntegerField(
        "how many people", null=True, blank=True, help_text="When it is for a role, not names."
    )
    needed_by = models.DateField(null=True, blank=True)
    sessions = models.ManyToManyField(
        "academy.Session", blank=True, related_name="training_requirements"
    )
    flagged_at = models.DateTimeField(
        null=True, blank=True, help_text="When the lead and the Hub Team were told it is at risk."
    )

    class Meta:
        ordering = ["needed_by", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(course__isnull=True) | Q(pathway__isnull=True),
                name="initiatives_training_course_or_pathway",
            ),
            models.CheckConstraint(
                condition=Q(count__isnull=True) | Q(count__gte=1),
                name="initiatives_training_count_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.need


# The name before the Change Academy (issue 11): still importable for older code.
TrainingNeed = TrainingRequirement
