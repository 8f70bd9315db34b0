"""Who may do what in the Ideas Forum. Used by services, views, the API and templates."""

from datetime import timedelta

from django.utils import timezone

from improvement_hub.accounts.permissions import is_hub_team, is_staff_member
from improvement_hub.ideas.models import Comment, Idea

COMMENT_EDIT_WINDOW = timedelta(minutes=15)


def can_view_idea(user, idea: Idea) -> bool:  # type: ignore[no-untyped-def]
    """Submitted ideas are open to all; drafts to their author; hidden ones to the
    author (who sees why) and the Hub Team."""
    is_author = getattr(user, "is_authenticated", False) and idea.author_id == user.pk
    if idea.is_draft:
        return bool(is_author)
    if idea.is_hidden:
        return bool(is_author) or is_hub_team(user)
    return True


def can_submit_idea(user) -> bool:  # type: ignore[no-untyped-def]
    return is_staff_member(user)


def can_edit_draft(user, idea: Idea) -> bool:  # type: ignore[no-untyped-def]
    return idea.is_draft and getattr(user, "is_authenticated", False) and idea.author_id == user.pk


def _open_for_activity(idea: Idea) -> bool:
    return not idea.is_draft and not idea.is_hidden and idea.merged_into_id is None


def can_support_idea(user, idea: Idea) -> bool:  # type: ignore[no-untyped-def]
    return is_staff_member(user) and _open_for_activity(idea) and idea.author_id != user.pk


def can_follow_idea(user, idea: Idea) -> bool:  # type: ignore[no-untyped-def]
    return (
        bool(getattr(user, "is_authenticated", False))
        and user.is_active
        and _open_for_activity(idea)
    )


def can_comment_on_idea(user, idea: Idea) -> bool:  # type: ignore[no-untyped-def]
    return is_staff_member(user) and _open_for_activity(idea)


def can_edit_comment(user, comment: Comment, *, now=None) -> bool:  # type: ignore[no-untyped-def]
    now = now or timezone.now()
    return (
        getattr(user, "is_authenticated", False)
        and comment.author_id == user.pk
        and not comment.is_hidden
        and now - comment.created_at <= COMMENT_EDIT_WINDOW
    )


def can_view_comment(user, comment: Comment) -> bool:  # type: ignore[no-untyped-def]
    """A hidden comment is for its author (who sees why) and the Hub Team only."""
    if not comment.is_hidden:
        return True
    is_author = getattr(user, "is_authenticated", False) and comment.author_id == user.pk
    return bool(is_author) or is_hub_team(user)


def can_report(user) -> bool:  # type: ignore[no-untyped-def]
    return bool(getattr(user, "is_authenticated", False)) and user.is_active


def can_manage_ideas(user) -> bool:  # type: ignore[no-untyped-def]
    """Review, answer, assign, merge, moderate, export and run campaigns."""
    return is_hub_team(user)


def can_see_author(user, idea: Idea) -> bool:  # type: ignore[no-untyped-def]
    if not idea.name_hidden:
        return True
    is_author = getattr(user, "is_authenticated", False) and idea.author_id == user.pk
    return bool(is_author) or is_hub_team(user)
