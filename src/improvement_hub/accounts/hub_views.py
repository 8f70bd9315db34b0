"""The Hub Team's people page: find a person, see and change their roles, line manager and
directorate."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from improvement_hub.accounts import permissions, selectors, services
from improvement_hub.accounts.filters import PeopleFilter
from improvement_hub.accounts.forms import DirectorateForm, LineManagerForm, RoleChangeForm
from improvement_hub.accounts.models import User
from improvement_hub.accounts.roles import ROLE_DESCRIPTIONS, Role
from improvement_hub.accounts.types import SignedInRequest
from improvement_hub.core.decorators import hidden_unless
from improvement_hub.core.forms import render_form, submit
from improvement_hub.core.pagination import page_of

PEOPLE_PER_PAGE = 25


@hidden_unless(permissions.can_manage_people)
@require_GET
def people_list(request: HttpRequest) -> HttpResponse:
    people = selectors.people_list(actor=request.user)
    filters = PeopleFilter(request.GET, queryset=people, request=request)
    page = page_of(request, filters.qs, PEOPLE_PER_PAGE)
    context = {"page": page, "filter_form": filters.form, "form": filters.form}
    return render(request, "account/people_list.html", context)


def _person_context(
    request: SignedInRequest,
    person: User,
    form: LineManagerForm | None = None,
    directorate_form: DirectorateForm | None = None,
) -> dict[str, object]:
    held = {group.name for group in person.groups.all()}
    roles = [
        {
            "role": role,
            "description": ROLE_DESCRIPTIONS[role],
            "held": role.value in held,
            "may_change": permissions.can_change_role(request.user, role),
        }
        for role in permissions.MANAGED_ROLES
    ]
    manager_email = person.line_manager.email if person.line_manager else ""
    return {
        "person": person,
        "roles": roles,
        "is_resident": Role.RESIDENT.value in held,
        "role_changes": selectors.person_role_change_list(person=person),
        "reports": selectors.person_report_list(person=person),
        "manager_form": form or LineManagerForm(initial={"line_manager": manager_email}),
        "directorate_form": directorate_form
        or DirectorateForm(initial={"directorate": person.directorate_id}),
        "directorate_changes": selectors.person_directorate_change_list(person=person),
        "form": form or directorate_form,
    }


@hidden_unless(permissions.can_manage_people)
@require_GET
def person_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    person = selectors.person_get_for_hub(actor=request.user, pk=pk)
    return render(request, "account/person_detail.html", _person_context(request, person))


@hidden_unless(permissions.can_manage_people)
@require_POST
def person_role_change(request: SignedInRequest, pk: int) -> HttpResponse:
    person = selectors.person_get_for_hub(actor=request.user, pk=pk)
    form = RoleChangeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a role to give or remove")
        return redirect("accounts:person_detail", pk=person.pk)
    role, grant = form.role_value(), form.grant()
    change = lambda: services.person_role_change(  # noqa: E731 - one service call
        actor=request.user, person=person, role=role, grant=grant
    )
    if submit(form, change) is None and form.errors:
        messages.error(request, " ".join(str(error) for error in form.non_field_errors()))
    else:
        done = "now has" if grant else "no longer has"
        messages.success(request, f"{person} {done} the {role} role")
    return redirect("accounts:person_detail", pk=person.pk)


@hidden_unless(permissions.can_manage_people)
@require_POST
def person_line_manager(request: SignedInRequest, pk: int) -> HttpResponse:
    person = selectors.person_get_for_hub(actor=request.user, pk=pk)
    form = LineManagerForm(request.POST)
    save = lambda: services.person_set_line_manager(  # noqa: E731 - one service call
        actor=request.user, person=person, line_manager=form.cleaned_data["line_manager"]
    )
    if form.is_valid() and submit(form, save) is not None:
        messages.success(request, "The line manager has been saved")
        return redirect("accounts:person_detail", pk=person.pk)
    context = _person_context(request, person, form)
    return render_form(request, "account/person_detail.html", context, form=form)


@hidden_unless(permissions.can_manage_people)
@require_POST
def person_directorate(request: SignedInRequest, pk: int) -> HttpResponse:
    """Sets the directorate the person works in; the change is in the audit log."""
    person = selectors.person_get_for_hub(actor=request.user, pk=pk)
    form = DirectorateForm(request.POST)
    save = lambda: services.person_set_directorate(  # noqa: E731 - one service call
        actor=request.user, person=person, directorate=form.cleaned_data["directorate"]
    )
    if form.is_valid() and submit(form, save) is not None:
        messages.success(request, "The directorate has been saved")
        return redirect(f"{reverse('accounts:person_detail', args=[person.pk])}#directorate")
    context = _person_context(request, person, directorate_form=form)
    return render_form(request, "account/person_detail.html", context, form=form)
