"""The Change Academy's own kind of notification: training a pilot needs is at risk."""

from improvement_hub.accounts.roles import Role
from improvement_hub.notifications.kinds import kind_register

TRAINING_AT_RISK = kind_register(
    key="training_at_risk",
    label="training a pilot needs is not in place 10 working days before it starts",
    hint="For initiative leads and the Hub Team.",
    roles=(Role.STAFF, Role.HUB_TEAM, Role.PARTNER, Role.LEADERSHIP),
    order=60,
)
