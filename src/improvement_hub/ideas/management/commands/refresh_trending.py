"""``improvement-hub refresh_trending``: recompute trending scores (schedule hourly)."""

from django.core.management.base import BaseCommand

from improvement_hub.ideas.services import ideas_refresh_trending


class Command(BaseCommand):
    help = "Recompute every idea's trending score so that old supports count for less."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"Refreshed {ideas_refresh_trending()} trending scores")
