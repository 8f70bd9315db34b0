"""The Hub Team's Academy pages: sessions, the register (also for trainers), the
capability matrix and reports."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from improvement_hub.academy import permissions, selectors, services
from improvement_hub.academy.forms import AttendanceForm, SessionForm
from improvement_hub.accounts.types import SignedInRequest
from improvement_hub.core.decorators import hidden_unless
from improvement_hub.core.forms import render_form, submit
from improvement_hub.core.spreadsheets import csv_response, xlsx_response


@hidden_unless(permissions.can_manage_academy)
def manage(request: HttpRequest) -> HttpResponse:
    context = {
        "sessions": selectors.hub_sessions(),
        "demand": selectors.waitlist_demand(),
        "courses": selectors.course_list_for_user(request.user),
        "pathways": [
            (pathway, selectors.pathway_progress_people(pathway=pathway))
            for pathway in selectors.pathway_list_published()
        ],
        "by_directorate": selectors.attendance_by(by="directorate"),
        "by_priority": selectors.attendance_by(by="priority"),
        "measures": selectors.GROUP_MEASURES,
    }
    return render(request, "academy/manage.html", context)


@hidden_unless(permissions.can_manage_academy)
def session_new(request: SignedInRequest, slug: str) -> HttpResponse:
    course = selectors.course_get_for_user(user=request.user, slug=slug)
    form = SessionForm(request.POST if request.method == "POST" else None, actor=request.user)
    if form.is_bound and form.is_valid():
        create = lambda: services.session_create(  # noqa: E731
            actor=request.user, course=course, data=form.session_data()
        )
        if session := submit(form, create):
            messages.success(request, "The session is scheduled")
            return redirect(session)
    return render_form(request, "academy/session_form.html", {"form": form, "course": course})


@hidden_unless(permissions.can_manage_academy)
def session_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    """Change a session; everyone booked is sent the change for their calendar."""
    session = selectors.session_get_for_user(user=request.user, pk=pk)
    data = request.POST if request.method == "POST" else None
    venue = selectors.session_venue(session)
    form = SessionForm(
        data,
        actor=request.user,
        initial=selectors.session_initial(session),
        current_space=venue.space if venue else None,
    )
    if form.is_bound and form.is_valid():
        change = lambda: services.session_change(  # noqa: E731
            actor=request.user, session=session, data=form.session_data()
        )
        if submit(form, change):
            messages.success(
                request, "The session is changed and everyone booked or waiting is told"
            )
            return redirect(session)
    context = {"form": form, "course": session.course, "session": session}
    return render_form(request, "academy/session_form.html", context)


@hidden_unless(permissions.can_use_learning)
def register(request: SignedInRequest, pk: int) -> HttpResponse:
    """The register: the trainers and the Hub Team mark it; ``?print=1`` to print."""
    session, enrolments = selectors.register_for_session(user=request.user, pk=pk)
    context = {
        "session": session,
        "enrolments": enrolments,
        "form": AttendanceForm(),
        "feedback": selectors.feedback_summary(sessions=[session]),
        "printable": request.GET.get("print") == "1",
    }
    return render(request, "academy/register.html", context)


@hidden_unless(permissions.can_use_learning)
@require_POST
def register_mark(request: SignedInRequest, pk: int, enrolment_id: int) -> HttpResponse:
    session, enrolments = selectors.register_for_session(user=request.user, pk=pk)
    enrolment = next((e for e in enrolments if e.pk == enrolment_id), None)
    form = AttendanceForm(request.POST)
    if enrolment is not None and form.is_valid():
        mark = form.cleaned_data["attendance"]
        if submit(
            form,
            lambda: services.register_mark(
                actor=request.user, enrolment=enrolment, attendance=mark
            ),
        ):
            messages.success(
                request, f"Marked {enrolment.person.get_full_name() or enrolment.person.email}"
            )
            return redirect("academy:register", pk=pk)
    error = " ".join(str(m) for errors in form.errors.values() for m in errors) or "Select a mark"
    messages.error(request, error)
    return redirect("academy:register", pk=pk)


@hidden_unless(permissions.can_manage_academy)
@require_POST
def waitlist_promote(request: SignedInRequest, pk: int) -> HttpResponse:
    session = selectors.session_get_for_user(user=request.user, pk=pk)
    try:
        promoted = services.waitlist_promote(actor=request.user, session=session)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(session)
    if promoted is None:
        messages.error(request, "There is no free place or nobody is waiting")
    else:
        messages.success(request, "The first person on the waiting list has the place")
    return redirect(session)


@hidden_unless(permissions.can_manage_academy)
@require_POST
def session_cancel(request: SignedInRequest, pk: int) -> HttpResponse:
    session = selectors.session_get_for_user(user=request.user, pk=pk)
    try:
        told = services.session_cancel(actor=request.user, session=session)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"The session is cancelled and {told} people are told")
    return redirect(session)


@hidden_unless(permissions.can_manage_academy)
def matrix(request: HttpRequest) -> HttpResponse:
    """The capability matrix per person, team (a line manager's staff) or directorate."""
    by = request.GET.get("by", "person")
    by = by if by in selectors.MATRIX_VIEWS else "person"
    skills, rows = selectors.capability_matrix(by=by)
    context = {
        "skills": skills,
        "rows": rows,
        "levels": dict(selectors.Skill.LEVELS),
        "by": by,
        "views": selectors.MATRIX_VIEWS,
    }
    return render(request, "academy/matrix.html", context)


@hidden_unless(permissions.can_manage_academy)
def report(request: HttpRequest, fmt: str) -> HttpResponse:
    """Attendance, completion, no-shows and waiting-list demand per course, or with
    ``?by=directorate`` or ``?by=priority`` per directorate or council priority."""
    by = request.GET.get("by", "course")
    by = by if by in selectors.REPORT_VIEWS else "course"
    headers, rows = selectors.report_table(by=by)
    name = "academy-report" if by == "course" else f"academy-report-by-{by}"
    if fmt == "xlsx":
        sheet = selectors.REPORT_VIEWS[by]
        return xlsx_response(filename=f"{name}.xlsx", sheet=sheet, headers=headers, rows=rows)
    return csv_response(filename=f"{name}.csv", headers=headers, rows=rows)  # type: ignore[return-value]  # a streamed download
