"""An initiative's measures: what it measures over time, the values, and the dates from
which the XmR chart is re-baselined."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from improvement_hub.core.models import TimeStampedModel
from improvement_hub.initiatives.models.limits import SHORT_MAX, TITLE_MAX, validate_value


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

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="measures"
    )
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
