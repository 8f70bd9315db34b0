from typing import Any

from django.core.management.base import BaseCommand

from improvement_hub.spaces.services import reminders_send


class Command(BaseCommand):
    help = (
        "Emails a reminder (with its calendar file) 2 working days before each booking "
        "and each event place. Run daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{reminders_send()} reminders queued")
