"""The portfolio's filters: one definition for its five pages, its export and the API list.

A filter whose value is not one of its choices is left out (the list is not narrowed), as a
person who edits the address by hand would expect; a priority or directorate that does not
exist narrows the list to nothing.
"""

from collections.abc import Mapping
from typing import Any

import django_filters
from django.db.models import Q, QuerySet

from improvement_hub.council.choices import ChangeScale
from improvement_hub.initiatives import permissions
from improvement_hub.initiatives.models import Initiative, Rag, Stage, Strand

Q_MAX = 100


class PortfolioFilterSet(django_filters.FilterSet):
    """Words, strand, scale, stage, council priority, directorate and (for council staff,
    who see the workings) the latest RAG rating."""

    q = django_filters.CharFilter(label="Words", method="filter_words")
    strand = django_filters.ChoiceFilter(label="Strand", choices=Strand.choices)
    scale = django_filters.ChoiceFilter(label="Scale", choices=ChangeScale.choices)
    stage = django_filters.ChoiceFilter(label="Stage", choices=Stage.choices)
    rag = django_filters.ChoiceFilter(
        label="Latest RAG", choices=Rag.choices, field_name="latest_rag"
    )
    priority = django_filters.CharFilter(
        label="Priority", help_text="A council priority's slug", method="filter_priority"
    )
    directorate = django_filters.CharFilter(
        label="Directorate", help_text="A directorate's slug", method="filter_directorate"
    )

    class Meta:
        model = Initiative
        fields: list[str] = []

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        queryset: QuerySet[Initiative] | None = None,
        *,
        user: Any = None,
    ) -> None:
        super().__init__(data, queryset)
        if not permissions.can_view_all_initiatives(user):
            # the RAG rating is part of the workings: filtering by it would tell the
            # public which published initiatives are in trouble
            del self.filters["rag"]

    def filter_words(
        self, queryset: QuerySet[Initiative], name: str, value: str
    ) -> QuerySet[Initiative]:
        words = value.strip()[:Q_MAX]
        if not words:
            return queryset
        return queryset.filter(Q(title__icontains=words) | Q(problem__icontains=words))

    def filter_priority(
        self, queryset: QuerySet[Initiative], name: str, value: str
    ) -> QuerySet[Initiative]:
        return queryset.filter(priorities__slug=value).distinct()

    def filter_directorate(
        self, queryset: QuerySet[Initiative], name: str, value: str
    ) -> QuerySet[Initiative]:
        touches = Q(directorates__slug=value) | Q(services__directorate__slug=value)
        return queryset.filter(touches).distinct()

    @property
    def choice_lists(self) -> dict[str, list[tuple[str, str]]]:
        """The choices of each filter that has them, for the filter form: ``strands``,
        ``scales``, ``stages`` and (for council staff) ``rags``."""
        return {
            f"{name}s": list(definition.extra["choices"])
            for name, definition in self.filters.items()
            if "choices" in definition.extra
        }

    @property
    def values(self) -> dict[str, str]:
        """Each filter's value as applied ("" when left out), for the filter form."""
        self.form.is_valid()  # a value that is not a choice is left out of cleaned_data
        cleaned = getattr(self.form, "cleaned_data", {})
        return {name: str(cleaned.get(name) or "") for name in self.filters}
