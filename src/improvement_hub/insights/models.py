"""The insights' own data: precomputed daily aggregates (filled by a background task).

The dashboard never counts ideas or referrals itself: ``services.aggregates_refresh`` (the
``refresh_insights`` task and command) writes one ``DailyFigure`` per day, figure, key and
slice (a priority and a directorate, 0 meaning "all"), so a page for any period, priority
and directorate is one indexed sum whatever the number of ideas behind it.
"""

from django.db import models


class AggregateRun(models.Model):
    """One refresh of the aggregates: when it ran, and the day its snapshots describe."""

    day = models.DateField(db_index=True, help_text="The day the snapshot figures describe.")
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"

    def __str__(self) -> str:
        return f"Insights computed {self.finished_at:%Y-%m-%d %H:%M}"


class DailyFigure(models.Model):
    """A number for one day and one slice. Flow figures (ideas submitted, referrals
    decided) are dated by the day their item came in; snapshot figures (RAG, benefits,
    measures) are dated by the day of the refresh that counted them."""

    day = models.DateField()
    metric = models.CharField(max_length=40)
    key = models.CharField(max_length=80, blank=True, default="")
    priority_id = models.PositiveIntegerField(default=0, help_text="0: every priority")
    directorate_id = models.PositiveIntegerField(default=0, help_text="0: every directorate")
    value = models.DecimalField(max_digits=16, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "metric", "key", "priority_id", "directorate_id"],
                name="insights_dailyfigure_one_per_slice",
            )
        ]
        indexes = [
            models.Index(
                fields=["directorate_id", "priority_id", "day"], name="insights_df_slice_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.metric} {self.key}: {self.value}"
