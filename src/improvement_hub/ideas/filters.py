"""The one definition of the ideas list's filters: their names, labels, choices and
validation. The list page renders its form, the API's query schema is generated from it
(``ideas/api.py``), and the exports and the review queue bind it to the same query string,
so the page, the API and the exports always list the same ideas.

A value the form refuses (an unknown slug, a search too long) is ignored, everywhere
alike: the other filters still apply, and the page shows the form's message.
"""

import json
from collections.abc import Callable, Mapping
from functools import cache, partial
from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet

from improvement_hub.accounts.selectors import hub_team_member_choices
from improvement_hub.core import page_cache
from improvement_hub.core.forms import form_render_key
from improvement_hub.core.search import query_id
from improvement_hub.council.choices import ChangeScale
from improvement_hub.council.selectors import directorate_list, priority_list_active
from improvement_hub.ideas.models import Campaign, Idea, IdeaStatus

SORTS = {
    "newest": "Newest",
    "supported": "Most supported",
    "trending": "Trending",
    "discussed": "Most discussed",
    "random": "Random order",
}
SEARCH_MAX = 200
# Parameters that change the order of the list, not which ideas are in it.
ORDER_ONLY = frozenset({"q", "sort"})
NOBODY = "none"


class IdeaFilterForm(forms.Form):
    """The form django-filter builds the fields on. Never shown with a required field."""

    @property
    def render_key(self) -> str:
        """A digest of everything the rendered form shows, for the list template to cache
        the rendering (``core.forms.form_render_key``)."""
        return form_render_key(self)


def _once(load: Callable[[], list[tuple[str, str]]]) -> Callable[[], list[tuple[str, str]]]:
    """Choices read from the database at most once per filter set, and only if a value is
    checked or the form is rendered (an API call with no filters reads none)."""
    return cache(load)


class IdeaFilter(django_filters.FilterSet):
    """Public ideas by priority, directorate, status, open question and scale. ``q`` and
    ``sort`` filter no rows: ``selectors.idea_list`` reads them as ``search`` and ``order``."""

    q = django_filters.CharFilter(label="Search ideas", max_length=SEARCH_MAX, method="_as_is")
    priority = django_filters.ChoiceFilter(label="Priority", empty_label="Any", method="_priority")
    directorate = django_filters.ChoiceFilter(
        label="Directorate", empty_label="Any", method="_directorate"
    )
    status = django_filters.ChoiceFilter(label="Status", empty_label="Any", method="_status")
    campaign = django_filters.ChoiceFilter(label="Campaign", empty_label="Any", method="_campaign")
    scale = django_filters.ChoiceFilter(
        label="Scale of change", empty_label="Any", choices=ChangeScale.choices
    )
    sort = django_filters.ChoiceFilter(
        label="Sort by", empty_label=None, choices=list(SORTS.items()), method="_as_is"
    )

    class Meta:
        model = Idea
        fields: list[str] = []
        form = IdeaFilterForm

    def __init__(
        self, data: Mapping[str, Any] | None = None, queryset: QuerySet[Idea] | None = None
    ) -> None:
        super().__init__(
            data or None, queryset=Idea.objects.public() if queryset is None else queryset
        )
        choices = {
            "priority": lambda: [(p.slug, p.name) for p in priority_list_active()],
            "directorate": lambda: [(d.slug, d.name) for d in directorate_list()],
            "status": lambda: [
                (s.slug, s.name) for s in IdeaStatus.objects.exclude(slug=IdeaStatus.MERGED)
            ],
            "campaign": lambda: [(c.slug, c.title) for c in Campaign.objects.order_by("-opens_at")],
        }
        for name, load in choices.items():
            # The same for everyone, and changed only in the admin (which bumps the site
            # version): one cache read instead of a query per list.
            shared = partial(page_cache.site_cached, f"ideas:filter-choices:{name}", load)
            self.filters[name].extra["choices"] = _once(shared)

    # Each filter is on a column of ``Idea`` that is indexed as a modelsearch
    # ``FilterField`` (``status_id``, ``id``...), compared with a subquery on the slug: the
    # search backends refuse filters across relations (``status__slug``), and a subquery
    # keeps the number of queries the same with or without words to search for.

    def _as_is(self, queryset: QuerySet[Idea], name: str, value: str) -> QuerySet[Idea]:
        return queryset

    def _priority(self, queryset: QuerySet[Idea], name: str, value: str) -> QuerySet[Idea]:
        through = Idea.priorities.through.objects.filter(priority__slug=value)
        return queryset.filter(id__in=through.values("idea_id"))

    def _directorate(self, queryset: QuerySet[Idea], name: str, value: str) -> QuerySet[Idea]:
        return queryset.filter(
            directorate_id__in=directorate_list().filter(slug=value).values("id")
        )

    def _status(self, queryset: QuerySet[Idea], name: str, value: str) -> QuerySet[Idea]:
        return queryset.filter(status_id__in=IdeaStatus.objects.filter(slug=value).values("id"))

    def _campaign(self, queryset: QuerySet[Idea], name: str, value: str) -> QuerySet[Idea]:
        return queryset.filter(campaign_id__in=Campaign.objects.filter(slug=value).values("id"))

    def value(self, name: str) -> str:
        """A filter's valid value ("" if none was given, or the form refused it)."""
        self.is_valid()
        value = self.form.cleaned_data.get(name) if hasattr(self.form, "cleaned_data") else ""
        return value.strip() if isinstance(value, str) else ""

    @property
    def search(self) -> str:
        return self.value("q") if "q" in self.filters else ""

    @property
    def order(self) -> str:
        return (self.value("sort") if "sort" in self.filters else "") or "newest"

    def membership_key(self) -> str:
        """The valid values that change which ideas match (not their order)."""
        wanted = {name: self.value(name) for name in sorted(self.filters) if name not in ORDER_ONLY}
        return json.dumps(wanted, sort_keys=True)


class ReviewQueueFilter(IdeaFilter):
    """The review queue's filters: the list's, without search, sort and status (every
    idea in the queue is waiting), and with who it is assigned to."""

    assignee = django_filters.ChoiceFilter(
        label="Assigned to", empty_label="Anyone", method="_assignee"
    )

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        super().__init__(data)
        for name in ("q", "sort", "status"):
            del self.filters[name]
        self.filters["assignee"].extra["choices"] = _once(
            lambda: [(NOBODY, "Nobody"), *hub_team_member_choices()]
        )

    def _assignee(self, queryset: QuerySet[Idea], name: str, value: str) -> QuerySet[Idea]:
        if value == NOBODY:
            return queryset.filter(assignee__isnull=True)
        return queryset.filter(assignee_id=query_id(value))
