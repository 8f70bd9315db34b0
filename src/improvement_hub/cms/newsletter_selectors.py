"""Reads for the newsletter: subscribers, issues, and what an issue can link to (recent
stories and news pages of the CMS, and published results read through the initiatives'
selectors, as the public sees them)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page, get_page_models

from improvement_hub.cms.models import HomePage, StandardPage
from improvement_hub.cms.newsletter_models import (
    NewsletterDelivery,
    NewsletterIssue,
    NewsletterSubscriber,
)
from improvement_hub.council import selectors as council
from improvement_hub.initiatives import selectors as initiatives

CONFIRM_SALT = "cms.newsletter.confirm"
UNSUBSCRIBE_SALT = "cms.newsletter.unsubscribe"
# How long a confirmation link works; unconfirmed sign-ups are erased after the same time.
CONFIRM_MAX_AGE_DAYS = 7
RECENT_ITEMS = 30


def token_make(subscriber: NewsletterSubscriber, *, salt: str) -> str:
    """A signed token naming the subscriber and their nonce (a link for an earlier
    subscription of the same address names another nonce and matches nothing)."""
    return signing.dumps({"s": subscriber.pk, "n": subscriber.nonce}, salt=salt)


def _token_payload(token: str, *, salt: str, max_age: int | None) -> dict[str, Any] | None:
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # forged, altered or (SignatureExpired) too old
        return None
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        return None
    return data


def subscriber_for_confirm_token(token: str) -> NewsletterSubscriber | None:
    """The subscriber a confirmation link is for, if the link is genuine and recent."""
    data = _token_payload(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE_DAYS * 86400)
    if data is None:
        return None
    return NewsletterSubscriber.objects.filter(pk=data["s"], nonce=data.get("n")).first()


@dataclass
class UnsubscribeLink:
    """What an unsubscribe link says: whether it is genuine, and the subscriber it names if
    they are still subscribed (None once they have gone: the link still says so kindly)."""

    valid: bool
    subscriber: NewsletterSubscriber | None = None


def subscriber_for_unsubscribe_token(token: str) -> UnsubscribeLink:
    """Unsubscribe links never expire (people find old emails), but they are signed."""
    data = _token_payload(token, salt=UNSUBSCRIBE_SALT, max_age=None)
    if data is None:
        return UnsubscribeLink(valid=False)
    subscriber = NewsletterSubscriber.objects.filter(pk=data["s"], nonce=data.get("n")).first()
    return UnsubscribeLink(valid=True, subscriber=subscriber)


def subscriber_count_confirmed() -> int:
    return NewsletterSubscriber.objects.filter(confirmed_at__isnull=False).count()


def subscriber_counts_by_priority() -> list[tuple[str, int]]:
    """Confirmed subscribers interested in each active priority (one query)."""
    through = NewsletterSubscriber.priorities.through
    rows = (
        through.objects.filter(newslettersubscriber__confirmed_at__isnull=False)
        .values("priority_id")
        .annotate(subscribers=Count("pk"))
    )
    counts: dict[int, int] = {row["priority_id"]: row["subscribers"] for row in rows}
    return [(p.name, counts.get(p.pk, 0)) for p in council.priority_list_active()]


# --- what an issue can link to ------------------------------------------------------------------


def _story_page_models() -> list[type[Page]]:
    """The CMS's own page types that are articles (news, stories, case studies): every page
    type of this app that has no children, other than the home and standard pages."""
    return [
        model
        for model in get_page_models()
        if model._meta.app_label == "cms"
        and model not in (HomePage, StandardPage)
        and not model.allowed_subpage_models()
        and getattr(model, "is_creatable", True)
    ]


def story_page_choices(*, also: Iterable[int] = (), limit: int = RECENT_ITEMS) -> QuerySet[Page]:
    """Live, public stories, news and case studies to choose from: the ``limit`` newest,
    and those in ``also`` (an issue's chosen pages) if they are still live, newest first."""
    models = _story_page_models()
    if not models:
        return Page.objects.none()
    pages = Page.objects.live().public().type(*models).order_by("-first_published_at", "-id")
    recent = list(pages.values_list("pk", flat=True)[:limit])
    return pages.filter(pk__in=[*recent, *also]).select_related("content_type")


def result_choices(*, also: Iterable[int] = (), limit: int = RECENT_ITEMS) -> QuerySet[Any]:
    """Published initiatives to choose from, as the public sees them: the ``limit`` most
    recently changed, and those in ``also`` if still published."""
    published = initiatives.initiative_list_for_user(user=AnonymousUser()).order_by(
        "-updated_at", "-id"
    )
    recent = list(published.values_list("pk", flat=True)[:limit])
    return published.filter(pk__in=[*recent, *also])


def _result_url(initiative: Any) -> str:
    """The initiative's public results page ("You said, we did"), else its own page."""
    try:
        return reverse("results:result_detail", kwargs={"pk": initiative.pk})
    except NoReverseMatch:
        return str(initiative.get_absolute_url())


def _priority_ids(obj: Any) -> list[int]:
    related = getattr(obj, "priorities", None)
    if related is None:
        return []
    return sorted(p.pk for p in related.all())


@dataclass
class IssueItem:
    kind: str
    title: str
    summary: str
    url: str
    priorities: list[int] = field(default_factory=list)


def issue_items(issue: NewsletterIssue) -> list[IssueItem]:
    """What the issue links to, as it would be sent now: its chosen live, public pages and
    its chosen initiatives that are still published. A sent issue gives what was sent."""
    if not issue.is_draft:
        return [IssueItem(**item) for item in issue.items]
    items: list[IssueItem] = []
    chosen = set(issue.pages.values_list("pk", flat=True))
    if chosen:
        pages = Page.objects.live().public().filter(pk__in=chosen).specific()
        for page in sorted(pages, key=lambda p: (p.first_published_at is None, p.pk)):
            items.append(
                IssueItem(
                    kind=str(page.specific_class._meta.verbose_name).capitalize(),
                    title=page.title,
                    summary=str(getattr(page, "summary", "") or page.search_description or ""),
                    url=page.get_url() or "",
                    priorities=_priority_ids(page),
                )
            )
    chosen_results = set(issue.initiatives.values_list("pk", flat=True))
    if chosen_results:
        public = initiatives.initiative_list_for_user(user=AnonymousUser()).filter(
            pk__in=chosen_results
        )
        for initiative in public.order_by("-updated_at", "-id"):
            items.append(
                IssueItem(
                    kind="Result",
                    title=initiative.title,
                    summary=initiative.public_summary,
                    url=_result_url(initiative),
                    priorities=_priority_ids(initiative),
                )
            )
    return items


def items_for_subscriber(items: Iterable[IssueItem], priority_ids: set[int]) -> list[IssueItem]:
    """The issue's items with those about the subscriber's chosen priorities first."""
    return sorted(items, key=lambda item: not (set(item.priorities) & priority_ids))


# --- issues ---------------------------------------------------------------------------------------


def issue_list() -> QuerySet[NewsletterIssue]:
    """Every issue, newest first, with how many were sent and not sent."""
    return NewsletterIssue.objects.select_related("created_by", "sent_by").annotate(
        delivered=Count("deliveries", filter=Q(deliveries__status=NewsletterDelivery.Status.SENT)),
        failed=Count("deliveries", filter=Q(deliveries__status=NewsletterDelivery.Status.FAILED)),
    )


def issue_get(*, pk: int) -> NewsletterIssue:
    """One issue with its counts; 404 if there is none."""
    issue = issue_list().filter(pk=pk).first()
    if issue is None:
        raise Http404
    return issue
