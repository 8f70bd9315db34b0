"""Pages for training requirements: add one with a Change Academy course, change one, and
schedule a session for one in a single step (the Hub Team)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect

from improvement_hub.academy import permissions as academy_permissions
from improvement_hub.accounts.types import SignedInRequest
from improvement_hub.core.decorators import hidden_unless
from improvement_hub.core.forms import render_form, submit
from improvement_hub.initiatives import permissions, selectors, training
from improvement_hub.initiatives.training_forms import RequirementForm, SessionForm


@hidden_unless(lambda user: user.is_authenticated)
def requirement_add(request: SignedInRequest, pk: int) -> HttpResponse:
    initiative = selectors.initiative_get_for_editor(user=request.user, pk=pk)
    data = request.POST if request.method == "POST" else None
    form = RequirementForm(data, initiative=initiative, actor=request.user)
    if form.is_bound and form.is_valid():
        add = lambda: training.requirement_create(  # noqa: E731
            actor=request.user, initiative=initiative, data=form.requirement_data()
        )
        if submit(form, add):
            messages.success(request, "The training requirement is added")
            return redirect(f"{initiative.get_absolute_url()}#training")
    context = {"form": form, "initiative": initiative}
    return render_form(request, "initiatives/training_requirement_form.html", context)


@hidden_unless(lambda user: user.is_authenticated)
def requirement_edit(request: SignedInRequest, pk: int, requirement_pk: int) -> HttpResponse:
    """Change a requirement's course or pathway, who, how many and needed by; the gap
    figures follow. The initiative's team and the Hub Team; others get 404."""
    initiative = selectors.initiative_get_for_editor(user=request.user, pk=pk)
    requirement = training.requirement_get_for_editor(initiative=initiative, pk=requirement_pk)
    data = request.POST if request.method == "POST" else None
    form = RequirementForm(
        data,
        initiative=initiative,
        actor=request.user,
        initial=RequirementForm.initial_for(requirement),
    )
    if form.is_bound and form.is_valid():
        change = lambda: training.requirement_update(  # noqa: E731
            actor=request.user, requirement=requirement, data=form.requirement_data()
        )
        if submit(form, change):
            messages.success(request, "The training requirement is changed")
            return redirect(f"{initiative.get_absolute_url()}#training")
    context = {
        "form": form,
        "initiative": initiative,
        "requirement": requirement,
        "changes": training.requirement_change_list(requirement=requirement),
    }
    return render_form(request, "initiatives/training_requirement_form.html", context)


@hidden_unless(academy_permissions.can_manage_academy)
def requirement_schedule(request: SignedInRequest, pk: int, requirement_pk: int) -> HttpResponse:
    initiative = selectors.initiative_get_for_user(user=request.user, pk=pk)
    requirement = next(
        (
            r.requirement
            for r in training.initiative_training(initiative=initiative)
            if r.requirement.pk == requirement_pk and r.requirement.course_id
        ),
        None,
    )
    if requirement is None or not permissions.can_view_initiative(request.user, initiative):
        raise Http404
    form = SessionForm(request.POST if request.method == "POST" else None, actor=request.user)
    if form.is_bound and form.is_valid():
        schedule = lambda: training.requirement_schedule_session(  # noqa: E731
            actor=request.user, requirement=requirement, data=form.session_data()
        )
        if submit(form, schedule):
            messages.success(request, "The session is scheduled and the people are booked")
            return redirect(f"{initiative.get_absolute_url()}#training")
    context = {"form": form, "initiative": initiative, "requirement": requirement}
    return render_form(request, "initiatives/training_schedule_form.html", context)
