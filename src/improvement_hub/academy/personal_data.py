"""The Change Academy's part of "download your data" and "close your account"."""

from typing import TYPE_CHECKING, Any

from django.utils import timezone

from improvement_hub.academy.models import (
    CalendarFeed,
    Certificate,
    Enrolment,
    SelfAssessment,
    StepEvidence,
)
from improvement_hub.core.personal_data import personal_data_register

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User


def academy_export(user: "User") -> dict[str, Any]:
    """The person's bookings (with their marks and feedback), certificates, skills
    self-assessment and pathway evidence. Not the calendar link's secret token."""
    enrolments = Enrolment.objects.filter(person=user).select_related("session__course", "feedback")
    return {
        "bookings": [
            {
                "course": e.session.course.title,
                "starts_at": e.session.starts_at.isoformat(),
                "status": e.get_status_display(),
                "attendance": e.get_attendance_display() if e.attendance else "",
                "booked_at": e.created_at.isoformat(),
                "feedback": (
                    {
                        "useful": e.feedback.useful,
                        "trainer": e.feedback.trainer,
                        "will_use": e.feedback.will_use,
                        "comments": e.feedback.comments,
                    }
                    if hasattr(e, "feedback")
                    else None
                ),
            }
            for e in enrolments
        ],
        "certificates": [
            {
                "course": c.course.title,
                "issued_on": c.issued_on.isoformat(),
                "reference": str(c.reference),
            }
            for c in Certificate.objects.filter(person=user).select_related("course")
        ],
        "self_assessment": {
            a.skill.name: a.get_level_display()
            for a in SelfAssessment.objects.filter(person=user).select_related("skill")
        },
        "pathway_evidence": [
            {
                "step": ev.step.title,
                "link": ev.link,
                "note": ev.note,
                "done_on": ev.done_on.isoformat(),
            }
            for ev in StepEvidence.objects.filter(person=user).select_related("step")
        ],
    }


def academy_close(user: "User") -> None:
    """The calendar link stops working; places on sessions still to come are given up
    through the normal rule (a freed seat goes to the first on the waiting list); past
    learning records stay, shown as a former member."""
    from improvement_hub.academy import services

    CalendarFeed.objects.filter(person=user).delete()
    upcoming = Enrolment.objects.filter(person=user, session__starts_at__gt=timezone.now()).exclude(
        status=Enrolment.Status.CANCELLED
    )
    for enrolment in upcoming.select_related("person", "session"):
        services.booking_cancel(actor=user, enrolment=enrolment)


def register() -> None:
    personal_data_register(
        key="academy", title="Change Academy", export=academy_export, close=academy_close, order=40
    )
