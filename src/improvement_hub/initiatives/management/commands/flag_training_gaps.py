from typing import Any

from django.core.management.base import BaseCommand

from improvement_hub.initiatives.training import requirements_flag


class Command(BaseCommand):
    help = (
        "Tells initiative leads and the Hub Team of training not in place 10 working days "
        "before it is needed (run daily)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{requirements_flag()} training requirements flagged")
