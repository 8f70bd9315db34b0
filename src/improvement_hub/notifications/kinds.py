"""The kinds of notification, each switchable per person in the hub and by email.

Notifications never import the apps that use them. The kinds every app shares (a comment
on your work, a reply, an assignment, a decision waiting, a change to something you follow)
are defined here; an app registers its own kinds (such as "a new idea is submitted") in its
``notification_kinds`` module, which ``apps.NotificationsConfig.ready`` imports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from improvement_hub.accounts.permissions import has_role
from improvement_hub.accounts.roles import Role
from improvement_hub.accounts.types import AnyUser

KIND_MAX_LENGTH = 60


@dataclass(frozen=True)
class NotificationKind:
    """One kind: ``label`` reads as "Tell me when …" in the settings page."""

    key: str
    label: str
    hint: str = ""
    # Only people in one of these roles are offered the kind; empty: everyone.
    roles: tuple[Role, ...] = ()
    order: int = 100

    def is_for(self, user: AnyUser) -> bool:
        return not self.roles or any(has_role(user, role) for role in self.roles)


_KINDS: dict[str, NotificationKind] = {}


def kind_register(
    *,
    key: str,
    label: str,
    hint: str = "",
    roles: Iterable[Role] = (),
    order: int = 100,
) -> str:
    """Registers a kind and returns its key; registering the same kind again is harmless,
    a different kind under a key already taken is refused."""
    if not key or len(key) > KIND_MAX_LENGTH or key != key.strip():
        raise ValueError(f"A notification kind needs a short key, not {key!r}")
    kind = NotificationKind(key=key, label=label, hint=hint, roles=tuple(roles), order=order)
    existing = _KINDS.get(key)
    if existing is not None and existing != kind:
        raise ValueError(f"The notification kind {key!r} is already registered differently")
    _KINDS[key] = kind
    return key


def kind_get(key: str) -> NotificationKind:
    """The registered kind; an unknown key is a programming error."""
    try:
        return _KINDS[key]
    except KeyError:
        raise ValueError(f"No notification kind {key!r} is registered") from None


def kind_list() -> list[NotificationKind]:
    """Every registered kind, in the settings page's order."""
    return sorted(_KINDS.values(), key=lambda kind: (kind.order, kind.label))


def kind_list_for_user(user: AnyUser) -> list[NotificationKind]:
    """The kinds offered to ``user`` (a Hub Team kind only to the Hub Team)."""
    return [kind for kind in kind_list() if kind.is_for(user)]


# --- the kinds every app shares ------------------------------------------------------------

FOLLOWED_CHANGE = kind_register(
    key="followed_change",
    label="Something you follow changes",
    hint="A new status or public answer on an idea, referral or initiative you follow.",
    order=10,
)
COMMENT_ON_YOURS = kind_register(
    key="comment_on_yours",
    label="Someone comments on your idea",
    order=20,
)
REPLY_TO_YOU = kind_register(
    key="reply_to_you",
    label="Someone replies to your comment",
    order=30,
)
ASSIGNED_TO_YOU = kind_register(
    key="assigned_to_you",
    label="Work is assigned to you",
    hint="An idea to review, a referral to triage or a task.",
    order=40,
)
DECISION_WAITING = kind_register(
    key="decision_waiting",
    label="A decision is waiting for you",
    hint="For example a pilot's go or no-go.",
    order=50,
)
