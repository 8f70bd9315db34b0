"""The Hub Team's reports by directorate and by council priority (attendance, completion,
no-shows, waiting lists; CSV and XLSX, formula-safe), and the capability matrix per
person, team and directorate, in constant queries."""

import io
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from improvement_hub.academy import selectors
from improvement_hub.academy.models import Certificate, Enrolment, SelfAssessment, Skill
from improvement_hub.accounts.roles import Role
from tests.academy.factories import CourseFactory, SessionFactory
from tests.accounts.factories import UserFactory
from tests.council.factories import DirectorateFactory, PriorityFactory

pytestmark = pytest.mark.django_db

ROLES = [None, *Role]
ROLE_IDS = ["anonymous", *(r.name.lower() for r in Role)]
HEADERS = [
    "Places booked",
    "Attended",
    "Did not attend",
    "Late cancellations",
    "No-show rate",
    "Completed",
    "Completion rate",
    "Waiting list",
]


def _enrol(session, person, n, *, status="booked", attendance=""):  # type: ignore[no-untyped-def]
    enrolment = Enrolment.objects.create(
        session=session, person=person, status=status, queue_number=n, attendance=attendance
    )
    if attendance == "attended":
        Certificate.objects.create(
            enrolment=enrolment, person=person, course=session.course, issued_on=date(2017, 1, 5)
        )
    return enrolment


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    """Children (3 booked: 2 attended, 1 no-show; 1 waiting) and Housing (1 attended) on
    a course for two priorities; one person with no directorate on a course with none."""
    children = DirectorateFactory(name="Children and Families")
    housing = DirectorateFactory(name='=HYPERLINK("http://x")')
    kids, homes = PriorityFactory(name="Priority alpha"), PriorityFactory(name="Priority beta")
    course = CourseFactory()
    course.priorities.set([kids, homes])
    session = SessionFactory(course=course, capacity=4)
    people = [UserFactory(role=Role.STAFF, directorate=children) for _ in range(4)]
    _enrol(session, people[0], 1, attendance="attended")
    _enrol(session, people[1], 2, attendance="attended")
    _enrol(session, people[2], 3, attendance="no_show")
    _enrol(session, people[3], 4, status="waitlisted")
    _enrol(session, UserFactory(role=Role.STAFF, directorate=housing), 5, attendance="attended")
    plain = SessionFactory(course=CourseFactory())
    _enrol(plain, UserFactory(role=Role.STAFF), 1)
    return children, housing


def test_attendance_and_completion_by_directorate_count_each_persons_bookings(world):
    rows = {row[0]: row[1:] for row in selectors.attendance_by(by="directorate")}
    assert rows["Children and Families"] == [3, 2, 1, 0, "33%", 2, "67%", 1]
    assert rows['=HYPERLINK("http://x")'] == [1, 1, 0, 0, "0%", 1, "100%", 0]
    assert rows["No directorate recorded"] == [1, 0, 0, 0, "", 0, "", 0]
    assert list(rows)[-1] == "No directorate recorded"


def test_a_booking_counts_for_each_priority_of_its_course(world):
    rows = {row[0]: row[1:] for row in selectors.attendance_by(by="priority")}
    assert rows["Priority alpha"] == rows["Priority beta"] == [4, 3, 1, 0, "25%", 3, "75%", 1]
    assert rows["No priority"] == [1, 0, 0, 0, "", 0, "", 0]


@pytest.mark.parametrize("by", ["directorate", "priority"])
def test_the_downloads_by_group_are_formula_safe(world, hub, by):
    client = Client()
    client.force_login(hub)
    csv = client.get(reverse("academy:report_csv") + f"?by={by}")
    assert csv.status_code == 200
    assert f"academy-report-by-{by}.csv" in csv["Content-Disposition"]
    body = b"".join(csv.streaming_content).decode()
    assert body.splitlines()[0].split(",")[1:] == HEADERS
    if by == "directorate":
        assert "'=HYPERLINK" in body
    xlsx = client.get(reverse("academy:report_xlsx") + f"?by={by}")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A1"].value == ("Directorate" if by == "directorate" else "Council priority")
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)


@pytest.mark.parametrize("by", ["", "nonsense", "<script>", "x" * 5000, "course"])
def test_an_unknown_grouping_gives_the_report_by_course(world, hub, by):
    client = Client()
    client.force_login(hub)
    response = client.get(reverse("academy:report_csv"), {"by": by})
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode().lstrip("\ufeff").startswith("Course,")


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
def test_only_the_hub_team_read_the_reports_and_the_matrix(world, role):
    client = Client()
    if role is not None:
        client.force_login(UserFactory(role=role))
    for url in (
        reverse("academy:report_csv") + "?by=directorate",
        reverse("academy:report_xlsx") + "?by=priority",
        reverse("academy:matrix") + "?by=team",
        reverse("academy:manage"),
    ):
        response = client.get(url)
        if role is None:
            assert response.status_code == 302
        else:
            assert response.status_code == (200 if role == Role.HUB_TEAM else 404)


def test_the_manage_page_shows_both_tables(world, hub):
    client = Client()
    client.force_login(hub)
    page = client.get(reverse("academy:manage")).content.decode()
    assert "Attendance and completion by directorate" in page
    assert "Attendance and completion by council priority" in page
    assert "Children and Families" in page
    assert "?by=directorate" in page


def _assess(person, levels):  # type: ignore[no-untyped-def]
    for skill, level in zip(Skill.objects.all(), levels, strict=False):
        SelfAssessment.objects.create(
            person=person, skill=skill, level=level, assessed_on=date(2017, 1, 9)
        )


@pytest.fixture
def assessed(db):  # type: ignore[no-untyped-def]
    children = DirectorateFactory(name="Children and Families")
    manager = UserFactory(role=Role.STAFF, first_name="Mina", last_name="Cole")
    a = UserFactory(role=Role.STAFF, first_name="Ann", last_name="A", line_manager=manager)
    b = UserFactory(
        role=Role.STAFF, first_name="Bo", last_name="B", line_manager=manager, directorate=children
    )
    c = UserFactory(role=Role.STAFF, first_name="Cy", last_name="C", directorate=children)
    _assess(a, [1, 2])
    _assess(b, [3])
    _assess(c, [4, 4])
    return a, b, c


def test_the_matrix_per_person_shows_each_level_and_directorate(assessed):
    skills, rows = selectors.capability_matrix(by="person")
    by_name = {row.label: row for row in rows}
    assert by_name["Ann A"].levels[:2] == [1, 2]
    assert by_name["Ann A"].detail == "No directorate recorded"
    assert by_name["Bo B"].levels[:2] == [3, None]
    assert by_name["Bo B"].detail == "Children and Families"


def test_the_matrix_per_team_averages_those_who_assessed_each_skill(assessed):
    _, rows = selectors.capability_matrix(by="team")
    by_label = {row.label: row for row in rows}
    assert by_label["Team of Mina Cole"].levels[:2] == [2.0, 2.0]
    assert by_label["Team of Mina Cole"].people == 2
    assert by_label["No line manager recorded"].levels[:2] == [4.0, 4.0]
    assert rows[-1].label == "No line manager recorded"


def test_the_matrix_per_directorate_averages_its_people(assessed):
    _, rows = selectors.capability_matrix(by="directorate")
    by_label = {row.label: row for row in rows}
    assert by_label["Children and Families"].levels[:2] == [3.5, 4.0]
    assert by_label["No directorate recorded"].levels[:2] == [1.0, 2.0]


@pytest.mark.parametrize("by", ["person", "team", "directorate"])
def test_the_matrix_page_reads_the_same_queries_with_more_people(
    assessed, hub, by, django_assert_max_num_queries
):
    client = Client()
    client.force_login(hub)
    url = reverse("academy:matrix") + f"?by={by}"
    client.get(url)
    with django_assert_max_num_queries(50) as few:
        page = client.get(url).content.decode()
    queries = len(few.captured_queries)  # read before the next request resets the query log
    assert {"person": "Ann A", "team": "Team of Mina Cole", "directorate": "Children"}[by] in page
    for n in range(6):
        manager = UserFactory(role=Role.STAFF, directorate=DirectorateFactory())
        _assess(UserFactory(role=Role.STAFF, line_manager=manager), [n % 5, 1, 2])
    client.get(url)  # a new directorate refreshes the cached choices and chrome once
    with django_assert_max_num_queries(queries):
        client.get(url)


def test_the_manage_page_reads_the_same_queries_with_more_directorates(
    world, hub, django_assert_max_num_queries
):
    client = Client()
    client.force_login(hub)
    client.get(reverse("academy:manage"))
    with django_assert_max_num_queries(80) as few:
        client.get(reverse("academy:manage"))
    queries = len(few.captured_queries)  # read before the next request resets the query log
    session = SessionFactory()
    for n in range(5):
        _enrol(session, UserFactory(role=Role.STAFF, directorate=DirectorateFactory()), n + 1)
    client.get(reverse("academy:manage"))  # new directorates refresh the cached chrome once
    with django_assert_max_num_queries(queries):
        client.get(reverse("academy:manage"))


@pytest.mark.parametrize("by", ["", "nobody", "<b>x</b>", "x" * 5000])
def test_an_unknown_matrix_view_shows_the_matrix_per_person(assessed, hub, by):
    client = Client()
    client.force_login(hub)
    response = client.get(reverse("academy:matrix"), {"by": by})
    assert response.status_code == 200
    assert "Ann A" in response.content.decode()
    assert "<b>x</b>" not in response.content.decode()
