"""Who may do what in the Ideas Forum. Used by services, views, the API and templates."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from improvement_hub.accounts.permissions import is_hub_team, is_staff_member
from improvement_hub.ideas.models import Comment, Idea

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from improvement_hub.accounts.models import User

    AnyUser = User | AnonymousUser

COMMENT_EDIT_WINDOW = timedelta(minutes=15)


def can_view_idea(user: AnyUser, idea: Idea) -> bool:
    """Submitted ideas are open to all; drafts to their author; hidden ones to the
    author (who sees why) and the Hub Team."""
    is_author = getattr(user, "is_authenticated", False) and idea.author_id == user.pk
    if idea.is_draft:
        return bool(is_author)
    if idea.is_hidden:
        return bool(is_author) or is_hub_team(user)
    return True


def can_submit_idea(user: AnyUser) -> bool:
    return is_staff_member(user)


def can_edit_draft(user: AnyUser, idea: Idea) -> bool:
    return idea.is_draft and getattr(user, "is_authenticated", False) and idea.author_id == user.pk


def _open_for_activity(idea: Idea) -> bool:
    return not idea.is_draft and not idea.is_hidden and idea.merged_into_id is None


def can_support_idea(user: AnyUser, idea: Idea) -> bool:
    return is_staff_member(user) and _open_for_activity(idea) and idea.author_id != user.pk


def can_follow_idea(user: AnyUser, idea: Idea) -> bool:
    return (
        bool(getattr(user, "is_authenticated", False))
        and user.is_active
        and _open_for_activity(idea)
    )


def can_comment_on_idea(user: AnyUser, idea: Idea) -> bool:
    return is_staff_member(user) and _open_for_activity(idea)


def can_edit_comment(user: AnyUser, comment: Comment, *, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return (
        getattr(user, "is_authenticated", False)
        and comment.author_id == user.pk
        and not comment.is_hidden
        and now - comment.created_at <= COMMENT_EDIT_WINDOW
    )


def can_view_comment(user: AnyUser, comment: Comment) -> bool:
    """A hidden comment is for its author (who sees why) and the Hub Team only."""
    if not comment.is_hidden:
        return True
    is_author = getattr(user, "is_authenticated", False) and comment.author_id == user.pk
    return bool(is_author) or is_hub_team(user)


def can_report(user: AnyUser) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.is_active


def can_manage_ideas(user: AnyUser) -> bool:
    """Review, answer, assign, merge, moderate, export and run campaigns."""
    return is_hub_team(user)


def can_see_author(user: AnyUser, idea: Idea) -> bool:
    if not idea.name_hidden:
        return True
    is_author = getattr(user, "is_authenticated", False) and idea.author_id == user.pk
    return bool(is_author) or is_hub_team(user)
