from typing import Any

from django.core.management.base import BaseCommand

from improvement_hub.academy.services import reminders_send


class Command(BaseCommand):
    help = "Emails a reminder (with its calendar event) 2 working days before each session."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{reminders_send()} reminders queued")
