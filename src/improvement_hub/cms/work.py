"""The work list: what the home page shows a signed-in person, by role.

Each role has a tuple of sections. A section is a function of the person that reads one
list through its app's selectors and returns a ``WorkSection``: how many there are (the
count), the first few, and a link to the full list, where it can be filtered. Every
section runs a fixed number of queries (a count and a slice), whatever the data.

An app joins by adding a section function here and naming it under the roles it serves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.http import urlencode

from improvement_hub.academy import selectors as academy_selectors
from improvement_hub.accounts.permissions import has_role
from improvement_hub.accounts.roles import Role
from improvement_hub.cms import selectors as cms_selectors
from improvement_hub.ideas import selectors as idea_selectors
from improvement_hub.ideas.filters import ReviewQueueFilter
from improvement_hub.lab import selectors as lab_selectors
from improvement_hub.lab.filters import OVERDUE, InboxFilter
from improvement_hub.notifications.selectors import notification_list_for_user
from improvement_hub.partnership import selectors as partnership_selectors
from improvement_hub.spaces import selectors as spaces_selectors

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User

SHOWN = 5  # items shown in each section; the link leads to the rest


@dataclass(frozen=True)
class WorkItem:
    text: str
    href: str = ""
    meta: str = ""
    tag: str = ""
    tag_colour: str = ""


@dataclass(frozen=True)
class WorkSection:
    key: str
    title: str
    count: int
    noun: str  # what the count counts: "ideas waiting for review"
    href: str  # the full list, with its filters
    link_text: str
    items: list[WorkItem]
    empty: str
    more: list[tuple[str, str]] = field(default_factory=list)  # (text, href) links

    @property
    def hidden_count(self) -> int:
        return max(self.count - len(self.items), 0)


Section = Callable[["User"], "WorkSection | None"]


def _first(queryset: QuerySet[Any]) -> tuple[int, list[Any]]:
    return queryset.count(), list(queryset[:SHOWN])


def _day(value: date | None) -> str:
    return f"{value:%-d %B %Y}" if value else ""


# --- the Hub Team ---------------------------------------------------------------------------


def ideas_to_review(user: User) -> WorkSection:
    count, ideas = _first(idea_selectors.idea_review_queue(filters=ReviewQueueFilter({})))
    mine = ReviewQueueFilter({"assignee": str(user.pk)})
    assigned = idea_selectors.idea_review_queue(filters=mine).count()
    queue = reverse("ideas:review_queue")
    return WorkSection(
        key="ideas-to-review",
        title="Ideas to review",
        count=count,
        noun="ideas waiting for an answer",
        href=queue,
        link_text="Review and filter all ideas waiting for an answer",
        items=[
            WorkItem(
                text=idea.title,
                href=reverse("ideas:idea_manage", args=[idea.pk]),
                meta=f"Submitted {_day(idea.submitted_at)}"
                + (f", assigned to {idea.assignee}" if idea.assignee_id else ", not assigned"),
                tag=idea.status.name,
            )
            for idea in ideas
        ],
        empty="No ideas are waiting for an answer.",
        more=[(f"{assigned} assigned to you", f"{queue}?{urlencode({'assignee': user.pk})}")],
    )


def referrals_to_triage(user: User) -> WorkSection:
    filters = InboxFilter(QueryDict(), queryset=lab_selectors.referral_inbox())
    count, referrals = _first(filters.qs)
    overdue = InboxFilter(
        QueryDict(f"age={OVERDUE}"), queryset=lab_selectors.referral_inbox()
    ).qs.count()
    inbox = reverse("lab:triage_inbox")
    items = []
    for row in lab_selectors.referral_inbox_rows(referrals):
        referral, days = row.referral, row.days_left
        step = "Acknowledge" if referral.acknowledged_at is None else "Decide"
        tag, classes = "", ""
        if days is not None and days.is_overdue:
            tag, classes = f"Overdue by {days.overdue_by} working days", "red"
        elif days is not None:
            tag = f"{days.days} working day{'s' if days.days != 1 else ''} left"
            classes = "yellow" if days.is_due_soon else "grey"
        items.append(
            WorkItem(
                text=referral.reference or "",
                href=reverse("lab:triage_referral", args=[referral.reference]),
                meta=f"{step}: {referral.get_status_display()}",
                tag=tag,
                tag_colour=classes,
            )
        )
    return WorkSection(
        key="referrals-to-triage",
        title="Referrals to acknowledge or decide",
        count=count,
        noun="open referrals",
        href=inbox,
        link_text="Filter all open referrals in the triage inbox",
        items=items,
        empty="No referrals are waiting.",
        more=[(f"{overdue} overdue", f"{inbox}?{urlencode({'age': OVERDUE})}")],
    )


def reports_to_moderate(user: User) -> WorkSection:
    count, reports = _first(idea_selectors.report_queue())
    items = []
    for report in reports:
        if report.comment_id and report.comment is not None:
            text = f"A comment on ‘{report.comment.idea.title}’"
        else:
            text = f"The idea ‘{report.idea.title if report.idea else ''}’"
        items.append(WorkItem(text=text, meta=f"Reported {_day(report.created_at)}"))
    return WorkSection(
        key="reports-to-moderate",
        title="Reports to moderate",
        count=count,
        noun="reports to moderate",
        href=reverse("ideas:moderation_queue"),
        link_text="Moderate all reports",
        items=items,
        empty="Nothing has been reported.",
    )


def bookings_to_approve(user: User) -> WorkSection:
    count, bookings = _first(spaces_selectors.booking_list_pending())
    return WorkSection(
        key="bookings-to-approve",
        title="Space bookings waiting for approval",
        count=count,
        noun="bookings waiting for approval",
        href=reverse("spaces:approvals"),
        link_text="Approve or refuse bookings",
        items=[
            WorkItem(
                text=f"{booking.space.name}: {booking.purpose}",
                href=reverse("spaces:booking_detail", args=[booking.pk]),
                meta=f"{_day(booking.starts_at)}, asked {_day(booking.created_at)}",
            )
            for booking in bookings
        ],
        empty="No booking is waiting for approval.",
    )


def places_to_approve(user: User) -> WorkSection | None:
    """Only for the Hub Team and line managers (a person with staff of their own)."""
    if not has_role(user, Role.HUB_TEAM) and not user.reports.exists():
        return None
    count, places = _first(academy_selectors.enrolment_list_awaiting_approval(user=user))
    return WorkSection(
        key="places-to-approve",
        title="Change Academy places waiting for your approval",
        count=count,
        noun="places waiting for approval",
        href=reverse("academy:my_learning"),
        link_text="Approve places on My learning",
        items=[
            WorkItem(
                text=f"{place.person.get_full_name() or place.person.email}: "
                f"{place.session.course.title}",
                meta=f"Session on {_day(place.session.starts_at)}",
            )
            for place in places
        ],
        empty="No place is waiting for your approval.",
    )


def deliverables_to_review(user: User) -> WorkSection:
    count, tasks = _first(partnership_selectors.deliverable_list_submitted())
    return WorkSection(
        key="deliverables-to-review",
        title="Partner's tasks to accept or reject",
        count=count,
        noun="tasks submitted for acceptance",
        href=reverse("partnership:contract_list"),
        link_text="See every contract and its tasks",
        items=[
            WorkItem(
                text=f"Task {task.number}: {task.title}",
                href=reverse(
                    "partnership:deliverable_detail", args=[task.contract_id, task.number]
                ),
                meta=f"Due {_day(task.due_on)}",
            )
            for task in tasks
        ],
        empty="No task is waiting for acceptance.",
    )


def blocks_to_approve(user: User) -> WorkSection:
    count, blocks = _first(partnership_selectors.block_list_ready_for_approval())
    return WorkSection(
        key="blocks-to-approve",
        title="Payments waiting for your approval",
        count=count,
        noun="payment blocks ready to approve",
        href=reverse("partnership:contract_list"),
        link_text="See every contract and its payments",
        items=[
            WorkItem(
                text=f"Block {block.number} of {block.contract.title}",
                href=reverse("partnership:contract_detail", args=[block.contract_id]),
                meta=f"£{block.amount_gbp:,.2f}",
            )
            for block in blocks
        ],
        empty="No payment is waiting for approval.",
    )


# --- Leadership -------------------------------------------------------------------------------


def pilot_decisions(user: User) -> WorkSection:
    count, pilots = _first(cms_selectors.pilot_list_awaiting_decision())
    return WorkSection(
        key="pilot-decisions",
        title="Pilot decisions waiting for you",
        count=count,
        noun="pilots waiting for go or no go",
        href=reverse("initiatives:timeline"),
        link_text="See and filter every pilot on the timeline",
        items=[
            WorkItem(
                text=f"{pilot.title}: {pilot.initiative.title}",
                href=reverse("initiatives:pilot_decide", args=[pilot.initiative_id, pilot.pk]),
                meta=f"Started {_day(pilot.starts_on)}, ends {_day(pilot.ends_on)}",
            )
            for pilot in pilots
        ],
        empty="No pilot is waiting for a decision.",
    )


# --- everyone signed in: news -----------------------------------------------------------------


def news_for_you(user: User) -> WorkSection:
    count, notifications = _first(notification_list_for_user(user=user, unread=True))
    unread = f"{reverse('notifications:notification_list')}?{urlencode({'unread': 'on'})}"
    return WorkSection(
        key="news",
        title="News for you",
        count=count,
        noun="unread notifications",
        href=unread,
        link_text="Read and filter all your notifications",
        items=[
            WorkItem(
                text=n.subject,
                href=reverse("notifications:notification_open", args=[n.pk]),
                meta=f"{_day(n.created_at)}",
            )
            for n in notifications
        ],
        empty="Nothing new. We tell you here when something you follow changes.",
    )


# --- Staff -----------------------------------------------------------------------------------


def your_ideas(user: User) -> WorkSection:
    count, ideas = _first(idea_selectors.idea_list_for_author(user=user))
    return WorkSection(
        key="your-ideas",
        title="Your ideas",
        count=count,
        noun="ideas you have put forward or drafted",
        href=reverse("ideas:my_ideas"),
        link_text="See all your ideas",
        items=[
            WorkItem(
                text=idea.title or "Untitled draft",
                href=reverse("ideas:idea_edit", args=[idea.pk])
                if idea.is_draft
                else idea.get_absolute_url(),
                tag="Draft" if idea.is_draft else idea.status.name,
                tag_colour="grey" if idea.is_draft else "",
            )
            for idea in ideas
        ],
        empty="You have not put forward an idea yet.",
        more=[("Put forward an idea", reverse("ideas:idea_new"))],
    )


# --- Partners ---------------------------------------------------------------------------------


def your_initiatives(user: User) -> WorkSection:
    count, initiatives = _first(cms_selectors.initiative_list_for_member(user=user))
    return WorkSection(
        key="your-initiatives",
        title="Your initiatives",
        count=count,
        noun="initiatives you are on the team of",
        href=reverse("initiatives:portfolio"),
        link_text="Filter all initiatives in the portfolio",
        items=[
            WorkItem(
                text=initiative.title,
                href=initiative.get_absolute_url(),
                tag=initiative.get_stage_display(),
                tag_colour="grey",
            )
            for initiative in initiatives
        ],
        empty="You are not on the team of an initiative yet.",
    )


def your_tasks(user: User) -> WorkSection:
    count, milestones = _first(cms_selectors.milestone_list_open_for_member(user=user))
    return WorkSection(
        key="your-tasks",
        title="Your team's tasks",
        count=count,
        noun="milestones not yet done",
        href=reverse("initiatives:timeline"),
        link_text="See and filter the timeline",
        items=[
            WorkItem(
                text=f"{m.title}: {m.initiative.title}",
                href=f"{m.initiative.get_absolute_url()}#milestones",
                meta=f"Due {_day(m.due_on)}",
                tag="Late" if m.is_late else "",
                tag_colour="red",
            )
            for m in milestones
        ],
        empty="Your teams have no milestones waiting.",
    )


# --- Residents --------------------------------------------------------------------------------


def your_referrals(user: User) -> WorkSection:
    count, referrals = _first(lab_selectors.referral_list_for_referrer(user=user))
    mine = reverse("lab:my_referrals")
    return WorkSection(
        key="your-referrals",
        title="Your referrals",
        count=count,
        noun="problems you have referred",
        href=mine,
        link_text="See all your referrals",
        items=[
            WorkItem(
                text=referral.reference or "",
                href=mine,
                meta=f"Sent {_day(referral.created_at)}",
                tag=referral.get_status_display(),
                tag_colour="grey",
            )
            for referral in referrals
        ],
        empty="You have not referred a problem yet.",
        more=[("Refer a problem to the Innovation Lab", reverse("lab:refer_start"))],
    )


WORK_LISTS: dict[Role, tuple[Section, ...]] = {
    Role.HUB_TEAM: (
        ideas_to_review,
        referrals_to_triage,
        reports_to_moderate,
        deliverables_to_review,
        bookings_to_approve,
        places_to_approve,
    ),
    Role.LEADERSHIP: (pilot_decisions, blocks_to_approve),
    Role.STAFF: (your_ideas, places_to_approve),
    Role.PARTNER: (your_initiatives, your_tasks),
    Role.RESIDENT: (your_referrals,),
}
EVERYONE: tuple[Section, ...] = (news_for_you,)


def work_list_for(user: User) -> list[WorkSection]:
    """The sections of ``user``'s roles, each once, then their news."""
    sections: list[Section] = []
    for role, role_sections in WORK_LISTS.items():
        if has_role(user, role):
            sections.extend(s for s in role_sections if s not in sections)
    shown = (section(user) for section in (*sections, *EVERYONE))
    return [section for section in shown if section is not None]
