"""``improvement-hub erase_expired_referral_data``: the retention rule (schedule daily)."""

from typing import Any

from django.core.management.base import BaseCommand

from improvement_hub.lab.services import retention_erase


class Command(BaseCommand):
    help = "Erase referrers' contact details and evidence after the retention period."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Erased the personal data of {retention_erase()} referrals")
