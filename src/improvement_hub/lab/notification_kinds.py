"""The Innovation Lab's own kinds of notification (notifications.kinds holds the shared ones)."""

from typing import TYPE_CHECKING

from django.urls import reverse

from improvement_hub.accounts.roles import Role
from improvement_hub.notifications.kinds import ASSIGNED_TO_YOU, kind_register
from improvement_hub.notifications.services import notify, notify_role

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User
    from improvement_hub.accounts.types import AnyUser
    from improvement_hub.lab.models import Referral

REFERRAL_CONFIRMED = kind_register(
    key="lab.referral_confirmed",
    label="A referral is confirmed",
    hint="A community problem for the Hub Team to acknowledge and triage.",
    roles=(Role.HUB_TEAM,),
    order=70,
)


# --- who is told what (the services call these after their writes commit) ------------------
# Subjects name the referral by its reference only: a referral's words may hold personal data,
# and an email subject is not the place for them.


def referral_confirmed_tell(referral: "Referral") -> None:
    """Tells the Hub Team of a confirmed referral, with the working day it must be
    acknowledged by."""
    notify_role(
        role=Role.HUB_TEAM,
        kind=REFERRAL_CONFIRMED,
        subject=f"New referral to acknowledge: {referral.reference}",
        body=f"Acknowledge it by {referral.acknowledge_by:%-d %B %Y} and decide what to do "
        f"by {referral.decide_by:%-d %B %Y}."
        if referral.acknowledge_by and referral.decide_by
        else "",
        url=reverse("lab:triage_referral", args=[referral.reference]),
    )


def referral_assigned_tell(
    *, referral: "Referral", assignee: "User | None", actor: "AnyUser"
) -> None:
    """Tells a Hub Team member a referral is theirs to triage (not when they took it)."""
    if assignee is None:
        return
    notify(
        recipients=[assignee],
        kind=ASSIGNED_TO_YOU,
        subject=f"Referral assigned to you: {referral.reference}",
        body="",
        url=reverse("lab:triage_referral", args=[referral.reference]),
        exclude=actor,
    )
