"""The Change Academy in the JSON API: the catalogue, sessions, bookings, my learning.

Reads take a token, the session or nobody, with the pages' visibility; writes need a
person. Inputs bind the pages' forms; refusals go through the API's one error mapping,
except a second booking, which is a 409."""

from datetime import datetime
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest, QueryDict
from ninja import Query, Router, Schema, Status

from improvement_hub.academy import selectors, services
from improvement_hub.academy.filters import CatalogueFilter
from improvement_hub.academy.forms import CourseForm, SessionForm
from improvement_hub.academy.models import Course, Enrolment, Session
from improvement_hub.accounts.api_auth import READ_AUTH
from improvement_hub.core.api import PROBLEMS, Problem, bind_form
from improvement_hub.core.schemas import InputSchema

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User

router = Router(tags=["academy"])


WRITE_RESPONSES: dict[int, type[Problem]] = {**PROBLEMS, 404: Problem}


class ReadRequest(HttpRequest):
    auth: "User | AnonymousUser"


class WriteRequest(HttpRequest):
    auth: "User"


class CourseOut(Schema):
    id: int
    slug: str
    title: str
    summary: str
    level: str
    format: str
    duration: str
    audiences: list[str]
    methods: list[str]
    is_published: bool
    url: str

    @staticmethod
    def resolve_methods(course: Course) -> list[str]:
        return [m.slug for m in course.methods.all()]

    @staticmethod
    def resolve_url(course: Course) -> str:
        return course.get_absolute_url()


class CourseIn(InputSchema):
    title: str
    summary: str
    level: str


class CatalogueParams(InputSchema):
    level: str = ""
    format: str = ""
    method: str = ""
    audience: str = ""


class SessionOut(Schema):
    id: int
    course_id: int
    course: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    booked: int
    waitlisted: int
    location: str
    booking_deadline: datetime
    cancellation_deadline: datetime
    is_cancelled: bool

    @staticmethod
    def resolve_course(session: Session) -> str:
        return session.course.title


class SessionIn(InputSchema):
    starts_at: str
    ends_at: str
    capacity: int | str
    location: str = ""
    booking_deadline: str = ""
    cancellation_deadline: str = ""
    partner_trainers: str = ""
    space: int | None = None


class Conflict(Schema):
    detail: str


class BookingOut(Schema):
    id: int
    session_id: int
    status: str
    waitlist_position: int | None


class LearningItem(Schema):
    booking_id: int
    session_id: int
    course: str
    starts_at: datetime
    status: str
    attendance: str


class LearningOut(Schema):
    upcoming: list[LearningItem]
    history: list[LearningItem]
    certificates: list[str]
    pathways: dict[str, str]


def _booking_out(enrolment: Enrolment) -> BookingOut:
    return BookingOut(
        id=enrolment.pk,
        session_id=enrolment.session_id,
        status=enrolment.status,
        waitlist_position=services.waitlist_position(enrolment),
    )


def _learning_item(e: Enrolment) -> LearningItem:
    return LearningItem(
        booking_id=e.pk,
        session_id=e.session_id,
        course=e.session.course.title,
        starts_at=e.session.starts_at,
        status=e.status,
        attendance=e.attendance,
    )


@router.get("/courses", response=list[CourseOut], auth=READ_AUTH)
def course_list(request: ReadRequest, params: Query[CatalogueParams]) -> list[Course]:
    """The catalogue: published courses (the Hub Team also get drafts), filtered as the
    page filters them (a value that is not a choice is ignored)."""
    courses = selectors.course_list_for_user(request.auth)
    query = QueryDict(mutable=True)
    query.update({k: v for k, v in params.model_dump().items() if v})
    return list(CatalogueFilter(query, queryset=courses).qs)


@router.get("/courses/{course_id}", response=CourseOut, auth=READ_AUTH)
def course_detail(request: ReadRequest, course_id: int) -> Course:
    """One course; 404 for a draft outside the Hub Team."""
    return selectors.course_get_for_user(user=request.auth, pk=course_id)


@router.post("/courses", response={201: CourseOut, **PROBLEMS})
def course_create(request: WriteRequest, payload: CourseIn) -> Status[Course]:
    """Add a course, as a draft (the Hub Team): `title`, `summary`, `level`."""
    form = bind_form(CourseForm, payload.model_dump())
    course = services.course_create(actor=request.auth, data=form.course_data())
    return Status(201, selectors.course_get_for_user(user=request.auth, pk=course.pk))


@router.get("/courses/{course_id}/sessions", response=list[SessionOut], auth=READ_AUTH)
def course_sessions(request: ReadRequest, course_id: int) -> list[Session]:
    """The course's upcoming sessions, with places booked and waiting."""
    course = selectors.course_get_for_user(user=request.auth, pk=course_id)
    return list(selectors.session_list_for_course(course=course))


@router.post("/courses/{course_id}/sessions", response={201: SessionOut, **WRITE_RESPONSES})
def session_create(request: WriteRequest, course_id: int, payload: SessionIn) -> Status[Session]:
    """Schedule a session (the Hub Team). Times are UK time unless they carry an offset;
    `location` is an address or an online link; or `space`, the id of one of the hub's
    spaces, which is booked for it."""
    course = selectors.course_get_for_user(user=request.auth, pk=course_id)
    form = bind_form(SessionForm, payload.model_dump(), actor=request.auth)
    session = services.session_create(actor=request.auth, course=course, data=form.session_data())
    return Status(201, selectors.session_get_for_user(user=request.auth, pk=session.pk))


@router.get("/sessions/{session_id}", response=SessionOut, auth=READ_AUTH)
def session_detail(request: ReadRequest, session_id: int) -> Session:
    """A session: `capacity`, `booked`, `waitlisted` and its deadlines."""
    return selectors.session_get_for_user(user=request.auth, pk=session_id)


@router.post(
    "/sessions/{session_id}/bookings",
    response={201: BookingOut, 409: Conflict, **WRITE_RESPONSES},
)
def booking_create(request: WriteRequest, session_id: int) -> Status[BookingOut | Conflict]:
    """Book yourself a place: `booked`, or `waitlisted` with your place in the queue.
    A second booking by the same person is a 409."""
    session = selectors.session_get_for_user(user=request.auth, pk=session_id)
    try:
        enrolment = services.booking_create(actor=request.auth, session=session)
    except services.AlreadyBooked as conflict:
        return Status(409, Conflict(detail=conflict.message))
    return Status(201, _booking_out(enrolment))


@router.delete("/sessions/{session_id}/bookings/me", response={204: None, **WRITE_RESPONSES})
def booking_cancel(request: WriteRequest, session_id: int) -> Status[None]:
    """Cancel your booking; a freed seat goes to the first on the waiting list."""
    session = selectors.session_get_for_user(user=request.auth, pk=session_id)
    enrolment = selectors.enrolment_live(person=request.auth, session=session)
    if enrolment is None:
        raise Http404
    services.booking_cancel(actor=request.auth, enrolment=enrolment)
    return Status(204, None)


@router.get("/me/learning", response=LearningOut)
def my_learning(request: WriteRequest) -> LearningOut:
    """Your bookings, history, certificates and pathway progress (steps done of all)."""
    mine = selectors.my_learning(person=request.auth)
    return LearningOut(
        upcoming=[_learning_item(e) for e in mine.upcoming],
        history=[_learning_item(e) for e in mine.history],
        certificates=[str(c.reference) for c in mine.certificates],
        pathways={p.pathway.slug: f"{p.done}/{len(p.steps)}" for p in mine.pathways},
    )
