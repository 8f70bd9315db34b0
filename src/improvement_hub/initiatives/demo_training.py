"""Demo: the three pilots' training requirements, linked to the Change Academy's demo
courses and sessions (issue 11). Runs after initiatives.demo (it needs the pilots) and after
academy.demo (the courses, sessions and people).

- Family Front Door (starts 9 January 2017): all five staff at the Sparkbrook locality
  need "Introduction to improvement"; four went on 5 January, one did not attend.
- Jobs hub at the Library (starts 1 March 2017): eight named staff need "Running a pilot
  well". Only a session in January existed and was full, so the Hub Team scheduled one for
  the requirement on 7 February and booked them: the gap closed, all eight trained.
- Care leavers' first home (starts 3 April 2017): six people need co-production; four went
  in March, so it was flagged red 10 working days before the start.

Models of other apps are reached through Django's app registry, as migrations do, so this
module keeps to the contract that only ``demo`` modules import them."""

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.apps import apps
from django.contrib.auth import get_user_model

from improvement_hub.initiatives.models import Pilot
from improvement_hub.initiatives.models.parts import TrainingRequirement


def _requirement(pilot: Pilot, course_slug: str, **fields: object) -> TrainingRequirement | None:
    Course = apps.get_model("academy", "Course")
    Session = apps.get_model("academy", "Session")
    course = Course.objects.filter(slug=course_slug).first()
    if course is None:
        return None
    sessions: date | None = fields.pop("sessions_before", None)  # type: ignore[assignment]  # a date, as given
    people = fields.pop("people", ())
    requirement, _ = TrainingRequirement.objects.update_or_create(
        initiative=pilot.initiative,
        pilot=pilot,
        course=course,
        defaults={"need": course.title, **fields},
    )
    requirement.people.set(people)  # type: ignore[arg-type]  # users from the registry
    if sessions is not None:
        requirement.sessions.set(
            Session.objects.filter(
                course=course, starts_at__date__lt=sessions, starts_at__year=sessions.year
            )
        )
    return requirement


def load(log: Callable[[str], object]) -> None:
    """Load the requirement demo rows. Safe to run again: updates in place."""
    User = get_user_model()
    pilots = {p.starts_on: p for p in Pilot.objects.select_related("initiative")}
    staff = list(User.objects.filter(email__startswith="pilot.staff").order_by("email"))
    made = 0
    if front_door := pilots.get(date(2017, 1, 9)):
        made += bool(
            _requirement(
                front_door,
                "introduction-to-improvement",
                who="All staff at the Sparkbrook locality",
                count=5,
                needed_by=date(2017, 1, 9),
                sessions_before=date(2017, 1, 9),
            )
        )
    if jobs_hub := pilots.get(date(2017, 3, 1)):
        made += bool(
            _requirement(
                jobs_hub,
                "running-a-pilot",
                who="The library's pilot team",
                people=staff,
                needed_by=date(2017, 2, 17),
                sessions_before=date(2017, 2, 17),
            )
        )
    if care_leavers := pilots.get(date(2017, 4, 3)):
        requirement = _requirement(
            care_leavers,
            "co-production-with-residents",
            who="Ladywood care leavers team",
            count=6,
            needed_by=date(2017, 3, 31),
            sessions_before=date(2017, 3, 31),
        )
        if requirement is not None:
            flagged = datetime(2017, 3, 17, 9, 0, tzinfo=ZoneInfo("Europe/London"))
            TrainingRequirement.objects.filter(pk=requirement.pk).update(flagged_at=flagged)
            made += 1
    log(f"Training for pilots: {made} requirements linked to Change Academy courses")
