"""Demo data for accounts: one person per role, with a known password; the roles the Hub
Team gave as the hub was set up after the decision of 29 November 2016; Sam's line manager."""

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from improvement_hub.accounts.models import RoleChange, User
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
    _history()
    log(f"Accounts: {len(credentials)} demo users, one per role")
    return credentials


LONDON = ZoneInfo("Europe/London")
# Set-up in the winter of 2016/17: the Hub Team names Leadership for pilot decisions the
# week of the decision, and the delivery partner joins when its 12 months begin.
ROLE_HISTORY = [
    ("leadership@demo.example", Role.LEADERSHIP, datetime(2016, 12, 1, 10, 30, tzinfo=LONDON)),
    ("partner@demo.example", Role.PARTNER, datetime(2016, 12, 5, 9, 15, tzinfo=LONDON)),
]


def _history() -> None:
    hana = User.objects.get(email="hubteam@demo.example")
    for email, role, at in ROLE_HISTORY:
        RoleChange.objects.get_or_create(
            person=User.objects.get(email=email),
            role=str(role),
            change=RoleChange.Change.GRANTED,
            at=at,
            defaults={"actor": hana},
        )
    # Sam (Staff) reports to Lee, who books the Change Academy sessions for the team.
    User.objects.filter(email="staff@demo.example").update(
        line_manager=User.objects.get(email="leadership@demo.example")
    )
