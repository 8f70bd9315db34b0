"""Every write in the Ideas Forum: permission-checked, validated, atomic.

Side effects (notifications, emails, the similarity index) run after commit.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from improvement_hub.core import page_cache
from improvement_hub.core.ratelimit import rate_limit_consume
from improvement_hub.council.models import ChangeScale, Directorate, Priority, Service
from improvement_hub.ideas import notification_kinds, permissions, selectors, similarity
from improvement_hub.ideas.models import (
    Campaign,
    Comment,
    Follow,
    Idea,
    IdeaResponse,
    IdeaStatus,
    Report,
    Review,
    Support,
)
from improvement_hub.notifications.services import notify

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User

TRENDING_HALF_LIFE = timedelta(days=3)
TRENDING_WINDOW = timedelta(days=21)


def _limit(scope: str, user: User, message: str) -> None:
    limit, period = settings.IDEAS_RATE_LIMITS[scope]
    rate_limit_consume(
        scope=f"ideas:{scope}", key=str(user.pk), limit=limit, period=period, message=message
    )


def _status(slug: str) -> IdeaStatus:
    return IdeaStatus.objects.get(slug=slug)


# --- drafts and submission -----------------------------------------------------------


@dataclass
class IdeaData:
    """What the author writes. Validated by the model's field rules in ``full_clean``."""

    title: str
    problem: str
    proposal: str
    beneficiaries: str = ""
    priorities: Iterable[Priority] = field(default_factory=list)
    directorate: Directorate | None = None
    service: Service | None = None
    scale: str = ""
    campaign: Campaign | None = None
    name_hidden: bool = False


def _pages_changed(*ideas: Idea) -> None:
    """The public pages that show these ideas (and every list) are drawn again, once the
    transaction commits (core.page_cache: visitors who are not signed in)."""
    page_cache.bump_on_commit(
        selectors.IDEA_LISTS, *(selectors.idea_page_version(i.pk) for i in ideas)
    )


def _check_campaign_open(campaign: Campaign | None) -> None:
    if campaign is not None and not campaign.is_open:
        raise ValidationError(
            {"campaign": f"The campaign ‘{campaign.title}’ is closed and is not taking new ideas"}
        )


def idea_draft_save(*, author: User, data: IdeaData, idea: Idea | None = None) -> Idea:
    """Creates or updates the author's draft; refuses non-staff and others' ideas."""
    if not permissions.can_submit_idea(author):
        raise PermissionDenied("Only council staff can put forward ideas")
    if idea is not None and not permissions.can_edit_draft(author, idea):
        raise PermissionDenied("You can only change your own draft")
    if data.scale and data.scale not in ChangeScale.values:
        raise ValidationError({"scale": "Select the scale of change you expect"})
    if data.service is not None and data.directorate is None:
        data.directorate = data.service.directorate
    with transaction.atomic():
        if idea is None:
            idea = Idea(author=author, status=_status(IdeaStatus.NEW))
        for name in ("title", "problem", "proposal", "beneficiaries"):
            setattr(idea, name, getattr(data, name).strip())
        idea.directorate, idea.service, idea.scale = data.directorate, data.service, data.scale
        idea.campaign, idea.name_hidden = data.campaign, data.name_hidden
        idea.full_clean(exclude=["status", "author"])
        idea.save()
        idea.priorities.set(list(data.priorities))
    return idea


def idea_submit(*, author: User, idea: Idea) -> Idea:
    """Submits a draft. A second click on "Submit" changes nothing and returns the idea."""
    if idea.author_id != author.pk:
        raise PermissionDenied("You can only submit your own idea")
    if not idea.is_draft:
        return idea
    _check_campaign_open(idea.campaign)
    _limit(
        "idea",
        author,
        "You have put forward a lot of ideas in a short time. "
        "Your draft is saved: try again in an hour.",
    )
    now = timezone.now()
    with transaction.atomic():
        # Conditional update: of two concurrent submits, only one changes the row.
        changed = Idea.objects.filter(pk=idea.pk, submitted_at__isnull=True).update(
            submitted_at=now, updated_at=now
        )
        idea.refresh_from_db()
        if changed:
            IdeaResponse.objects.create(
                idea=idea,
                status=idea.status,
                actor=author,
                created_at=now,
                answer="Thank you for your idea. The Improvement Hub Team will read it and "
                "answer here. You will be told when its status changes.",
            )
            Follow.objects.get_or_create(idea=idea, user=author)
            transaction.on_commit(similarity.mark_changed)
            transaction.on_commit(selectors.idea_list_counts_reset)
            # notifications (issue 10): the Hub Team is told of a new idea to review
            transaction.on_commit(lambda: notification_kinds.idea_submitted_tell(idea))
            _pages_changed(idea)
    return idea


def idea_create(*, author: User, data: IdeaData) -> Idea:
    """Creates and submits an idea in one step (the API)."""
    if not permissions.can_submit_idea(author):
        raise PermissionDenied("Only council staff can put forward ideas")
    _check_campaign_open(data.campaign)
    with transaction.atomic():
        idea = idea_draft_save(author=author, data=data)
        return idea_submit(author=author, idea=idea)


def idea_draft_delete(*, author: User, idea: Idea) -> None:
    """Deletes the author's own draft; submitted ideas cannot be deleted."""
    if not permissions.can_edit_draft(author, idea):
        raise PermissionDenied("You can only delete your own draft")
    idea.delete()


# --- supports and follows --------------------------------------------------------------


def _trending_score(idea_id: int, now: datetime) -> float:
    """Supports weighted by age, halving every TRENDING_HALF_LIFE."""
    times = Support.objects.filter(idea_id=idea_id, created_at__gte=now - TRENDING_WINDOW)
    half_life = TRENDING_HALF_LIFE.total_seconds()
    return sum(
        math.pow(0.5, max((now - created).total_seconds(), 0) / half_life)
        for created in times.values_list("created_at", flat=True)
    )


def idea_support(*, user: User, idea: Idea) -> bool:
    """Adds the user's support; True if new. Refuses authors, non-staff, closed ideas."""
    if not permissions.can_support_idea(user, idea):
        raise PermissionDenied("You cannot support this idea")
    _limit(
        "support",
        user,
        "You have supported a lot of ideas in a short time. Try again in a few minutes.",
    )
    now = timezone.now()
    with transaction.atomic():
        try:
            with transaction.atomic():
                Support.objects.create(idea=idea, user=user, created_at=now)
        except IntegrityError:
            return False  # already supported (a double click, or another tab)
        Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
        Idea.objects.filter(pk=idea.pk).update(trending_score=_trending_score(idea.pk, now))
        Follow.objects.get_or_create(idea=idea, user=user)
        _pages_changed(idea)
    return True


def idea_unsupport(*, user: User, idea: Idea) -> bool:
    """Withdraws the user's support; True if there was one."""
    _limit(
        "support",
        user,
        "You have changed your support a lot in a short time. Try again in a few minutes.",
    )
    with transaction.atomic():
        deleted, _ = Support.objects.filter(idea=idea, user=user).delete()
        if deleted:
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") - 1)
            Idea.objects.filter(pk=idea.pk).update(
                trending_score=_trending_score(idea.pk, timezone.now())
            )
            _pages_changed(idea)
    return bool(deleted)


def ideas_refresh_trending(*, now: datetime | None = None) -> int:
    """Recomputes every trending score as time passes; returns how many changed."""
    now = now or timezone.now()
    recent = set(
        Support.objects.filter(created_at__gte=now - TRENDING_WINDOW)
        .values_list("idea_id", flat=True)
        .distinct()
    )
    stale = set(Idea.objects.filter(trending_score__gt=0).values_list("id", flat=True)) - recent
    Idea.objects.filter(id__in=stale).update(trending_score=0)
    for idea_id in recent:
        Idea.objects.filter(pk=idea_id).update(trending_score=_trending_score(idea_id, now))
    if recent or stale:
        _pages_changed()  # the trending order of the lists
    return len(recent) + len(stale)


def idea_follow(*, user: User, idea: Idea) -> None:
    """Starts following an idea (idempotent)."""
    if not permissions.can_follow_idea(user, idea):
        raise PermissionDenied("You cannot follow this idea")
    Follow.objects.get_or_create(idea=idea, user=user)


def idea_unfollow(*, user: User, idea: Idea) -> None:
    Follow.objects.filter(idea=idea, user=user).delete()


# --- comments and reports ---------------------------------------------------------------


def comment_add(*, author: User, idea: Idea, body: str, parent: Comment | None = None) -> Comment:
    """Adds a plain-text comment or a reply to a top-level comment."""
    if not permissions.can_comment_on_idea(author, idea):
        raise PermissionDenied("You cannot comment on this idea")
    if parent is not None:
        if parent.idea_id != idea.pk:
            raise ValidationError({"parent": "You can only reply to a comment on this idea"})
        parent = parent.parent or parent  # one level of replies: reply to the thread's top
    comment = Comment(idea=idea, author=author, parent=parent, body=body.strip())
    comment.full_clean()
    _limit(
        "comment",
        author,
        "You have commented a lot in a short time. "
        "Your comment is still in the box: try again in a few minutes.",
    )
    with transaction.atomic():
        comment.save()
        Idea.objects.filter(pk=idea.pk).update(comment_count=F("comment_count") + 1)
        # notifications (issue 10): the idea's author, and the author replied to, are told
        transaction.on_commit(lambda: notification_kinds.comment_added_tell(comment))
        _pages_changed(idea)
    return comment


def comment_edit(*, author: User, comment: Comment, body: str) -> Comment:
    """Edits the author's own comment within 15 minutes of posting."""
    if not permissions.can_edit_comment(author, comment):
        raise PermissionDenied("You can only change your own comment, within 15 minutes")
    comment.body = body.strip()
    comment.full_clean()
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at", "updated_at"])
    _pages_changed(comment.idea)
    return comment


def report_add(
    *, reporter: User, reason: str, idea: Idea | None = None, comment: Comment | None = None
) -> Report:
    """Flags an idea or comment for moderation; reporting twice is harmless."""
    if not permissions.can_report(reporter):
        raise PermissionDenied("Sign in to report something")
    if comment is not None and not permissions.can_view_comment(reporter, comment):
        raise PermissionDenied("You cannot report this comment")
    report = Report(idea=idea, comment=comment, reporter=reporter, reason=reason.strip())
    report.full_clean(validate_constraints=False)
    existing = Report.objects.filter(
        reporter=reporter, idea=idea, comment=comment, resolved_at__isnull=True
    ).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        return Report.objects.get(
            reporter=reporter, idea=idea, comment=comment, resolved_at__isnull=True
        )
    return report


# --- the Hub Team ---------------------------------------------------------------------------


def _require_manager(actor: User) -> None:
    if not permissions.can_manage_ideas(actor):
        raise PermissionDenied("Only the Improvement Hub Team can do this")


def _tell(idea: Idea, subject: str, body: str, actor: User) -> None:
    """Tells the author and followers, after commit."""
    recipients = selectors.idea_people_to_tell(idea=idea)
    url = idea.get_absolute_url()
    transaction.on_commit(
        lambda: notify(recipients=recipients, subject=subject, body=body, url=url, exclude=actor)
    )


def idea_respond(
    *, actor: User, idea: Idea, status: IdeaStatus, answer: str, tell: bool = True
) -> IdeaResponse:
    """Sets a status with a public answer; a reason is required where the status says so.
    ``tell=False`` when the caller tells the people itself (an initiative started from the
    idea links each person to the page they may open)."""
    _require_manager(actor)
    answer = answer.strip()
    errors = {}
    if idea.is_draft or idea.merged_into_id:
        raise ValidationError("This idea cannot be answered")
    if not status.is_selectable:
        errors["status"] = f"‘{status.name}’ is set by merging ideas, not by answering"
    if not answer:
        errors["answer"] = (
            "Enter the reason the idea is not being taken forward"
            if status.requires_reason
            else "Enter a public answer"
        )
    elif status.requires_reason and len(answer) < 20:
        errors["answer"] = "Explain the reason in a full sentence (at least 20 characters)"
    if errors:
        raise ValidationError(errors)
    response = IdeaResponse(idea=idea, status=status, answer=answer, actor=actor)
    response.full_clean()
    with transaction.atomic():
        response.save()
        idea.status = status
        idea.answered_at = response.created_at
        idea.save(update_fields=["status", "answered_at", "updated_at"])
        transaction.on_commit(selectors.idea_list_counts_reset)  # counts by status
        _pages_changed(idea)
        if tell:
            _tell(idea, f"Your idea is now ‘{status.name}’: {idea.title}"[:200], answer, actor)
    return response


def idea_assign(*, actor: User, idea: Idea, assignee: User | None) -> Idea:
    """Gives the idea to a Hub Team member to review (or None to unassign)."""
    _require_manager(actor)
    if assignee is not None and not permissions.can_manage_ideas(assignee):
        raise ValidationError({"assignee": "Select a member of the Hub Team"})
    idea.assignee = assignee
    idea.save(update_fields=["assignee", "updated_at"])
    transaction.on_commit(selectors.idea_list_counts_reset)  # counts by assignee
    # notifications (issue 10): the person it is assigned to is told
    transaction.on_commit(
        lambda: notification_kinds.idea_assigned_tell(idea=idea, assignee=assignee, actor=actor)
    )
    return idea


def idea_review(*, actor: User, idea: Idea, impact: int, effort: int, notes: str = "") -> Review:
    """Records an impact and effort assessment (1 to 5 each)."""
    _require_manager(actor)
    review = Review(idea=idea, reviewer=actor, impact=impact, effort=effort, notes=notes.strip())
    review.full_clean()
    with transaction.atomic():
        review.save()
        Idea.objects.filter(pk=idea.pk).update(
            impact=impact, effort=effort, updated_at=timezone.now()
        )
    return review


def idea_merge(*, actor: User, source: Idea, target: Idea | None, answer: str = "") -> Idea:
    """Merges a duplicate into another idea: supports, followers and comments move over,
    nobody is counted twice, and everyone involved is told. Refuses a missing target."""
    _require_manager(actor)
    if target is None or target.is_draft:
        raise ValidationError({"target": "There is no submitted idea with that number"})
    if source.pk == target.pk:
        raise ValidationError({"target": "Select a different idea to merge into"})
    if source.is_draft or target.is_draft or target.merged_into_id or source.merged_into_id:
        raise ValidationError({"target": "Select a submitted idea that has not been merged"})
    merged_status = _status(IdeaStatus.MERGED)
    answer = (
        answer.strip()
        or f"This idea has been merged into ‘{target.title}’, which covers the same ground."
    )
    with transaction.atomic():
        # lock both rows in a fixed order so two merges cannot deadlock or interleave
        locked = {
            i.pk: i
            for i in Idea.objects.select_for_update()
            .filter(pk__in=[source.pk, target.pk])
            .order_by("pk")
        }
        source, target = locked[source.pk], locked[target.pk]
        target_supporters = set(
            Support.objects.filter(idea=target).values_list("user_id", flat=True)
        )
        movable = (
            Support.objects.filter(idea=source)
            .exclude(user_id__in=target_supporters)
            .exclude(user_id=target.author_id)
        )
        movable.update(idea=target)
        Support.objects.filter(idea=source).delete()
        following = set(Follow.objects.filter(idea=target).values_list("user_id", flat=True))
        Follow.objects.filter(idea=source).exclude(user_id__in=following).update(idea=target)
        Follow.objects.filter(idea=source).delete()
        Follow.objects.get_or_create(idea=target, user_id=source.author_id)
        Comment.objects.filter(idea=source).update(idea=target)
        now = timezone.now()
        target.support_count = Support.objects.filter(idea=target).count()
        target.comment_count = Comment.objects.filter(idea=target).count()
        target.trending_score = _trending_score(target.pk, now)
        target.save(
            update_fields=["support_count", "comment_count", "trending_score", "updated_at"]
        )
        source.status, source.merged_into, source.answered_at = merged_status, target, now
        source.support_count = source.comment_count = 0
        source.trending_score = 0
        source.save(
            update_fields=[
                "status",
                "merged_into",
                "answered_at",
                "support_count",
                "comment_count",
                "trending_score",
                "updated_at",
            ]
        )
        IdeaResponse.objects.create(idea=source, status=merged_status, answer=answer, actor=actor)
        IdeaResponse.objects.create(
            idea=target,
            status=target.status,
            actor=actor,
            answer=f"The idea ‘{source.title}’ was merged into this one; its supporters, "
            "followers and comments are now here.",
        )
        recipients = [f.user for f in Follow.objects.filter(idea=target).select_related("user")]
        url = target.get_absolute_url()
        transaction.on_commit(
            lambda: notify(
                recipients=recipients,
                subject=f"Ideas merged: {target.title}"[:200],
                body=answer,
                url=url,
                exclude=actor,
            )
        )
        transaction.on_commit(similarity.mark_changed)
        transaction.on_commit(selectors.idea_list_counts_reset)
        _pages_changed(source, target)
    return target


def idea_hide(*, actor: User, idea: Idea, reason: str) -> Idea:
    """Hides an idea from everyone but its author and the Hub Team, with a reason."""
    _require_manager(actor)
    if not reason.strip():
        raise ValidationError(
            {"reason": "Enter the reason for hiding it, which its author will see"}
        )
    idea.hidden_at, idea.hidden_reason = timezone.now(), reason.strip()[:500]
    idea.save(update_fields=["hidden_at", "hidden_reason", "updated_at"])
    _resolve_reports(actor, Report.objects.filter(idea=idea))
    transaction.on_commit(similarity.mark_changed)
    transaction.on_commit(selectors.idea_list_counts_reset)
    _pages_changed(idea)
    transaction.on_commit(
        lambda: notify(
            recipients=[idea.author],
            subject=f"Your idea has been hidden: {idea.title}"[:200],
            body=idea.hidden_reason,
            url=idea.get_absolute_url(),
            exclude=actor,
        )
    )
    return idea


def idea_unhide(*, actor: User, idea: Idea) -> Idea:
    _require_manager(actor)
    idea.hidden_at, idea.hidden_reason = None, ""
    idea.save(update_fields=["hidden_at", "hidden_reason", "updated_at"])
    transaction.on_commit(similarity.mark_changed)
    transaction.on_commit(selectors.idea_list_counts_reset)
    _pages_changed(idea)
    return idea


def comment_hide(*, actor: User, comment: Comment, reason: str) -> Comment:
    """Hides a comment; its author sees the reason in its place."""
    _require_manager(actor)
    if not reason.strip():
        raise ValidationError(
            {"reason": "Enter the reason for hiding it, which its author will see"}
        )
    comment.hidden_at, comment.hidden_reason = timezone.now(), reason.strip()[:500]
    comment.save(update_fields=["hidden_at", "hidden_reason", "updated_at"])
    _resolve_reports(actor, Report.objects.filter(comment=comment))
    _pages_changed(comment.idea)
    return comment


def report_dismiss(*, actor: User, report: Report) -> Report:
    """Closes a report without hiding anything."""
    _require_manager(actor)
    _resolve_reports(actor, Report.objects.filter(pk=report.pk))
    report.refresh_from_db()
    return report


def _resolve_reports(actor: User, reports: QuerySet[Report]) -> None:
    reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now(), resolved_by=actor)
