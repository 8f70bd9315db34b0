"""Every write of the Change Academy: permission checked, validated, in a transaction,
emails queued after commit. Capacity is exact under concurrency: a booking locks its
session's row, so bookings of one session are taken one at a time in arrival order."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.text import slugify

from improvement_hub import workdays
from improvement_hub.academy import permissions
from improvement_hub.academy.emails import EmailKind, send_enrolment_email
from improvement_hub.academy.models import (
    CalendarFeed,
    Certificate,
    Course,
    Enrolment,
    Feedback,
    PathwayStep,
    SelfAssessment,
    Session,
    Skill,
    StepEvidence,
)
from improvement_hub.spaces import selectors as spaces_selectors
from improvement_hub.spaces import services as spaces_services
from improvement_hub.spaces.models import Purpose as SpacePurpose

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User
    from improvement_hub.accounts.types import AnyUser
    from improvement_hub.spaces.models import Booking as SpaceBooking
    from improvement_hub.spaces.models import Space

Status = Enrolment.Status
Attendance = Enrolment.Attendance
LIVE = [Status.PENDING, Status.BOOKED, Status.WAITLISTED]
MAX_CAPACITY = 500
REMINDER_WORKING_DAYS = 2
# Unless told otherwise, cancelling without a mark is possible until two days before.
DEFAULT_CANCELLATION_NOTICE = timedelta(days=2)


class AlreadyBooked(Exception):
    """The person already has a live booking on this session (the API's 409)."""

    message = "You already have a place on this session"


def _require(allowed: bool, message: str = "You do not have permission to do that") -> None:
    if not allowed:
        raise PermissionDenied(message)


def _queue_email(enrolment: Enrolment, kind: EmailKind) -> None:
    transaction.on_commit(
        partial(send_enrolment_email.enqueue, enrolment.pk, str(kind), enrolment.sequence),
        robust=True,
    )


# --- courses and sessions ----------------------------------------------------------------


def _unique_slug(title: str) -> str:
    base = slugify(title)[:140] or "course"
    slug, n = base, 1
    while Course.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def course_create(*, actor: "AnyUser", data: dict[str, Any]) -> Course:
    """Adds a course to the catalogue (a draft unless ``is_published``); the Hub Team only."""
    _require(permissions.can_manage_academy(actor))
    course = Course(**data)
    course.slug = _unique_slug(course.title)
    course.full_clean()
    course.save()
    return course


@dataclass(frozen=True)
class SessionData:
    starts_at: datetime
    ends_at: datetime
    capacity: int
    address: str = ""
    online_url: str = ""
    booking_deadline: datetime | None = None
    cancellation_deadline: datetime | None = None
    partner_trainers: str = ""
    space: "Space | None" = None


def _session_errors(data: SessionData, now: datetime) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.starts_at <= now:
        errors["starts_at"] = "The start must be in the future"
    if data.ends_at <= data.starts_at:
        errors["ends_at"] = "The end must be after the start"
    elif data.ends_at - data.starts_at > timedelta(days=5):
        errors["ends_at"] = "A session must last 5 days or less"
    if data.capacity < 1:
        errors["capacity"] = "Capacity must be 1 or more"
    elif data.capacity > MAX_CAPACITY:
        errors["capacity"] = f"Capacity must be {MAX_CAPACITY} or fewer"
    for name in ("booking_deadline", "cancellation_deadline"):
        deadline = getattr(data, name)
        if deadline is not None and deadline > data.starts_at:
            errors[name] = "The deadline must be before the session starts"
    return errors


@transaction.atomic
def session_create(
    *,
    actor: "AnyUser",
    course: Course,
    data: SessionData,
    trainers: list["User"] | None = None,
) -> Session:
    """Schedules a session of a course; refuses a past start, an end before the start,
    a capacity under 1 and deadlines after the start. The Hub Team only."""
    _require(permissions.can_manage_academy(actor))
    errors = _session_errors(data, timezone.now())
    if errors:
        raise ValidationError(errors)
    cancellation = data.cancellation_deadline or max(
        timezone.now(), data.starts_at - DEFAULT_CANCELLATION_NOTICE
    )
    session = Session(
        course=course,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        capacity=data.capacity,
        address=data.address,
        online_url=data.online_url,
        partner_trainers=data.partner_trainers,
        booking_deadline=data.booking_deadline or data.starts_at,
        cancellation_deadline=cancellation,
        created_by=actor if actor.is_authenticated else None,
    )
    if data.space is not None:
        # The venue is one of the hub's spaces: book it for the session (its rules apply:
        # no clash with another booking, opening hours, approval).
        session.venue_booking = spaces_services.booking_create(
            user=actor,
            space=data.space,
            starts_at=data.starts_at,
            ends_at=data.ends_at,
            purpose=f"Change Academy: {course.title}",
            kind=SpacePurpose.TRAINING,
            people=min(data.capacity, 10_000),
        )
    session.full_clean()
    session.save()
    if trainers:
        session.trainers.set(trainers)
    return session


# --- bookings ------------------------------------------------------------------------------


def _lock_session(session_id: int) -> Session:
    """The session's row, locked until the transaction ends. SQLite has no row locks: a
    no-op write makes this transaction the database's one writer straight away."""
    if connection.vendor == "sqlite":
        Session.objects.filter(pk=session_id).update(sequence=F("sequence"))
    return Session.objects.select_for_update().select_related("course").get(pk=session_id)


def _booked_count(session: Session) -> int:
    return session.enrolments.filter(status=Status.BOOKED).count()


def _seat_or_wait(session: Session) -> str:
    return Status.BOOKED if _booked_count(session) < session.capacity else Status.WAITLISTED


def waitlist_position(enrolment: Enrolment) -> int | None:
    """1 for the first on the waiting list; ``None`` when not waitlisted."""
    if enrolment.status != Status.WAITLISTED:
        return None
    return Enrolment.objects.filter(
        session_id=enrolment.session_id,
        status=Status.WAITLISTED,
        queue_number__lte=enrolment.queue_number,
    ).count()


@transaction.atomic
def booking_create(
    *, actor: "AnyUser", session: Session, person: "User | None" = None
) -> Enrolment:
    """Books ``person`` (by default the actor) onto a session: a seat while there is one,
    else the waiting list in arrival order; waits for the manager's approval when the
    course needs it and the actor is not that manager. Refuses residents, visitors, a
    second live booking (``AlreadyBooked``), cancelled or past sessions and bookings after
    the booking deadline."""
    person = person or actor  # type: ignore[assignment]  # AnonymousUser is refused below
    if not actor.is_authenticated or person is None or not person.is_authenticated:
        raise PermissionDenied("Sign in to book a place")
    _require(
        permissions.can_book_for(actor, person, session.course),
        "You cannot book a place on this course",
    )
    locked = _lock_session(session.pk)
    now = timezone.now()
    if locked.is_cancelled:
        raise ValidationError("This session has been cancelled")
    if locked.starts_at <= now:
        raise ValidationError("This session has already started")
    if locked.booking_deadline < now and not permissions.can_manage_academy(actor):
        raise ValidationError("Booking for this session has closed")
    if locked.enrolments.filter(person=person, status__in=LIVE).exists():
        raise AlreadyBooked
    approved = not locked.course.needs_manager_approval or (
        person.line_manager_id == actor.pk or permissions.can_manage_academy(actor)
    )
    last = locked.enrolments.aggregate(last=Max("queue_number"))["last"] or 0
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                session=locked,
                person=person,
                booked_by=actor,
                status=_seat_or_wait(locked) if approved else Status.PENDING,
                queue_number=last + 1,
            )
    except IntegrityError as error:
        raise AlreadyBooked from error
    kinds = {
        Status.BOOKED: EmailKind.CONFIRMED,
        Status.WAITLISTED: EmailKind.WAITLISTED,
        Status.PENDING: EmailKind.PENDING,
    }
    _queue_email(enrolment, kinds[Status(enrolment.status)])
    return enrolment


@transaction.atomic
def booking_approve(*, actor: "AnyUser", enrolment: Enrolment) -> Enrolment:
    """The line manager approves a booking: it takes a seat or joins the waiting list
    (its place in the queue is when it was asked for)."""
    _require(permissions.can_approve(actor, enrolment))
    locked = _lock_session(enrolment.session_id)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status != Status.PENDING:
        raise ValidationError("This booking is not waiting for approval")
    enrolment.status = _seat_or_wait(locked)
    enrolment.save(update_fields=["status", "updated_at"])
    confirmed = enrolment.status == Status.BOOKED
    _queue_email(enrolment, EmailKind.CONFIRMED if confirmed else EmailKind.WAITLISTED)
    return enrolment


def _promote_first(session: Session) -> Enrolment | None:
    first = (
        session.enrolments.select_for_update()
        .filter(status=Status.WAITLISTED)
        .order_by("queue_number")
        .first()
    )
    if first is None or _booked_count(session) >= session.capacity:
        return None
    first.status = Status.BOOKED
    first.sequence += 1
    first.save(update_fields=["status", "sequence", "updated_at"])
    _queue_email(first, EmailKind.PROMOTED)
    return first


@transaction.atomic
def booking_cancel(*, actor: "AnyUser", enrolment: Enrolment) -> Enrolment:
    """Cancels a booking, its waiting-list place or its request. After the cancellation
    deadline a booked place is marked a late cancellation. A freed seat goes at once to
    the first on the waiting list, unless the booking deadline has passed (then only
    the Hub Team offers it, with ``waitlist_promote``)."""
    _require(permissions.can_cancel(actor, enrolment))
    session = _lock_session(enrolment.session_id)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status == Status.CANCELLED:
        return enrolment
    if session.starts_at <= timezone.now():
        raise ValidationError("This session has already started: ask the trainer")
    was_booked = enrolment.status == Status.BOOKED
    now = timezone.now()
    enrolment.status = Status.CANCELLED
    enrolment.cancelled_at = now
    enrolment.sequence += 1
    if was_booked and now > session.cancellation_deadline:
        enrolment.attendance = Attendance.LATE_CANCELLATION
    enrolment.save(update_fields=["status", "cancelled_at", "sequence", "attendance", "updated_at"])
    _queue_email(enrolment, EmailKind.CANCELLED)
    if was_booked and now <= session.booking_deadline:
        _promote_first(session)
    return enrolment


@transaction.atomic
def waitlist_promote(*, actor: "AnyUser", session: Session) -> Enrolment | None:
    """The Hub Team gives a free seat to the first on the waiting list (after the booking
    deadline nobody else may)."""
    _require(permissions.can_manage_academy(actor))
    return _promote_first(_lock_session(session.pk))


# --- the register, feedback, certificates -------------------------------------------------


@transaction.atomic
def register_mark(*, actor: "AnyUser", enrolment: Enrolment, attendance: str) -> Enrolment:
    """Marks attended, no-show or late cancellation (trainers and the Hub Team, once the
    session has started). Attended gives a learning record and a certificate; another
    mark takes the certificate back."""
    session = enrolment.session
    _require(permissions.can_mark_register(actor, session))
    if attendance not in Attendance.values:
        raise ValidationError(
            {"attendance": "Select attended, did not attend or late cancellation"}
        )
    if session.starts_at > timezone.now():
        raise ValidationError("You can mark the register once the session has started")
    if enrolment.status not in (Status.BOOKED, Status.CANCELLED):
        raise ValidationError("Only people with a place can be marked")
    enrolment.attendance = attendance
    enrolment.save(update_fields=["attendance", "updated_at"])
    if attendance == Attendance.ATTENDED:
        Certificate.objects.get_or_create(
            enrolment=enrolment,
            defaults={
                "person_id": enrolment.person_id,
                "course_id": session.course_id,
                "issued_on": timezone.localdate(session.ends_at),
            },
        )
    else:
        Certificate.objects.filter(enrolment=enrolment).delete()
    return enrolment


@transaction.atomic
def feedback_give(*, actor: "AnyUser", enrolment: Enrolment, data: dict[str, Any]) -> Feedback:
    """Feedback from someone who attended, once per session."""
    if enrolment.person_id != actor.pk:
        raise PermissionDenied("This is not your booking")
    if enrolment.attendance != Attendance.ATTENDED:
        raise ValidationError("You can give feedback once the trainer marks you as attended")
    feedback = Feedback(enrolment=enrolment, **data)
    feedback.full_clean(exclude=["enrolment"])
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError as error:
        raise ValidationError("You have already given feedback on this session") from error
    return feedback


# --- my learning: calendar, skills, pathway evidence ---------------------------------------


def calendar_feed_renew(*, actor: "AnyUser") -> CalendarFeed:
    """Makes (or replaces, so the old link stops working) the person's calendar link."""
    _require(permissions.can_use_learning(actor))
    feed, created = CalendarFeed.objects.get_or_create(person_id=actor.pk)
    if not created:
        feed.token = CalendarFeed._meta.get_field("token").get_default()
        feed.save(update_fields=["token", "created_at"])
    return feed


def calendar_feed_revoke(*, actor: "AnyUser") -> None:
    CalendarFeed.objects.filter(person_id=actor.pk).delete()


@transaction.atomic
def self_assessment_save(*, actor: "AnyUser", levels: dict[Skill, int]) -> int:
    """Records the person's own level for each skill (0 to 4)."""
    _require(permissions.can_use_learning(actor))
    today = timezone.localdate()
    for skill, level in levels.items():
        if level not in dict(Skill.LEVELS):
            raise ValidationError({f"skill_{skill.pk}": "Select a level"})
        SelfAssessment.objects.update_or_create(
            person_id=actor.pk, skill=skill, defaults={"level": level, "assessed_on": today}
        )
    return len(levels)


@transaction.atomic
def step_evidence_add(
    *, actor: "AnyUser", step: PathwayStep, link: str, note: str = "", done_on: date | None = None
) -> StepEvidence:
    """Evidence for a practice step: a link to a page of this hub (a PDSA cycle)."""
    _require(permissions.can_use_learning(actor))
    if step.kind != PathwayStep.Kind.PRACTICE:
        raise ValidationError("Only practice steps take evidence")
    if not link.startswith("/initiatives/") or "//" in link or len(link) > 300:
        raise ValidationError({"link": "Enter the address of a PDSA cycle in this hub"})
    evidence, _ = StepEvidence.objects.update_or_create(
        step=step,
        person_id=actor.pk,
        defaults={"link": link, "note": note, "done_on": done_on or timezone.localdate()},
    )
    return evidence


@transaction.atomic
def session_schedule_for(
    *, actor: "AnyUser", course: Course, data: SessionData, people: list["User"]
) -> tuple[Session, list[Enrolment]]:
    """Schedules a session and books the people who need it in one step (the Hub Team,
    for a pilot's training requirement). Each is told by the booking email; anyone who may
    not take the course, or already has a place, is left out."""
    session = session_create(actor=actor, course=course, data=data)
    booked = []
    for person in people:
        if not permissions.can_book_course(person, course):
            continue
        try:
            booked.append(booking_create(actor=actor, session=session, person=person))
        except AlreadyBooked:
            continue
    return session, booked


def reminders_send(*, today: date | None = None) -> int:
    """Queues the reminder (with the same calendar event) for everyone booked on a session
    2 working days from ``today``; each booking is reminded once. Run daily."""
    today = today or timezone.localdate()
    day = workdays.add_working_days(today, REMINDER_WORKING_DAYS)
    due = Enrolment.objects.filter(
        status=Status.BOOKED,
        reminded_at__isnull=True,
        session__is_cancelled=False,
        session__starts_at__date__gt=today,
        session__starts_at__date__lte=day,
    )
    count = 0
    for enrolment in due:
        with transaction.atomic():
            updated = Enrolment.objects.filter(pk=enrolment.pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            )
            if updated:
                _queue_email(enrolment, EmailKind.REMINDER)
                count += 1
    return count


@transaction.atomic
def session_cancel(*, actor: "AnyUser", session: Session) -> int:
    """Cancels a session (the Hub Team): every live booking is cancelled and each person
    gets the cancellation with a calendar CANCEL for the same event; the space booked for
    it is let go. Returns how many people were told. Cancelling twice tells nobody again."""
    _require(permissions.can_manage_academy(actor))
    locked = _lock_session(session.pk)
    if locked.is_cancelled:
        return 0
    if locked.starts_at <= timezone.now():
        raise ValidationError("This session has already started")
    locked.is_cancelled = True
    locked.sequence += 1
    locked.save(update_fields=["is_cancelled", "sequence", "updated_at"])
    told = 0
    for enrolment in locked.enrolments.select_for_update().filter(status__in=LIVE):
        enrolment.status = Status.CANCELLED
        enrolment.cancelled_at = timezone.now()
        enrolment.sequence += 1
        enrolment.save(update_fields=["status", "cancelled_at", "sequence", "updated_at"])
        _queue_email(enrolment, EmailKind.CANCELLED)
        told += 1
    if locked.venue_booking is not None:
        spaces_services.booking_cancel(user=actor, booking=locked.venue_booking)
    return told


def _nearest_free(space: "Space", starts_at: datetime, ends_at: datetime) -> str:
    """The free times of ``space`` nearest to a refused one, in words (spaces' selector)."""
    nearest = spaces_selectors.free_times_near(space=space, starts_at=starts_at, ends_at=ends_at)
    if not nearest:
        return f"{space.name} has no free time of that length in the two weeks around it"
    times = "; ".join(
        f"{timezone.localtime(s):%a %-d %b %H:%M} to {timezone.localtime(e):%H:%M}"
        for s, e in nearest
    )
    return f"Free times nearby in {space.name}: {times}"


def _refused_with_nearest(
    error: ValidationError, *, field: str, space: "Space", starts_at: datetime, ends_at: datetime
) -> ValidationError:
    """A space's refusal of a move, on the form's ``field``, with the nearest free times
    (the spaces' rules already add them; a clash does not)."""
    messages = [m for m in error.messages if not m.startswith("Free times nearby")]
    if not any(m.startswith(("Free times", f"{space.name} has no free")) for m in messages):
        messages.append(_nearest_free(space, starts_at, ends_at))
    return ValidationError({field: messages})


def _venue_move(*, actor: "AnyUser", session: Session, data: SessionData) -> "SpaceBooking | None":
    """Re-books the session's venue for its new space or times through the spaces'
    services: a new space is booked before the old one is let go, so a refusal (a clash,
    the rules) changes nothing; the same space moves its booking. Returns the booking the
    session holds afterwards."""
    current = session.venue_booking
    moved = (session.starts_at, session.ends_at) != (data.starts_at, data.ends_at)
    if data.space is None:
        if current is not None:
            spaces_services.booking_cancel(user=actor, booking=current)
        return None
    if current is not None and current.space_id == data.space.pk and current.is_holding:
        if moved:
            try:
                spaces_services.booking_change(
                    user=actor, booking=current, starts_at=data.starts_at, ends_at=data.ends_at
                )
            except ValidationError as error:
                raise _refused_with_nearest(
                    error,
                    field="starts_at",
                    space=data.space,
                    starts_at=data.starts_at,
                    ends_at=data.ends_at,
                ) from error
        return current
    try:
        booking = spaces_services.booking_create(
            user=actor,
            space=data.space,
            starts_at=data.starts_at,
            ends_at=data.ends_at,
            purpose=f"Change Academy: {session.course.title}",
            kind=SpacePurpose.TRAINING,
            people=min(data.capacity, 10_000),
        )
    except ValidationError as error:
        raise _refused_with_nearest(
            error, field="space", space=data.space, starts_at=data.starts_at, ends_at=data.ends_at
        ) from error
    if current is not None and current.is_holding:
        spaces_services.booking_cancel(user=actor, booking=current)
    return booking


@transaction.atomic
def session_change(*, actor: "AnyUser", session: Session, data: SessionData) -> Session:
    """Changes a session's times, capacity, place or deadlines (the Hub Team). Refuses a
    capacity below the places already booked; a larger one gives the new seats to the
    waiting list in order. Moving it to another of the hub's spaces (or to new times in
    its space) re-books the space through the spaces' services: a clash or the spaces'
    rules refuse it with the reason and the nearest free times, and nothing changes.
    Everyone with a place or a waiting-list place gets the change with the same calendar
    event, its SEQUENCE one higher."""
    _require(permissions.can_manage_academy(actor))
    locked = _lock_session(session.pk)
    if locked.is_cancelled:
        raise ValidationError("This session has been cancelled")
    errors = _session_errors(data, timezone.now())
    booked = _booked_count(locked)
    if "capacity" not in errors and data.capacity < booked:
        errors["capacity"] = f"Capacity cannot be less than the {booked} people already booked"
    if errors:
        raise ValidationError(errors)
    locked.venue_booking = _venue_move(actor=actor, session=locked, data=data)
    locked.starts_at, locked.ends_at, locked.capacity = data.starts_at, data.ends_at, data.capacity
    if locked.venue_booking is None:
        locked.address, locked.online_url = data.address, data.online_url
    else:
        locked.address, locked.online_url = "", ""
    locked.booking_deadline = data.booking_deadline or data.starts_at
    locked.cancellation_deadline = data.cancellation_deadline or max(
        timezone.now(), data.starts_at - DEFAULT_CANCELLATION_NOTICE
    )
    locked.partner_trainers = data.partner_trainers or locked.partner_trainers
    locked.sequence += 1
    locked.full_clean()
    locked.save()
    promoted = set()
    while (enrolment := _promote_first(locked)) is not None:
        promoted.add(enrolment.pk)
    for enrolment in locked.enrolments.select_for_update().filter(
        status__in=[Status.BOOKED, Status.WAITLISTED]
    ):
        if enrolment.pk in promoted:
            continue  # the promotion email already carries the new details
        enrolment.sequence += 1
        enrolment.save(update_fields=["sequence", "updated_at"])
        _queue_email(enrolment, EmailKind.CHANGED)
    return locked
