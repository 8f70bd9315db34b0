"""Demo data for accounts: one person per role, with a known password."""

from collections.abc import Callable

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from improvement_hub.accounts.models import User
from improvement_hub.accounts.roles import Role

DEMO_PASSWORD = "improve-together-2026"  # noqa: S105 - printed for the local demo only

DEMO_USERS = [
    ("resident@demo.example", "Rosa", "Reid", Role.RESIDENT),
    ("staff@demo.example", "Sam", "Shah", Role.STAFF),
    ("hubteam@demo.example", "Hana", "Hughes", Role.HUB_TEAM),
    ("partner@demo.example", "Priya", "Patel", Role.PARTNER),
    ("leadership@demo.example", "Lee", "Morgan", Role.LEADERSHIP),
]


def load(log: Callable[[str], object]) -> list[tuple[str, str, str]]:
    credentials = []
    for email, first, last, role in DEMO_USERS:
        user, created = User.objects.get_or_create(
            email=email, defaults={"first_name": first, "last_name": last}
        )
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.set([Group.objects.get(name=str(role))])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        credentials.append((str(role), email, DEMO_PASSWORD))
    log(f"Accounts: {len(credentials)} demo users, one per role")
    return credentials
