"""Publishes a quarter's transparency files (contracts register and spend over £500)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from improvement_hub.partnership import services


def last_quarter() -> str:
    today = timezone.localdate()
    number = (today.month - 1) // 3  # the quarter before this one; 0: last year's 4th
    return f"{today.year - 1}-Q4" if number == 0 else f"{today.year}-Q{number}"


class Command(BaseCommand):
    help = "Publishes a quarter's transparency files; the last quarter that ended by default."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quarter", default="", help="For example, 2017-Q1")

    def handle(self, *args: Any, **options: Any) -> None:
        quarter = options["quarter"] or last_quarter()
        try:
            files = services.transparency_publish_quarter(actor=None, quarter=quarter)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        for row in files:
            self.stdout.write(f"{row.get_kind_display()} for {row.quarter} is published")
