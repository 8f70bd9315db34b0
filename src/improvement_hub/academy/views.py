"""Pages of the Change Academy: the public catalogue, courses, pathways and sessions;
booking and cancelling (no JavaScript needed); "My learning" and its parts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from improvement_hub.academy import certificates, permissions, selectors, services
from improvement_hub.academy.calendar import feed_ics
from improvement_hub.academy.filters import CatalogueFilter
from improvement_hub.academy.forms import (
    BookForForm,
    EvidenceForm,
    FeedbackForm,
    SelfAssessmentForm,
)
from improvement_hub.academy.models import Enrolment, PathwayStep
from improvement_hub.accounts.types import SignedInRequest
from improvement_hub.core.decorators import hidden_unless
from improvement_hub.core.forms import render_form, submit
from improvement_hub.core.pagination import page_of


def course_list(request: HttpRequest) -> HttpResponse:
    """The catalogue, with its filters; then the pathways."""
    courses = selectors.course_list_for_user(request.user)
    filters = CatalogueFilter(request.GET, queryset=courses, request=request)
    context = {
        "page": page_of(request, filters.qs, 20),
        "filter_form": filters.form,
        "pathways": selectors.pathway_list_published(),
        "can_manage": permissions.can_manage_academy(request.user),
    }
    return render(request, "academy/course_list.html", context)


def course_detail(request: HttpRequest, slug: str) -> HttpResponse:
    course = selectors.course_get_for_user(user=request.user, slug=slug)
    can_manage = permissions.can_manage_academy(request.user)
    context = {
        "course": course,
        "sessions": selectors.session_list_for_course(course=course),
        "can_book": permissions.can_book_course(request.user, course),
        "can_manage": can_manage,
        "feedback": selectors.feedback_summary(sessions=course.sessions.all())
        if can_manage
        else None,
    }
    return render(request, "academy/course_detail.html", context)


def pathway_detail(request: HttpRequest, slug: str) -> HttpResponse:
    pathway = selectors.pathway_get_public(slug=slug)
    progress = None
    if permissions.can_use_learning(request.user):
        progress = selectors.pathway_progress_for(person=request.user, pathways=[pathway])[0]  # type: ignore[arg-type]  # signed in: can_use_learning
    return render(
        request, "academy/pathway_detail.html", {"pathway": pathway, "progress": progress}
    )


def _session_context(request: HttpRequest, session_id: int, **extra: object) -> dict[str, object]:
    session = selectors.session_get_for_user(user=request.user, pk=session_id)
    mine = selectors.enrolment_live(person=request.user, session=session)
    people = selectors.reports_for_booking(manager=request.user, course=session.course)
    return {
        "session": session,
        "mine": mine,
        "position": services.waitlist_position(mine) if mine else None,
        "can_book": permissions.can_book_course(request.user, session.course),
        "can_register": permissions.can_mark_register(request.user, session),
        "can_manage": permissions.can_manage_academy(request.user),
        "book_for_form": BookForForm(people=people) if people else None,
        **extra,
    }


def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "academy/session_detail.html", _session_context(request, pk))


@login_required
@require_POST
def session_book(request: SignedInRequest, pk: int) -> HttpResponse:
    """Books a place for the signed-in person, or for one of their staff."""
    session = selectors.session_get_for_user(user=request.user, pk=pk)
    person = None
    if "person" in request.POST:
        people = selectors.reports_for_booking(manager=request.user, course=session.course)
        form = BookForForm(request.POST, people=people)
        if not form.is_valid():
            context = _session_context(request, pk, book_for_form=form, form=form)
            return render_form(request, "academy/session_detail.html", context)
        person = form.chosen()
    try:
        enrolment = services.booking_create(actor=request.user, session=session, person=person)
    except services.AlreadyBooked as conflict:
        messages.error(request, conflict.message)
        return redirect(session)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(session)
    messages.success(request, _booked_message(enrolment, yours=person is None))
    return redirect(session)


def _booked_message(enrolment: Enrolment, *, yours: bool) -> str:
    who = "You are" if yours else f"{enrolment.person.get_full_name() or 'They'} is"
    if enrolment.status == Enrolment.Status.BOOKED:
        return f"{who} booked on this session"
    if enrolment.status == Enrolment.Status.WAITLISTED:
        return f"{who} number {services.waitlist_position(enrolment)} on the waiting list"
    return f"{who} booked once their line manager approves"


@login_required
@require_POST
def booking_cancel(request: SignedInRequest, pk: int) -> HttpResponse:
    enrolment = selectors.enrolment_get_for_user(user=request.user, pk=pk)
    try:
        services.booking_cancel(actor=request.user, enrolment=enrolment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The booking is cancelled")
    return redirect(request.POST.get("next") == "my" and "academy:my_learning" or enrolment.session)


@login_required
@require_POST
def booking_approve(request: SignedInRequest, pk: int) -> HttpResponse:
    enrolment = selectors.enrolment_get_for_user(user=request.user, pk=pk)
    try:
        services.booking_approve(actor=request.user, enrolment=enrolment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Booking approved")
    return redirect("academy:my_learning")


@hidden_unless(permissions.can_use_learning)
def my_learning(request: SignedInRequest) -> HttpResponse:
    mine = selectors.my_learning(person=request.user)
    feed_url = None
    if mine.feed is not None:
        feed_url = request.build_absolute_uri(
            reverse("academy:calendar_feed_ics", kwargs={"token": mine.feed.token})
        )
    return render(request, "academy/my_learning.html", {"mine": mine, "feed_url": feed_url})


@hidden_unless(permissions.can_use_learning)
@require_POST
def calendar_feed(request: SignedInRequest) -> HttpResponse:
    """Makes a new calendar link (the old one stops working), or turns it off."""
    if request.POST.get("action") == "revoke":
        services.calendar_feed_revoke(actor=request.user)
        messages.success(request, "Your calendar link is turned off")
    else:
        services.calendar_feed_renew(actor=request.user)
        messages.success(request, "Your new calendar link is ready")
    return redirect("academy:my_learning")


def calendar_feed_ics(request: HttpRequest, token: str) -> HttpResponse:
    enrolments = selectors.calendar_feed_enrolments(token=token)
    if enrolments is None:
        raise Http404
    response = HttpResponse(feed_ics(enrolments), content_type="text/calendar; charset=utf-8")
    response["Referrer-Policy"] = "no-referrer"
    return response


@hidden_unless(permissions.can_use_learning)
def self_assessment(request: SignedInRequest) -> HttpResponse:
    mine = selectors.my_learning(person=request.user)
    data = request.POST if request.method == "POST" else None
    form = SelfAssessmentForm(data, skills=mine.skills, current=mine.assessments)
    if form.is_bound and form.is_valid():
        if submit(
            form, lambda: services.self_assessment_save(actor=request.user, levels=form.levels())
        ):
            messages.success(request, "Your self-assessment is saved")
            return redirect("academy:my_learning")
    return render_form(request, "academy/self_assessment.html", {"form": form})


@login_required
def feedback(request: SignedInRequest, pk: int) -> HttpResponse:
    enrolment = selectors.enrolment_get_for_user(user=request.user, pk=pk)
    if enrolment.person_id != request.user.pk:
        raise Http404
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        done = submit(
            form,
            lambda: services.feedback_give(
                actor=request.user, enrolment=enrolment, data=form.feedback_data()
            ),
        )
        if done:
            messages.success(request, "Thank you for your feedback")
            return redirect("academy:my_learning")
    return render_form(
        request, "academy/feedback_form.html", {"form": form, "enrolment": enrolment}
    )


@hidden_unless(permissions.can_use_learning)
def step_evidence(request: SignedInRequest, slug: str, step_id: int) -> HttpResponse:
    pathway = selectors.pathway_get_public(slug=slug)
    step = next((s for s in pathway.steps.all() if s.pk == step_id), None)
    if step is None or step.kind != PathwayStep.Kind.PRACTICE:
        raise Http404
    form = EvidenceForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        add = lambda: services.step_evidence_add(actor=request.user, step=step, **form.cleaned_data)  # noqa: E731
        if submit(form, add):
            messages.success(request, "Your evidence is recorded")
            return redirect(pathway)
    return render_form(
        request, "academy/evidence_form.html", {"form": form, "pathway": pathway, "step": step}
    )


@login_required
def certificate_pdf(request: SignedInRequest, reference: str) -> HttpResponse:
    certificate = selectors.certificate_get_for_user(user=request.user, reference=reference)
    response = HttpResponse(
        certificates.certificate_pdf(certificate, request), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.reference}.pdf"'
    return response


@hidden_unless(permissions.can_use_learning)
def pathway_credential(request: SignedInRequest, slug: str) -> HttpResponse:
    """The Open Badges 3.0 credential for a completed pathway (404 until it is complete)."""
    pathway = selectors.pathway_get_public(slug=slug)
    progress = selectors.pathway_progress_for(person=request.user, pathways=[pathway])[0]
    if not progress.complete:
        raise Http404
    body = certificates.pathway_credential_json(
        person=request.user, progress=progress, request=request
    )
    response = HttpResponse(body, content_type="application/ld+json")
    response["Content-Disposition"] = f'attachment; filename="{pathway.slug}-credential.json"'
    return response


@hidden_unless(permissions.can_use_learning)
def learning_visits(request: HttpRequest) -> HttpResponse:
    """Visits to other labs: who went, what they learnt, what we will adopt (staff only:
    it names people)."""
    page = page_of(request, selectors.learning_visit_list(), 20)
    return render(request, "academy/learning_visits.html", {"page": page})
