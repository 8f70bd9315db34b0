"""The catalogue's one filter definition, shared by the page and the API list."""

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.http import QueryDict

from improvement_hub.academy.models import Audience, Course, Format, Level
from improvement_hub.academy.selectors import method_list_taught
from improvement_hub.core.forms import GovUKFormMixin

AUDIENCE_FIELDS = {
    Audience.STAFF: "for_staff",
    Audience.MANAGERS: "for_managers",
    Audience.LEADERS: "for_leaders",
    Audience.PARTNERS: "for_partners",
}


class CatalogueFilterForm(GovUKFormMixin, forms.Form):
    """The filters' form, with the site's wording."""


class CatalogueFilter(django_filters.FilterSet):
    """Level, format, method taught and audience. A value that names nothing offered is
    ignored, so an old bookmark still opens the catalogue."""

    level = django_filters.ChoiceFilter(label="Level", choices=Level.choices, empty_label="Any")
    format = django_filters.ChoiceFilter(label="Format", choices=Format.choices, empty_label="Any")
    method = django_filters.ModelChoiceFilter(
        label="Method taught",
        queryset=lambda request: method_list_taught(),
        to_field_name="slug",
        empty_label="Any",
        method="filter_method",
    )
    audience = django_filters.ChoiceFilter(
        label="For", choices=Audience.choices, empty_label="Anyone", method="filter_audience"
    )

    class Meta:
        model = Course
        fields = ["level", "format", "method", "audience"]
        form = CatalogueFilterForm

    def __init__(self, data: QueryDict | None = None, *args: Any, **kwargs: Any) -> None:
        query = data.copy() if data is not None else QueryDict(mutable=True)
        super().__init__(query, *args, **kwargs)
        refused = [name for name in self.form.errors if name in self.filters]
        if refused:
            for name in refused:
                query.pop(name, None)
            self.data = query
            del self._form

    def filter_method(self, queryset: QuerySet[Course], name: str, value: Any) -> QuerySet[Course]:
        through = Course.methods.through.objects.filter(method=value)
        return queryset.filter(id__in=through.values("course_id"))

    def filter_audience(
        self, queryset: QuerySet[Course], name: str, value: str
    ) -> QuerySet[Course]:
        return queryset.filter(**{AUDIENCE_FIELDS[Audience(value)]: True})
