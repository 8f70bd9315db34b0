"""Every non-trivial read of the Change Academy, with a fixed number of queries whatever
the data size. ``*_get_for_user`` give 404 for missing and not allowed alike."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db.models import Avg, Count, IntegerField, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Cast
from django.http import Http404
from django.utils import timezone

from improvement_hub.academy import permissions
from improvement_hub.academy.models import (
    CalendarFeed,
    Certificate,
    Course,
    Enrolment,
    Feedback,
    LearningVisit,
    Pathway,
    PathwayStep,
    SelfAssessment,
    Session,
    Skill,
    StepEvidence,
)
from improvement_hub.accounts.models import User
from improvement_hub.accounts.permissions import is_hub_team
from improvement_hub.lab.models import Method

if TYPE_CHECKING:
    from improvement_hub.accounts.types import AnyUser
    from improvement_hub.spaces.models import Booking as SpaceBooking

Status = Enrolment.Status
Attendance = Enrolment.Attendance


def _with_counts(sessions: QuerySet[Session]) -> QuerySet[Session]:
    return sessions.annotate(
        booked=Count("enrolments", filter=Q(enrolments__status=Status.BOOKED)),
        waitlisted=Count("enrolments", filter=Q(enrolments__status=Status.WAITLISTED)),
    )


def method_list_taught() -> QuerySet[Method]:
    """The Lab's method cards that at least one published course teaches."""
    return Method.objects.filter(courses__is_published=True).distinct().order_by("name")


def course_list_for_user(user: "AnyUser | None") -> QuerySet[Course]:
    """The catalogue: published courses (the Hub Team also see drafts)."""
    courses = Course.objects.prefetch_related("methods", "priorities")
    if not permissions.can_manage_academy(user):
        courses = courses.filter(is_published=True)
    return courses.order_by("title")


def course_get_for_user(
    *, user: "AnyUser | None", slug: str | None = None, pk: int | None = None
) -> Course:
    """One course the user may see; 404 for a draft outside the Hub Team."""
    lookup = {"slug": slug} if slug is not None else {"pk": pk}
    course = (
        Course.objects.prefetch_related("methods", "priorities", "prerequisites")
        .filter(**lookup)
        .first()
    )
    if course is None or not permissions.can_see_course(user, course):
        raise Http404
    return course


def session_list_for_course(*, course: Course, upcoming: bool = True) -> QuerySet[Session]:
    sessions = (
        _with_counts(course.sessions.filter(is_cancelled=False))
        .select_related("venue_booking__space")
        .prefetch_related("trainers")
    )
    if upcoming:
        sessions = sessions.filter(starts_at__gt=timezone.now())
    return sessions.order_by("starts_at", "id")


def session_get_for_user(*, user: "AnyUser | None", pk: int) -> Session:
    """A session with its counts; 404 when its course is not visible to the user."""
    session = (
        _with_counts(Session.objects.filter(pk=pk))
        .select_related("course", "venue_booking__space")
        .prefetch_related("trainers")
        .first()
    )
    if session is None or not permissions.can_see_course(user, session.course):
        raise Http404
    return session


def enrolment_live(*, person: "AnyUser", session: Session) -> Enrolment | None:
    if not person.is_authenticated:
        return None
    return (
        Enrolment.objects.filter(session=session, person_id=person.pk)
        .exclude(status=Status.CANCELLED)
        .select_related("person", "session__course")
        .first()
    )


def enrolment_get_for_user(*, user: "AnyUser", pk: int) -> Enrolment:
    """A booking its person, its booker, their manager or the Hub Team may see."""
    enrolment = Enrolment.objects.select_related("person", "session__course").filter(pk=pk).first()
    if enrolment is None or not permissions.can_cancel(user, enrolment):
        raise Http404
    return enrolment


def reports_for_booking(*, manager: "AnyUser", course: Course) -> list["User"]:
    """The manager's staff they may book onto this course."""
    if not manager.is_authenticated:
        return []
    people = manager.reports.filter(is_active=True).prefetch_related("groups")
    return [person for person in people if permissions.can_book_course(person, course)]


def register_for_session(*, user: "AnyUser", pk: int) -> tuple[Session, list[Enrolment]]:
    """The register: everyone with a place (or a late cancellation), by name."""
    session = session_get_for_user(user=user, pk=pk)
    if not permissions.can_mark_register(user, session):
        raise Http404
    enrolments = list(
        session.enrolments.filter(
            Q(status=Status.BOOKED) | Q(attendance=Attendance.LATE_CANCELLATION)
        )
        .select_related("person", "feedback")
        .order_by("person__last_name", "person__first_name", "person__email")
    )
    return session, enrolments


@dataclass
class FeedbackSummary:
    responses: int
    useful: float | None
    trainer: float | None
    will_use: int
    comments: list[str] = field(default_factory=list)


def feedback_summary(*, sessions: QuerySet[Session] | list[Session]) -> FeedbackSummary:
    rows = Feedback.objects.filter(enrolment__session__in=sessions)
    agg = rows.aggregate(
        n=Count("id"),
        useful=Avg("useful"),
        trainer=Avg("trainer"),
        will_use=Sum(Cast("will_use", IntegerField())),
    )
    comments = [c for c in rows.exclude(comments="").values_list("comments", flat=True)[:50]]
    return FeedbackSummary(
        responses=agg["n"],
        useful=round(agg["useful"], 1) if agg["useful"] is not None else None,
        trainer=round(agg["trainer"], 1) if agg["trainer"] is not None else None,
        will_use=agg["will_use"] or 0,
        comments=comments,
    )


# --- my learning ---------------------------------------------------------------------------


@dataclass
class StepProgress:
    step: PathwayStep
    done: bool


@dataclass
class PathwayProgress:
    pathway: Pathway
    steps: list[StepProgress]

    @property
    def done(self) -> int:
        return sum(1 for s in self.steps if s.done)

    @property
    def complete(self) -> bool:
        return bool(self.steps) and self.done == len(self.steps)


def _progress(
    pathways: list[Pathway],
    completed_courses: set[int],
    visited: bool,
    evidenced: set[int],
) -> list[PathwayProgress]:
    result = []
    for pathway in pathways:
        steps = []
        for step in pathway.steps.all():
            if step.kind == PathwayStep.Kind.COURSE:
                done = step.course_id in completed_courses
            elif step.kind == PathwayStep.Kind.LEARNING_VISIT:
                done = visited
            else:
                done = step.pk in evidenced
            steps.append(StepProgress(step=step, done=done))
        result.append(PathwayProgress(pathway=pathway, steps=steps))
    return result


def pathway_list_published() -> QuerySet[Pathway]:
    return Pathway.objects.filter(is_published=True).prefetch_related(
        Prefetch("steps", queryset=PathwayStep.objects.select_related("course"))
    )


def pathway_get_public(*, slug: str) -> Pathway:
    pathway = pathway_list_published().filter(slug=slug).first()
    if pathway is None:
        raise Http404
    return pathway


def pathway_progress_for(
    *, person: "User", pathways: list[Pathway] | None = None
) -> list[PathwayProgress]:
    pathways = pathways if pathways is not None else list(pathway_list_published())
    completed = set(Certificate.objects.filter(person=person).values_list("course_id", flat=True))
    visited = LearningVisit.objects.filter(people=person).exists()
    evidenced = set(StepEvidence.objects.filter(person=person).values_list("step_id", flat=True))
    return _progress(pathways, completed, visited, evidenced)


@dataclass
class MyLearning:
    upcoming: list[Enrolment]
    history: list[Enrolment]
    certificates: list[Certificate]
    pathways: list[PathwayProgress]
    assessments: dict[int, int]
    skills: list[Skill]
    feed: CalendarFeed | None
    pending_approvals: list[Enrolment]

    @property
    def skill_levels(self) -> list[tuple[str, str]]:
        labels = dict(Skill.LEVELS)
        return [
            (skill.name, labels[self.assessments[skill.pk]])
            for skill in self.skills
            if skill.pk in self.assessments
        ]


def my_learning(*, person: "User") -> MyLearning:
    """Everything on "My learning", in a fixed number of queries."""
    now = timezone.now()
    enrolments = list(
        Enrolment.objects.filter(person=person)
        .select_related(
            "session__course", "session__venue_booking__space", "feedback", "certificate"
        )
        .order_by("session__starts_at", "id")
    )
    upcoming = [e for e in enrolments if e.session.ends_at > now and e.status != Status.CANCELLED]
    history = [e for e in enrolments if e not in upcoming]
    history.reverse()
    approvals = list(
        Enrolment.objects.filter(person__line_manager=person, status=Status.PENDING)
        .select_related("person", "session__course")
        .order_by("created_at")
    )
    return MyLearning(
        upcoming=upcoming,
        history=history,
        certificates=[e.certificate for e in enrolments if hasattr(e, "certificate")],
        pathways=pathway_progress_for(person=person),
        assessments=dict(
            SelfAssessment.objects.filter(person=person).values_list("skill_id", "level")
        ),
        skills=list(Skill.objects.all()),
        feed=CalendarFeed.objects.filter(person=person).first(),
        pending_approvals=approvals,
    )


def certificate_get_for_user(*, user: "AnyUser", reference: str) -> Certificate:
    certificate = (
        Certificate.objects.select_related("person", "course", "enrolment__session")
        .filter(reference=reference)
        .first()
    )
    if certificate is None or not (
        certificate.person_id == user.pk or permissions.can_manage_academy(user)
    ):
        raise Http404
    return certificate


def calendar_feed_enrolments(*, token: str) -> list[Enrolment] | None:
    feed = CalendarFeed.objects.filter(token=token).select_related("person").first()
    if feed is None or not feed.person.is_active:
        return None
    return list(
        Enrolment.objects.filter(person=feed.person)
        .select_related("session__course", "session__venue_booking__space", "person")
        .order_by("session__starts_at")
    )


# --- the Hub Team: capability matrix, reports -----------------------------------------------


@dataclass
class MatrixRow:
    label: str
    levels: list[float | int | None]
    people: int = 1
    detail: str = ""


MATRIX_VIEWS = {"person": "By person", "team": "By team", "directorate": "By directorate"}
NO_DIRECTORATE = "No directorate recorded"
NO_MANAGER = "No line manager recorded"


def _name(person: User) -> str:
    return person.get_full_name() or person.email


def capability_matrix(*, by: str = "person") -> tuple[list[Skill], list[MatrixRow]]:
    """The skills framework against people's self-assessed levels, in two queries:
    ``person`` (each person's own level, with their directorate), ``team`` (the people
    a line manager manages: the mean level of those who assessed it) or ``directorate``
    (the mean of its people)."""
    skills = list(Skill.objects.all())
    assessments = SelfAssessment.objects.filter(
        person__is_active=True, person__closed_at__isnull=True
    ).select_related("person__line_manager", "person__directorate")
    people: dict[int, User] = {}
    levels: dict[int, dict[int, int]] = defaultdict(dict)
    for a in assessments:
        people[a.person_id] = a.person
        levels[a.person_id][a.skill_id] = a.level
    if by not in MATRIX_VIEWS or by == "person":
        rows = [
            MatrixRow(
                label=_name(person),
                levels=[levels[pk].get(skill.pk) for skill in skills],
                detail=person.directorate.name if person.directorate else NO_DIRECTORATE,
            )
            for pk, person in people.items()
        ]
        return skills, sorted(rows, key=lambda r: r.label.lower())
    groups: dict[str, list[int]] = defaultdict(list)
    for pk, person in people.items():
        if by == "team":
            manager = person.line_manager
            key = f"Team of {_name(manager)}" if manager else NO_MANAGER
        else:
            key = person.directorate.name if person.directorate else NO_DIRECTORATE
        groups[key].append(pk)
    rows = []
    for label, members in groups.items():
        means: list[float | int | None] = []
        for skill in skills:
            given = [levels[pk][skill.pk] for pk in members if skill.pk in levels[pk]]
            means.append(round(sum(given) / len(given), 1) if given else None)
        rows.append(MatrixRow(label=label, levels=means, people=len(members)))
    last = (NO_MANAGER, NO_DIRECTORATE)
    return skills, sorted(rows, key=lambda r: (r.label in last, r.label.lower()))


def hub_sessions() -> QuerySet[Session]:
    """Upcoming and recent sessions with their counts, for the Hub Team's page."""
    return _with_counts(
        Session.objects.filter(starts_at__gte=timezone.now() - timedelta(days=60))
    ).select_related("course")


def waitlist_demand() -> QuerySet[Course]:
    """Courses by how many people wait for a place: where to add sessions."""
    return (
        Course.objects.annotate(
            waiting=Count(
                "sessions__enrolments",
                filter=Q(sessions__enrolments__status=Status.WAITLISTED),
            )
        )
        .filter(waiting__gt=0)
        .order_by("-waiting", "title")
    )


def attendance_report_rows() -> list[list[object]]:
    """One row per course: booked, attended, no-shows, late cancellations, no-show rate,
    completions, waiting; for the CSV and XLSX exports."""
    courses = Course.objects.annotate(
        places=Count("sessions__enrolments", filter=Q(sessions__enrolments__status=Status.BOOKED)),
        attended=Count(
            "sessions__enrolments", filter=Q(sessions__enrolments__attendance=Attendance.ATTENDED)
        ),
        no_show=Count(
            "sessions__enrolments", filter=Q(sessions__enrolments__attendance=Attendance.NO_SHOW)
        ),
        late=Count(
            "sessions__enrolments",
            filter=Q(sessions__enrolments__attendance=Attendance.LATE_CANCELLATION),
        ),
        waiting=Count(
            "sessions__enrolments", filter=Q(sessions__enrolments__status=Status.WAITLISTED)
        ),
    ).prefetch_related("priorities")
    rows: list[list[object]] = []
    for c in courses.order_by("title"):
        marked = c.attended + c.no_show
        rate = f"{round(100 * c.no_show / marked)}%" if marked else ""
        rows.append(
            [
                c.title,
                c.get_level_display(),
                ", ".join(p.name for p in c.priorities.all()),
                c.places,
                c.attended,
                c.no_show,
                c.late,
                rate,
                c.waiting,
            ]
        )
    return rows


REPORT_HEADERS = [
    "Course",
    "Level",
    "Priorities",
    "Places booked",
    "Attended",
    "Did not attend",
    "Late cancellations",
    "No-show rate",
    "Waiting list",
]

REPORT_VIEWS = {
    "course": "Course",
    "directorate": "Directorate",
    "priority": "Council priority",
}
GROUP_MEASURES = [
    "Places booked",
    "Attended",
    "Did not attend",
    "Late cancellations",
    "No-show rate",
    "Completed",
    "Completion rate",
    "Waiting list",
]
NO_PRIORITY = "No priority"


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else ""


def attendance_by(*, by: str) -> list[list[object]]:
    """Attendance and completion per directorate (of the person booked) or per council
    priority (of the course: a booking counts once for each of its course's priorities),
    in one query. Completed: a certificate (attended). Completion rate: completed out of
    the places whose register is marked (attended, did not attend, late cancellation)."""
    key = (
        "person__directorate__name" if by == "directorate" else "session__course__priorities__name"
    )
    empty = NO_DIRECTORATE if by == "directorate" else NO_PRIORITY
    grouped = (
        Enrolment.objects.values(key)
        .annotate(
            places=Count("id", filter=Q(status=Status.BOOKED)),
            attended=Count("id", filter=Q(attendance=Attendance.ATTENDED)),
            no_show=Count("id", filter=Q(attendance=Attendance.NO_SHOW)),
            late=Count("id", filter=Q(attendance=Attendance.LATE_CANCELLATION)),
            completed=Count("certificate"),
            waiting=Count("id", filter=Q(status=Status.WAITLISTED)),
        )
        .order_by(key)
    )
    rows: list[list[object]] = []
    for g in grouped:
        marked = g["attended"] + g["no_show"] + g["late"]
        rows.append(
            [
                g[key] or empty,
                g["places"],
                g["attended"],
                g["no_show"],
                g["late"],
                _percent(g["no_show"], g["attended"] + g["no_show"]),
                g["completed"],
                _percent(g["completed"], marked),
                g["waiting"],
            ]
        )
    # the people or courses with none last
    return sorted(rows, key=lambda r: (r[0] == empty, str(r[0]).lower()))


def report_table(*, by: str) -> tuple[list[str], list[list[object]]]:
    """The Hub Team's report per course (the default), directorate or priority: its
    headers and rows, for the page, the CSV and the XLSX download."""
    if by in ("directorate", "priority"):
        return [REPORT_VIEWS[by], *GROUP_MEASURES], attendance_by(by=by)
    return REPORT_HEADERS, attendance_report_rows()


# --- training that improvement work needs (read by initiatives, a higher layer) ------------


@dataclass(frozen=True)
class TrainingNeedSpec:
    """What a training requirement asks for, in the Academy's terms: any of these
    courses (a pathway's courses all count), for named people or for ``count`` people
    trained in ``session_ids`` (the sessions scheduled for it)."""

    course_ids: frozenset[int]
    people_ids: frozenset[int] = frozenset()
    session_ids: frozenset[int] = frozenset()
    count: int | None = None


@dataclass(frozen=True)
class TrainingGap:
    needed: int
    trained: int
    booked: int

    @property
    def not_booked(self) -> int:
        return max(0, self.needed - self.trained - self.booked)

    @property
    def is_met(self) -> bool:
        return self.trained >= self.needed


def pathway_course_ids(pathway_ids: list[int]) -> dict[int, frozenset[int]]:
    """The courses of each pathway (one query)."""
    courses: dict[int, set[int]] = defaultdict(set)
    steps = PathwayStep.objects.filter(pathway_id__in=pathway_ids, course__isnull=False)
    for pathway_id, course_id in steps.values_list("pathway_id", "course_id"):
        courses[pathway_id].add(course_id)
    return {pk: frozenset(ids) for pk, ids in courses.items()}


def training_gaps(specs: list[TrainingNeedSpec]) -> list[TrainingGap]:
    """Trained, booked and not booked for each spec, in two queries for any number.

    Trained: holds a certificate for one of the courses (named people), or attended one of
    the requirement's sessions (a role with a count). Booked: a live place or waiting-list
    place on a session of the course that has not ended."""
    people = set().union(*(s.people_ids for s in specs)) if specs else set()
    courses = set().union(*(s.course_ids for s in specs)) if specs else set()
    sessions = set().union(*(s.session_ids for s in specs)) if specs else set()
    certified: set[tuple[int, int]] = set(
        Certificate.objects.filter(person_id__in=people, course_id__in=courses).values_list(
            "person_id", "course_id"
        )
    )
    now = timezone.now()
    rows = Enrolment.objects.filter(
        Q(person_id__in=people, session__course_id__in=courses) | Q(session_id__in=sessions)
    ).values_list(
        "person_id", "session_id", "session__course_id", "status", "attendance", "session__ends_at"
    )
    live: set[tuple[int, int]] = set()
    by_session: dict[int, list[tuple[int, str, str, datetime]]] = defaultdict(list)
    for person_id, session_id, course_id, status, attendance, ends_at in rows:
        by_session[session_id].append((person_id, status, attendance, ends_at))
        if status in (Status.BOOKED, Status.WAITLISTED, Status.PENDING) and ends_at > now:
            live.add((person_id, course_id))
    gaps = []
    for spec in specs:
        if spec.people_ids:
            trained = {
                p for p in spec.people_ids if any((p, c) in certified for c in spec.course_ids)
            }
            booked = {
                p for p in spec.people_ids - trained if any((p, c) in live for c in spec.course_ids)
            }
            needed = max(len(spec.people_ids), spec.count or 0)
        else:
            trained, booked = set(), set()
            for session_id in spec.session_ids:
                for person_id, status, attendance, ends_at in by_session.get(session_id, []):
                    if attendance == Attendance.ATTENDED:
                        trained.add(person_id)
                    elif status in (Status.BOOKED, Status.WAITLISTED) and ends_at > now:
                        booked.add(person_id)
            booked -= trained
            needed = spec.count or 0
        trained_count = min(len(trained), needed)  # more than needed is still "all trained"
        booked_count = min(len(booked), needed - trained_count)
        gaps.append(TrainingGap(needed=needed, trained=trained_count, booked=booked_count))
    return gaps


def people_trained(*, course_ids: set[int], people_ids: set[int]) -> set[int]:
    """Those of ``people_ids`` who hold a certificate for one of the courses."""
    return set(
        Certificate.objects.filter(course_id__in=course_ids, person_id__in=people_ids)
        .values_list("person_id", flat=True)
        .distinct()
    )


def pathway_list_all() -> QuerySet[Pathway]:
    return Pathway.objects.order_by("title")


@dataclass(frozen=True)
class AmbassadorRow:
    name: str
    done: int
    steps: int
    next_step: str


def pathway_progress_people(*, pathway: Pathway) -> list[AmbassadorRow]:
    """Everyone who has started the pathway, with how far along they are (four queries
    whatever the number of people)."""
    steps = list(pathway.steps.all())
    course_ids = {s.course_id for s in steps if s.course_id}
    certified = set(
        Certificate.objects.filter(course_id__in=course_ids).values_list("person_id", "course_id")
    )
    visited = set(LearningVisit.people.through.objects.values_list("user_id", flat=True))
    evidenced = set(
        StepEvidence.objects.filter(step__pathway=pathway).values_list("person_id", "step_id")
    )
    started = {p for p, _ in certified} | {p for p, _ in evidenced}
    people = {u.pk: u for u in User.objects.filter(pk__in=started)}
    rows = []
    for pk, person in people.items():
        done = [
            (s.course_id and (pk, s.course_id) in certified)
            or (s.kind == PathwayStep.Kind.LEARNING_VISIT and pk in visited)
            or (pk, s.pk) in evidenced
            for s in steps
        ]
        next_step = next((s.title for s, d in zip(steps, done, strict=True) if not d), "")
        rows.append(
            AmbassadorRow(
                name=person.get_full_name() or person.email,
                done=sum(bool(d) for d in done),
                steps=len(steps),
                next_step=next_step,
            )
        )
    return sorted(rows, key=lambda r: (-r.done, r.name))


def learning_visit_list() -> QuerySet[LearningVisit]:
    """Visits to other labs, newest first, with the lab and who went (three queries)."""
    return LearningVisit.objects.select_related("peer_lab").prefetch_related("people")


def session_initial(session: Session) -> dict[str, object]:
    """A session's answers as the session form shows them (UK time)."""

    def local(moment: datetime) -> str:
        return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")

    return {
        "starts_at": local(session.starts_at),
        "ends_at": local(session.ends_at),
        "capacity": session.capacity,
        "location": session.online_url or session.address,
        "booking_deadline": local(session.booking_deadline),
        "cancellation_deadline": local(session.cancellation_deadline),
        "partner_trainers": session.partner_trainers,
        "space": str(venue.space_id) if (venue := session_venue(session)) else "",
    }


def session_venue(session: Session) -> "SpaceBooking | None":
    """The hub space booking a session holds, if it still holds it (not cancelled or
    declined)."""
    venue = session.venue_booking
    return venue if venue is not None and venue.is_holding else None


def enrolment_list_awaiting_approval(*, user: "AnyUser") -> QuerySet[Enrolment]:
    """Bookings waiting for approval that ``user`` may approve: their own staff's (as line
    manager), or every one for the Hub Team. Soonest session first."""
    pending = Enrolment.objects.filter(status=Enrolment.Status.PENDING)
    if not is_hub_team(user):
        pending = pending.filter(person__line_manager_id=user.pk)
    return pending.select_related("session__course", "person").order_by("session__starts_at")
