"""``improvement-hub refresh_insights``: recompute the dashboard's aggregates (schedule daily)."""

from django.core.management.base import BaseCommand

from improvement_hub.insights.services import aggregates_refresh
from improvement_hub.insights.tasks import refresh_insights


class Command(BaseCommand):
    help = "Recompute the insights dashboard's daily figures (or queue it with --queue)."

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]  # Django's parser
        parser.add_argument(
            "--queue", action="store_true", help="Queue the task for the worker instead."
        )

    def handle(self, *args: object, **options: object) -> None:
        if options["queue"]:
            refresh_insights.enqueue()
            self.stdout.write("Queued the insights refresh")
            return
        run = aggregates_refresh()
        self.stdout.write(f"Computed {run.rows} insights figures for {run.day:%Y-%m-%d}")
