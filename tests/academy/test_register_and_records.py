"""The register gives learning records and certificates (a real PDF); feedback; the
Open Badges credential for a completed pathway; reports."""

import io
import json
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from openpyxl import load_workbook
from pypdf import PdfReader

from improvement_hub.academy import services
from improvement_hub.academy.models import Enrolment, LearningVisit, Pathway, PathwayStep
from improvement_hub.accounts.roles import Role
from improvement_hub.lab.models import PeerLab
from tests.academy.factories import CourseFactory, SessionFactory
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def _started(session):  # type: ignore[no-untyped-def]
    """The session as if it had started (history written directly)."""
    start = timezone.now() - timedelta(hours=2)
    type(session).objects.filter(pk=session.pk).update(
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        booking_deadline=start,
        cancellation_deadline=start,
    )
    session.refresh_from_db()
    return session


def _attended(person, hub, course=None):  # type: ignore[no-untyped-def]
    session = SessionFactory(course=course) if course else SessionFactory()
    enrolment = services.booking_create(actor=person, session=session)
    _started(session)
    enrolment.refresh_from_db()
    services.register_mark(actor=hub, enrolment=enrolment, attendance="attended")
    return enrolment


def test_register_is_marked_only_once_the_session_started_and_only_by_trainers(staff, hub):
    session = SessionFactory()
    enrolment = services.booking_create(actor=staff, session=session)
    with pytest.raises(ValidationError, match="once the session has started"):
        services.register_mark(actor=hub, enrolment=enrolment, attendance="attended")
    _started(session)
    enrolment.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.register_mark(actor=staff, enrolment=enrolment, attendance="attended")
    trainer = UserFactory(role=Role.STAFF)
    session.trainers.add(trainer)
    services.register_mark(actor=trainer, enrolment=enrolment, attendance="no_show")
    enrolment.refresh_from_db()
    assert enrolment.attendance == "no_show"
    assert not hasattr(enrolment, "certificate")


def test_attended_gives_a_certificate_pdf_that_opens_and_names_the_person(hub):
    person = UserFactory(role=Role.STAFF, first_name="Zadie", last_name="Okonkwo")
    enrolment = _attended(person, hub)
    certificate = enrolment.certificate
    client = Client()
    client.force_login(person)
    response = client.get(reverse("academy:certificate_pdf", args=[certificate.reference]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Zadie Okonkwo" in text
    assert enrolment.session.course.title in text
    stranger = Client()
    stranger.force_login(UserFactory(role=Role.STAFF))
    url = reverse("academy:certificate_pdf", args=[certificate.reference])
    assert stranger.get(url).status_code == 404


def test_feedback_only_after_attending_and_only_once(staff, hub):
    session = SessionFactory()
    enrolment = services.booking_create(actor=staff, session=session)
    data = {"useful": 5, "trainer": 4, "will_use": True, "comments": "Good"}
    with pytest.raises(ValidationError, match="marks you as attended"):
        services.feedback_give(actor=staff, enrolment=enrolment, data=data)
    _started(session)
    enrolment.refresh_from_db()
    services.register_mark(actor=hub, enrolment=enrolment, attendance="attended")
    services.feedback_give(actor=staff, enrolment=enrolment, data=data)
    with pytest.raises(ValidationError, match="already given feedback"):
        services.feedback_give(actor=staff, enrolment=enrolment, data=data)


def test_feedback_page_refuses_a_score_out_of_range_and_keeps_the_text(staff, hub):
    enrolment = _attended(staff, hub)
    client = Client()
    client.force_login(staff)
    url = reverse("academy:feedback", args=[enrolment.pk])
    response = client.post(url, {"useful": "9", "trainer": "4", "comments": "Kept ✓"})
    assert response.status_code == 400
    assert "Kept ✓" in response.content.decode()
    assert client.post(url, {"useful": "5", "trainer": "4"}).status_code == 302
    assert Enrolment.objects.get(pk=enrolment.pk).feedback.useful == 5


def test_pathway_credential_is_open_badges_3_once_every_step_is_done(hub):
    person = UserFactory(role=Role.STAFF)
    course = CourseFactory()
    pathway = Pathway.objects.create(
        title="Improvement Ambassador",
        slug="ambassador",
        capability="Coaches others",
        summary="The route.",
        is_published=True,
    )
    PathwayStep.objects.create(
        pathway=pathway, position=1, kind="course", course=course, title="Course"
    )
    PathwayStep.objects.create(pathway=pathway, position=2, kind="learning_visit", title="Visit")
    practice = PathwayStep.objects.create(
        pathway=pathway, position=3, kind="practice", title="Lead a PDSA cycle"
    )
    client = Client()
    client.force_login(person)
    url = reverse("academy:pathway_credential", args=[pathway.slug])
    assert client.get(url).status_code == 404
    _attended(person, hub, course=course)
    lab = PeerLab.objects.create(name="Policy Lab", country="United Kingdom", summary="x")
    LearningVisit.objects.create(
        peer_lab=lab, visited_on=date(2017, 2, 21), learnt="A lot"
    ).people.add(person)
    with pytest.raises(ValidationError):
        services.step_evidence_add(actor=person, step=practice, link="https://evil.example/")
    services.step_evidence_add(actor=person, step=practice, link="/initiatives/some-cycle/")
    response = client.get(url)
    assert response.status_code == 200
    credential = json.loads(response.content)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert "https://www.w3.org/ns/credentials/v2" in credential["@context"]
    assert credential["credentialSubject"]["achievement"]["name"] == "Improvement Ambassador"


def test_reports_are_for_hub_team_and_formula_safe(hub, staff):
    CourseFactory(title='=HYPERLINK("x")')
    client = Client()
    client.force_login(hub)
    csv = client.get(reverse("academy:report_csv"))
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode()
    assert "'=HYPERLINK" in body
    xlsx = client.get(reverse("academy:report_xlsx"))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A1"].value == "Course"
    other = Client()
    other.force_login(staff)
    assert other.get(reverse("academy:report_csv")).status_code == 404


def test_self_assessment_is_saved_and_shown_in_the_matrix(staff, hub):
    client = Client()
    client.force_login(staff)
    from improvement_hub.academy.models import Skill

    skills = list(Skill.objects.all())
    data = {f"skill_{s.pk}": "2" for s in skills}
    assert client.post(reverse("academy:self_assessment"), data).status_code == 302
    bad = client.post(reverse("academy:self_assessment"), {f"skill_{skills[0].pk}": "7"})
    assert bad.status_code == 400
    hub_client = Client()
    hub_client.force_login(hub)
    page = hub_client.get(reverse("academy:matrix")).content.decode()
    assert escape(staff.get_full_name()) in page  # a name may hold an apostrophe


def test_hub_team_see_each_ambassadors_progress_and_course_feedback(hub, staff):
    course = CourseFactory(title="PDSA")
    pathway = Pathway.objects.create(
        title="Improvement Ambassador",
        slug="ambassador",
        capability="Coaches others",
        summary="The route.",
        is_published=True,
    )
    PathwayStep.objects.create(
        pathway=pathway, position=1, kind="course", course=course, title="PDSA"
    )
    PathwayStep.objects.create(
        pathway=pathway, position=2, kind="learning_visit", title="Visit another lab"
    )
    enrolment = _attended(staff, hub, course=course)
    services.feedback_give(
        actor=staff,
        enrolment=enrolment,
        data={"useful": 4, "trainer": 5, "will_use": True, "comments": "Useful"},
    )
    client = Client()
    client.force_login(hub)
    page = client.get(reverse("academy:manage")).content.decode()
    assert escape(staff.get_full_name()) in page  # a name may hold an apostrophe
    assert "1 of 2" in page
    assert "Visit another lab" in page
    course_page = client.get(course.get_absolute_url()).content.decode()
    assert "1 response: usefulness 4.0 out of 5, trainer 5.0 out of 5" in course_page
    other = Client()
    other.force_login(staff)
    assert "usefulness" not in other.get(course.get_absolute_url()).content.decode()
