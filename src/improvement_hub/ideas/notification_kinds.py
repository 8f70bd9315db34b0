"""The Ideas Forum's own kinds of notification (notifications.kinds holds the shared ones)."""

from typing import TYPE_CHECKING

from django.urls import reverse

from improvement_hub.accounts.roles import Role
from improvement_hub.notifications.kinds import (
    ASSIGNED_TO_YOU,
    COMMENT_ON_YOURS,
    REPLY_TO_YOU,
    kind_register,
)
from improvement_hub.notifications.services import notify, notify_role

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User
    from improvement_hub.ideas.models import Comment, Idea

IDEA_SUBMITTED = kind_register(
    key="ideas.submitted",
    label="A new idea is submitted",
    hint="For the Hub Team to review.",
    roles=(Role.HUB_TEAM,),
    order=60,
)


# --- who is told what (the services call these after their writes commit) ------------------


def idea_submitted_tell(idea: "Idea") -> None:
    """Tells the Hub Team of a new idea to review (never its author)."""
    notify_role(
        role=Role.HUB_TEAM,
        kind=IDEA_SUBMITTED,
        subject=f"New idea to review: {idea.title}",
        body=idea.problem,
        url=reverse("ideas:idea_manage", args=[idea.pk]),
        exclude=idea.author,
    )


def comment_added_tell(comment: "Comment") -> None:
    """Tells the idea's author of a comment, and the author of the comment replied to of a
    reply; never the person who wrote it."""
    idea = comment.idea
    url = f"{idea.get_absolute_url()}#comment-{comment.pk}"
    notify(
        recipients=[idea.author],
        kind=COMMENT_ON_YOURS,
        subject=f"New comment on your idea: {idea.title}",
        body=comment.body,
        url=url,
        exclude=comment.author,
    )
    parent = comment.parent
    if parent is not None and parent.author_id != idea.author_id:
        notify(
            recipients=[parent.author],
            kind=REPLY_TO_YOU,
            subject=f"New reply to your comment on: {idea.title}",
            body=comment.body,
            url=url,
            exclude=comment.author,
        )


def idea_assigned_tell(*, idea: "Idea", assignee: "User | None", actor: "User") -> None:
    """Tells a Hub Team member an idea is theirs to review (not when they took it)."""
    if assignee is None:
        return
    notify(
        recipients=[assignee],
        kind=ASSIGNED_TO_YOU,
        subject=f"Idea assigned to you to review: {idea.title}",
        body="",
        url=reverse("ideas:idea_manage", args=[idea.pk]),
        exclude=actor,
    )
