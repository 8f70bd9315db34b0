"""The decision register's one filter definition: the page, the API list and the PDF links."""

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.http import QueryDict

from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.partnership import selectors
from improvement_hub.partnership.models import Decision

SEARCH_MAX = 200


class DecisionFilterForm(GovUKFormMixin, forms.Form):
    """The filters' form, with the site's wording and its refusal of control characters."""


class DecisionFilter(django_filters.FilterSet):
    """Search, dates signed, delegation and officer. A value that names nothing (a bad date,
    an unknown delegation) is ignored, as if it had not been given."""

    q = django_filters.CharFilter(label="Search", method="filter_q", max_length=SEARCH_MAX)
    signed_from = django_filters.DateFilter(
        label="Signed from",
        field_name="signed_on",
        lookup_expr="gte",
        help_text="For example, 1/11/2016",
    )
    signed_to = django_filters.DateFilter(
        label="Signed to",
        field_name="signed_on",
        lookup_expr="lte",
        help_text="For example, 31/12/2016",
    )
    delegation = django_filters.ChoiceFilter(
        label="Delegation",
        choices=lambda: _delegation_choices(),
        empty_label="Any",
        field_name="delegation__slug",
    )
    officer = django_filters.ChoiceFilter(
        label="Officer",
        choices=lambda: [(name, name) for name in selectors.decision_officers()],
        empty_label="Any",
        field_name="decision_maker",
    )

    class Meta:
        model = Decision
        fields = ["q", "signed_from", "signed_to", "delegation", "officer"]
        form = DecisionFilterForm

    def __init__(self, data: QueryDict | None = None, *args: Any, **kwargs: Any) -> None:
        query = data.copy() if data is not None else QueryDict(mutable=True)
        super().__init__(query, *args, **kwargs)
        refused = [name for name in self.form.errors if name in self.filters]
        if refused:
            for name in refused:
                query.pop(name, None)
            self.data = query
            del self._form

    def filter_q(self, queryset: QuerySet[Decision], name: str, value: str) -> QuerySet[Decision]:
        words = value.split()[:10]
        for word in words:
            queryset = queryset.filter(Q(subject__icontains=word) | Q(outline__icontains=word))
        return queryset


def _delegation_choices() -> list[tuple[str, str]]:
    return [(d.slug, d.name) for d in selectors.delegation_list_in_force()]
