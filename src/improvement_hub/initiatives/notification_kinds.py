"""Who is told what about initiatives. Initiatives use the shared kinds only
(notifications.kinds); the services call these after their writes commit."""

from typing import TYPE_CHECKING

from improvement_hub.accounts.roles import Role
from improvement_hub.initiatives.models import Pilot, TeamMember
from improvement_hub.notifications.kinds import ASSIGNED_TO_YOU, DECISION_WAITING
from improvement_hub.notifications.services import notify, notify_role

if TYPE_CHECKING:
    from django.db import models

    from improvement_hub.accounts.models import User
    from improvement_hub.initiatives.models import Initiative


def part_added_tell(*, actor: "User", initiative: "Initiative", part: "models.Model") -> None:
    """A new pilot: Leadership is told it will need their go or no-go. A new team member:
    the person is told (not when they added themselves). Other parts tell nobody."""
    url = initiative.get_absolute_url()
    if isinstance(part, Pilot):
        notify_role(
            role=Role.LEADERSHIP,
            kind=DECISION_WAITING,
            subject=f"A pilot needs your go or no-go: {part.title}",
            body=f"The pilot of ‘{initiative.title}’ starts on {part.starts_on:%-d %B %Y}. "
            "Record go or no go once it has started.",
            url=f"{url}#pilot-{part.pk}",
            exclude=actor,
        )
    elif isinstance(part, TeamMember) and part.user is not None:
        notify(
            recipients=[part.user],
            kind=ASSIGNED_TO_YOU,
            subject=f"You have joined the team of: {initiative.title}",
            body="",
            url=url,
            exclude=actor,
        )
