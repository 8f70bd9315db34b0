"""``improvement-hub erase_unconfirmed_newsletter_subscribers``: the newsletter's retention
rule (schedule daily)."""

from typing import Any

from django.core.management.base import BaseCommand

from improvement_hub.cms.newsletter_services import subscribers_erase_unconfirmed


class Command(BaseCommand):
    help = "Delete newsletter sign-ups not confirmed within 7 days."

    def handle(self, *args: Any, **options: Any) -> None:
        erased = subscribers_erase_unconfirmed()
        self.stdout.write(f"Deleted {erased} unconfirmed newsletter sign-ups")
