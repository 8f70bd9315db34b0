"""Sends the daily digest emails. Run once a day from cron or a systemd timer."""

from typing import Any

from django.core.management.base import BaseCommand

from improvement_hub.notifications.emails import digest_send_daily


class Command(BaseCommand):
    help = (
        "Emails each person who chose 'Once a day' a summary of the notifications they "
        "have not been sent. Safe to run again: nothing is sent twice."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = digest_send_daily()
        self.stdout.write(f"Sent {count} daily digest email{'s' if count != 1 else ''}.")
