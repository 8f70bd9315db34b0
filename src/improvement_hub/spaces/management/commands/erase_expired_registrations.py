from typing import Any

from django.core.management.base import BaseCommand

from improvement_hub.spaces.services import registration_retention_erase


class Command(BaseCommand):
    help = "Erase event registrants' names and emails past the retention period (run daily)."

    def handle(self, *args: Any, **options: Any) -> None:
        erased = registration_retention_erase()
        self.stdout.write(f"Erased the personal data of {erased} registrations")
