"""The one definition of the people page's filters: the page's form and its query."""

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from improvement_hub.accounts.models import User
from improvement_hub.accounts.roles import Role
from improvement_hub.core.forms import GovUKFormMixin

SEARCH_MAX_LENGTH = 100
# More words than this in a search are ignored: nobody's name and email need more.
SEARCH_MAX_WORDS = 6


class PeopleFilterForm(GovUKFormMixin, forms.Form):
    """The filters' form, with the site's wording and its refusal of control characters."""


class PeopleFilter(django_filters.FilterSet):
    """Finds people by name or email address (every word must match one of them) and by
    role. A search that is too long or holds control characters is refused with a message
    and the list is shown unfiltered by it."""

    q = django_filters.CharFilter(
        label="Name or email address",
        method="filter_search",
        max_length=SEARCH_MAX_LENGTH,
    )
    role = django_filters.ChoiceFilter(
        label="Role",
        choices=[(role.value, role.value) for role in Role],
        empty_label="Any",
        method="filter_role",
    )

    class Meta:
        model = User
        fields = ["q", "role"]
        form = PeopleFilterForm

    def filter_search(self, queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
        for word in value.split()[:SEARCH_MAX_WORDS]:
            queryset = queryset.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
            )
        return queryset

    def filter_role(self, queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
        in_role = User.objects.filter(groups__name=value).values("pk")
        return queryset.filter(pk__in=in_role)
