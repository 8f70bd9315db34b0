"""An initiative's measures: what it measures over time, the values (within the measure's
bounds), the dates from which the XmR chart is re-baselined, and the record of what was
removed from an initiative (who, when, what)."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from improvement_hub.core.models import TimeStampedModel
from improvement_hub.initiatives.models.limits import (
    SHORT_MAX,
    TITLE_MAX,
    validate_value,
    value_is_usable,
)

# Units that cannot go below 0 (times and counts), by word; a percentage is from 0 to 100.
COUNTED_UNITS = frozenset(
    "day week month year hour minute second call visit case referral family people person "
    "child adult tenant resident household place home job application complaint count "
    "number item night bed appointment".split()
)


def default_bounds(unit: str) -> tuple[float | None, float | None]:
    """The bounds a unit's values cannot pass: 0 to 100 for a percentage, 0 or more for a
    time or a count (days, calls a week, people), none for anything else."""
    text = unit.strip().lower()
    if "%" in text or re.search(r"\bper ?cent", text):
        return 0.0, 100.0
    words = re.findall(r"[a-z]+", text)
    singular = {w.removesuffix("ies") + "y" if w.endswith("ies") else w.rstrip("s") for w in words}
    if singular & COUNTED_UNITS or "people" in words or "children" in words:
        return 0.0, None
    return None, None


def measure_value_text(measure: "Measure", value: float) -> str:
    """A value with its measure's unit, like ‘16 days’ or ‘42%’."""
    unit = measure.unit.strip()
    return f"{value:g}{unit}" if unit == "%" else f"{value:g} {unit}".rstrip()


def format_bound(value: float) -> str:
    return f"{value:,g}" if abs(value) < 1e6 else f"{value:,.0f}"


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
    lower_bound = models.FloatField(
        "lowest possible value",
        null=True,
        blank=True,
        validators=[validate_value],
        help_text="Values below it are refused. Days and counts start at 0; leave blank for none.",
    )
    upper_bound = models.FloatField(
        "highest possible value",
        null=True,
        blank=True,
        validators=[validate_value],
        help_text="Values above it are refused. Percentages stop at 100; leave blank for none.",
    )
    screen_outliers = models.BooleanField(
        "screen moving-range outliers",
        default=True,
        help_text="Leave out moving ranges above 3.267 times their mean when setting limits.",
    )
    is_published = models.BooleanField(
        "shown to the public",
        default=False,
        help_text="Shown with its chart on the public results page once the initiative is "
        "published. Leave process measures with the team unless they mean something to "
        "residents.",
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
            models.CheckConstraint(
                condition=Q(lower_bound__isnull=True)
                | Q(upper_bound__isnull=True)
                | Q(lower_bound__lte=models.F("upper_bound")),
                name="initiatives_measure_bounds_in_order",
                violation_error_message="The lowest possible value must be below the highest",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """A new measure takes its unit's bounds when none are given; bounds must be in order
        and must not leave out values already recorded, nor the target."""
        super().clean()
        if self._state.adding and self.lower_bound is None and self.upper_bound is None:
            self.lower_bound, self.upper_bound = default_bounds(self.unit or "")
        # a number the field's own validators refuse (NaN, infinite, huge) is judged there
        low = self.lower_bound if value_is_usable(self.lower_bound) else None
        high = self.upper_bound if value_is_usable(self.upper_bound) else None
        if low is not None and high is not None and low > high:
            raise ValidationError(
                {"upper_bound": "The highest possible value must be more than the lowest"}
            )
        errors: dict[str, str] = {}
        if value_is_usable(self.target) and self.target is not None:
            if low is not None and self.target < low:
                errors["target"] = f"Enter a target of {format_bound(low)} or more"
            elif high is not None and self.target > high:
                errors["target"] = f"Enter a target of {format_bound(high)} or less"
        if not self._state.adding and self.pk:
            errors.update(self._bounds_against_values(low, high))
        if errors:
            raise ValidationError(errors)

    def _bounds_against_values(self, low: float | None, high: float | None) -> dict[str, str]:
        values = Observation.objects.filter(measure_id=self.pk)
        errors = {}
        if low is not None and (below := values.filter(value__lt=low).count()):
            errors["lower_bound"] = (
                f"{below} recorded value{'s are' if below != 1 else ' is'} below "
                f"{format_bound(low)}: remove {'them' if below != 1 else 'it'} first, or "
                "choose a lower bound"
            )
        if high is not None and (above := values.filter(value__gt=high).count()):
            errors["upper_bound"] = (
                f"{above} recorded value{'s are' if above != 1 else ' is'} above "
                f"{format_bound(high)}: remove {'them' if above != 1 else 'it'} first, or "
                "choose a higher bound"
            )
        return errors

    def bound_problem(self, value: float) -> str | None:
        """Why a value cannot be recorded for this measure, or None when it can."""
        unit = self.unit.strip()
        if self.lower_bound is not None and value < self.lower_bound:
            low = format_bound(self.lower_bound)
            return f"Enter a value of {low} or more ({unit} cannot be less than {low})"
        if self.upper_bound is not None and value > self.upper_bound:
            high = format_bound(self.upper_bound)
            return f"Enter a value of {high} or less ({unit} cannot be more than {high})"
        return None

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


class RemovalQuerySet(models.QuerySet["Removal"]):
    def of_measure(self, measure: Measure) -> "RemovalQuerySet":
        """What was removed from a measure, newest first, with who removed it."""
        return self.filter(measure=measure).select_related("removed_by")


class Removal(models.Model):
    """A record of something removed from an initiative (a value, a re-baseline, a risk…):
    who removed it, when, and what it was. Kept after the thing itself is gone."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="removals"
    )
    measure = models.ForeignKey(
        Measure, null=True, blank=True, on_delete=models.SET_NULL, related_name="removals"
    )
    kind = models.CharField(max_length=60)
    description = models.CharField("what was removed", max_length=500)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    removed_at = models.DateTimeField(default=timezone.now)

    objects = RemovalQuerySet.as_manager()

    class Meta:
        ordering = ["-removed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.description}"
