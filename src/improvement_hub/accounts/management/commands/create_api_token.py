"""``improvement-hub create_api_token EMAIL NAME``: prints a new API token for an integration."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from wagtail.models import APIToken

from improvement_hub.accounts.models import User


class Command(BaseCommand):
    help = "Create an API token for a user. The secret is shown once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("name", help="What the token is for, e.g. 'Intranet widget'")

    def handle(self, *args: Any, **options: Any) -> None:
        email: str = options["email"]
        name: str = options["name"]
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user with the email address {email}")
        token, secret = APIToken.create_token(user=user, name=name[:255])
        self.stdout.write(f"Token {token.prefix}… for {user.email}: {secret}")
        self.stdout.write(
            "Send it as the header 'Authorization: Bearer <token>'. It is not shown again."
        )
