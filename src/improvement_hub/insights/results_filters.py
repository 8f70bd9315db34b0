"""The public results' filters: one definition for the page, its CSV and its JSON.

A filter whose value is not one of its choices is left out (the list is not narrowed); a
priority that does not exist narrows the list to nothing, as on the portfolio.
"""

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.http import QueryDict

from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.council import selectors as council
from improvement_hub.council.choices import ChangeScale
from improvement_hub.initiatives import selectors as initiatives

Q_MAX = 100


def _priority_choices() -> list[tuple[str, str]]:
    return [(p.slug, p.name) for p in council.priority_list()]


class ResultFilterForm(GovUKFormMixin, forms.Form):
    """The filters' form, with the site's wording and its refusal of control characters."""


class ResultFilterSet(django_filters.FilterSet):
    """Words, council priority, scale of change and stage of published initiatives. A value
    that is not one of a filter's choices is dropped: the list is not narrowed by it and
    its filter shows "Any", so an old bookmark still opens the page."""

    q = django_filters.CharFilter(label="Words", method="filter_words")
    priority = django_filters.ChoiceFilter(
        label="Council priority",
        choices=_priority_choices,
        method="filter_priority",
        empty_label="Any",
    )
    scale = django_filters.ChoiceFilter(
        label="Scale of change", choices=ChangeScale.choices, empty_label="Any"
    )
    stage = django_filters.ChoiceFilter(
        label="Stage", choices=initiatives.stage_choices, empty_label="Any"
    )

    class Meta:
        form = ResultFilterForm

    def __init__(
        self, data: QueryDict | None = None, queryset: QuerySet[Any] | None = None
    ) -> None:
        query = data.copy() if data is not None else QueryDict(mutable=True)
        super().__init__(query, queryset)
        refused = [name for name in self.form.errors if name in self.filters]
        if refused:
            for name in refused:
                query.pop(name, None)
            self.data = query
            del self._form

    def filter_words(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        words = value.strip()[:Q_MAX]
        if not words:
            return queryset
        return queryset.filter(Q(title__icontains=words) | Q(public_summary__icontains=words))

    def filter_priority(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(priorities__slug=value).distinct()

    @property
    def applied(self) -> dict[str, str]:
        """Each filter's value as applied ("" when left out), for the open data."""
        self.form.is_valid()
        cleaned = getattr(self.form, "cleaned_data", {})
        return {name: str(cleaned.get(name) or "") for name in self.filters}
