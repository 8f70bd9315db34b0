"""``improvement-hub demo``: loads the demo story. Safe to run again: it updates in place."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from improvement_hub.academy import demo as academy_demo
from improvement_hub.accounts import demo as accounts_demo
from improvement_hub.cms import demo as cms_demo
from improvement_hub.council import demo as council_demo
from improvement_hub.ideas import demo as ideas_demo
from improvement_hub.initiatives import demo as initiatives_demo
from improvement_hub.insights import demo as insights_demo
from improvement_hub.lab import demo as lab_demo
from improvement_hub.partnership import demo as partnership_demo
from improvement_hub.spaces import demo as spaces_demo


class Command(BaseCommand):
    help = "Load the demo data that tells the seed's story, and print the demo sign-ins."

    def handle(self, *args: Any, **options: Any) -> None:
        def log(message: str) -> None:
            self.stdout.write(f"  {message}")

        self.stdout.write("Loading the Improvement Hub demo…")
        with transaction.atomic():
            # Lower layers first: each app's demo may use the data of those below it.
            credentials = accounts_demo.load(log)
            council_demo.load(log)
            spaces_demo.load(log)
            ideas_demo.load(log)
            lab_demo.load(log)
            academy_demo.load(log)
            initiatives_demo.load(log)
            partnership_demo.load(log)
            cms_demo.load(log)
            insights_demo.load(log)
        self.stdout.write(self.style.SUCCESS("Demo ready. Sign in at /accounts/login/ as:"))
        width = max(len(role) for role, _, _ in credentials)
        for role, email, password in credentials:
            self.stdout.write(f"  {role:<{width}}  {email:<28}  password: {password}")
