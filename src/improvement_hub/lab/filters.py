"""The one definition of the triage inbox's filters: the page's form and its query."""

from functools import cache
from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils import timezone

from improvement_hub.accounts.selectors import hub_team_member_choices
from improvement_hub.core.forms import GovUKFormMixin
from improvement_hub.council.selectors import priority_choices_active, service_choices_active
from improvement_hub.lab.models import OPEN_STATUSES, Referral, ReferralStatus

OPEN, ALL = "open", "all"
STATUS_CHOICES = [(OPEN, "Open"), (ALL, "All"), *ReferralStatus.choices]
OVERDUE = "overdue"
NOBODY = "none"


class InboxFilterForm(GovUKFormMixin, forms.Form):
    """The filters' form, with the site's wording and its refusal of control characters."""


def _assignee_choices() -> list[tuple[str, str]]:
    return [(NOBODY, "Nobody"), *hub_team_member_choices()]


class InboxFilter(django_filters.FilterSet):
    """Filters the inbox's referrals. Open referrals unless another status is asked for.

    A value that names nothing the filters offer (an id too large for the database, an
    unknown or malformed slug, a status that does not exist) is ignored: the list is
    shown as if it had not been given, and its filter shows "Any" (or, for the status,
    "Open"). A bookmark to a service that was since retired still opens the inbox."""

    status = django_filters.ChoiceFilter(
        label="Status", choices=STATUS_CHOICES, empty_label=None, method="filter_status"
    )
    age = django_filters.ChoiceFilter(
        label="Targets", choices=[(OVERDUE, "Overdue")], empty_label="Any", method="filter_age"
    )
    # The choices are read once per change (``council.selectors``), not on every page.
    service = django_filters.ChoiceFilter(
        label="Service", choices=service_choices_active, empty_label="Any", method="filter_service"
    )
    priority = django_filters.ChoiceFilter(
        label="Priority",
        choices=priority_choices_active,
        empty_label="Any",
        method="filter_priority",
    )
    assignee = django_filters.ChoiceFilter(
        label="Assigned to",
        choices=[],  # set per filter set (``__init__``)
        empty_label="Anyone",
        method="filter_assignee",
    )

    class Meta:
        model = Referral
        fields = ["status", "age", "service", "priority", "assignee"]
        form = InboxFilterForm

    def __init__(self, data: QueryDict | None = None, *args: Any, **kwargs: Any) -> None:
        query = data.copy() if data is not None else QueryDict(mutable=True)
        query.setdefault("status", OPEN)
        super().__init__(query, *args, **kwargs)
        # Read once per filter set, whether checked, rendered or both.
        self.filters["assignee"].extra["choices"] = cache(_assignee_choices)
        refused = [name for name in self.form.errors if name in self.filters]
        if refused:
            for name in refused:
                query.pop(name, None)
            query.setdefault("status", OPEN)
            self.data = query
            del self._form

    def filter_status(
        self, queryset: QuerySet[Referral], name: str, value: str
    ) -> QuerySet[Referral]:
        if value == OPEN:
            return queryset.filter(status__in=OPEN_STATUSES)
        if value == ALL:
            return queryset
        return queryset.filter(status=value)

    def filter_age(self, queryset: QuerySet[Referral], name: str, value: str) -> QuerySet[Referral]:
        today = timezone.localdate()
        return queryset.filter(
            Q(decide_by__lt=today) | Q(acknowledged_at__isnull=True, acknowledge_by__lt=today),
            status__in=OPEN_STATUSES,
        )

    def filter_assignee(
        self, queryset: QuerySet[Referral], name: str, value: str
    ) -> QuerySet[Referral]:
        if value == NOBODY:
            return queryset.filter(assignee__isnull=True)
        return queryset.filter(assignee_id=int(value))

    # Subqueries, not joins: a join on the many-to-many made PostgreSQL sort every match.
    def filter_service(
        self, queryset: QuerySet[Referral], name: str, value: str
    ) -> QuerySet[Referral]:
        through = Referral.services.through.objects.filter(service__slug=value)
        return queryset.filter(id__in=through.values("referral_id"))

    def filter_priority(
        self, queryset: QuerySet[Referral], name: str, value: str
    ) -> QuerySet[Referral]:
        through = Referral.priorities.through.objects.filter(priority__slug=value)
        return queryset.filter(id__in=through.values("referral_id"))
