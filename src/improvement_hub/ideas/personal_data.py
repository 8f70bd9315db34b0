"""The Ideas Forum's part of "download your data" and "close your account".

A closed account's submitted ideas and comments stay (they belong to the discussion) and
show "A former member"; its drafts, follows and assignments go.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from improvement_hub.core.personal_data import personal_data_register
from improvement_hub.ideas import selectors, similarity
from improvement_hub.ideas.models import Comment, Follow, Idea, Report, Support

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def ideas_export(user: User) -> dict[str, Any]:
    """The person's ideas (drafts too), comments, supports, follows and reports."""
    ideas = (
        Idea.objects.filter(author=user)
        .select_related("status", "campaign", "directorate", "service")
        .prefetch_related("priorities")
        .order_by("created_at", "pk")
    )
    return {
        "ideas": [
            {
                "number": idea.pk,
                "title": idea.title,
                "problem": idea.problem,
                "proposal": idea.proposal,
                "who_would_benefit": idea.beneficiaries,
                "priorities": [priority.name for priority in idea.priorities.all()],
                "directorate": idea.directorate.name if idea.directorate else None,
                "service": idea.service.name if idea.service else None,
                "scale": idea.get_scale_display() if idea.scale else None,
                "campaign": idea.campaign.title if idea.campaign else None,
                "name_shown_to_hub_team_only": idea.name_hidden,
                "status": idea.status.name,
                "draft": idea.is_draft,
                "created": _when(idea.created_at),
                "submitted": _when(idea.submitted_at),
                "hidden": _when(idea.hidden_at),
                "hidden_reason": idea.hidden_reason,
                "web_address": None if idea.is_draft else idea.get_absolute_url(),
            }
            for idea in ideas
        ],
        "comments": [
            {
                "idea": comment.idea_id,
                "reply": comment.parent_id is not None,
                "text": comment.body,
                "posted": _when(comment.created_at),
                "edited": _when(comment.edited_at),
                "hidden": _when(comment.hidden_at),
                "hidden_reason": comment.hidden_reason,
            }
            for comment in Comment.objects.filter(author=user).order_by("created_at", "pk")
        ],
        "supports": [
            {
                "idea": support.idea_id,
                "idea_title": support.idea.title,
                "when": _when(support.created_at),
            }
            for support in Support.objects.filter(user=user)
            .select_related("idea")
            .order_by("created_at", "pk")
        ],
        "follows": [
            {
                "idea": follow.idea_id,
                "idea_title": follow.idea.title,
                "since": _when(follow.created_at),
            }
            for follow in Follow.objects.filter(user=user)
            .select_related("idea")
            .order_by("created_at", "pk")
        ],
        "reports": [
            {
                "idea": report.idea_id,
                "comment": report.comment_id,
                "reason": report.reason,
                "made": _when(report.created_at),
                "resolved": _when(report.resolved_at),
            }
            for report in Report.objects.filter(reporter=user).order_by("created_at", "pk")
        ],
    }


def ideas_close(user: User) -> None:
    """Drops the person's drafts and follows and hands their assigned ideas back."""
    deleted, _ = Idea.objects.filter(author=user, submitted_at__isnull=True).delete()
    if deleted:
        # The similar-ideas index counts every idea, drafts included, to notice deletions.
        transaction.on_commit(similarity.mark_changed)
    Follow.objects.filter(user=user).delete()
    if Idea.objects.filter(assignee=user).update(assignee=None):
        transaction.on_commit(selectors.idea_list_counts_reset)  # counts by assignee


ERASED_TITLE = "Erased idea"
ERASED_TEXT = "Erased at its author's request."


def ideas_erase(user: User) -> int:
    """Replaces the text of everything the person wrote and hides it; returns the count.

    Ideas and comments are emptied, not deleted, so other people's comments and supports
    on them stay. Each is saved one by one so the search index forgets the old text.
    """
    now, erased = timezone.now(), 0
    for idea in Idea.objects.select_for_update().filter(author=user):
        idea.title, idea.problem, idea.proposal = ERASED_TITLE, ERASED_TEXT, ERASED_TEXT
        idea.beneficiaries = ""
        idea.hidden_at = idea.hidden_at or now
        idea.hidden_reason = ERASED_TEXT
        idea.save()
        erased += 1
    for comment in Comment.objects.select_for_update().filter(author=user):
        comment.body = ERASED_TEXT
        comment.hidden_at = comment.hidden_at or now
        comment.hidden_reason = ERASED_TEXT
        comment.save()
        erased += 1
    Report.objects.filter(reporter=user).update(reason=ERASED_TEXT)
    if erased:
        transaction.on_commit(similarity.mark_changed)
        transaction.on_commit(selectors.idea_list_counts_reset)
    return erased


def register() -> None:
    personal_data_register(
        key="ideas_forum",
        title="Ideas Forum",
        export=ideas_export,
        close=ideas_close,
        erase=ideas_erase,
        order=30,
    )
