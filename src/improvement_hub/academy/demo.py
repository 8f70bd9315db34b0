"""Demo data for the Change Academy (part of the seed's story; see
config/management/commands/demo.py).

The council decided on 29 November 2016; the partner upskills the Hub Team as
"ambassadors for the approach" over its 12 months and the three pilots run before June
2017 with training woven in. So: the catalogue is set up in December 2016, sessions run
January to May 2017, the Hub Team are part-way along the Improvement Ambassador pathway,
with a learning visit to Policy Lab in February 2017. Two sessions are dated from today, so
there is something to book. History is written directly (the services' rules about "now"
use the real clock)."""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from improvement_hub.academy.models import (
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
from improvement_hub.council.models import Directorate, Priority
from improvement_hub.lab.models import Method, PeerLab

LONDON = ZoneInfo("Europe/London")

# slug, title, level, format, duration, audiences (staff, managers, leaders, partners),
# methods, priorities, summary
COURSES = [
    (
        "introduction-to-improvement",
        "Introduction to improvement",
        "explorer",
        "workshop",
        "Half a day",
        (1, 1, 0, 1),
        [],
        [],
        "What the Improvement Hub is, the spectrum of change from a tweak to a transformation, "
        "and how to put forward an idea.",
    ),
    (
        "model-for-improvement-and-pdsa",
        "The model for improvement and PDSA cycles",
        "practitioner",
        "workshop",
        "One day",
        (1, 1, 0, 1),
        ["pilot"],
        [],
        "Set an aim, choose measures and test change ideas in small Plan-Do-Study-Act cycles.",
    ),
    (
        "measurement-for-improvement",
        "Measurement for improvement: run charts and SPC",
        "practitioner",
        "workshop",
        "One day",
        (1, 1, 0, 0),
        [],
        [],
        "Tell a real change from noise with run charts and statistical process control.",
    ),
    (
        "service-design-in-practice",
        "Service design in practice",
        "practitioner",
        "workshop",
        "Two days",
        (1, 1, 0, 1),
        ["interviews", "journey-map", "prototype"],
        ["housing"],
        "Discover, define, develop and deliver: research with residents, map journeys and "
        "prototype a better service.",
    ),
    (
        "co-production-with-residents",
        "Co-production with residents and partners",
        "practitioner",
        "workshop",
        "Half a day",
        (1, 1, 1, 1),
        ["role-play"],
        ["children"],
        "Design services with the people who use them, as equals.",
    ),
    (
        "lean-basics",
        "Lean basics: seeing waste and flow",
        "explorer",
        "elearning",
        "One hour",
        (1, 1, 0, 0),
        [],
        ["jobs-and-skills"],
        "An e-learning module on demand, flow and the waste in a process.",
    ),
    (
        "coaching-for-improvement",
        "Coaching for improvement",
        "coach",
        "coaching",
        "Four sessions",
        (1, 1, 0, 0),
        [],
        [],
        "Coach a team through its own tests of change; for people who have run PDSA cycles.",
    ),
    (
        "sponsoring-improvement",
        "Sponsoring improvement: leading change",
        "sponsor",
        "action_learning",
        "Three half days",
        (0, 0, 1, 0),
        [],
        ["health"],
        "An action learning set for officers and directors who sponsor pilots and decide go or no-go.",
    ),
    (
        "running-a-pilot",
        "Running a pilot well",
        "practitioner",
        "workshop",
        "Half a day",
        (1, 1, 0, 1),
        ["pilot"],
        [],
        "Plan a pilot at one site: success criteria, measures and the training the team needs.",
    ),
    (
        "learning-visit-to-another-lab",
        "Learning visit to another lab",
        "coach",
        "learning_visit",
        "One day",
        (1, 0, 0, 0),
        [],
        [],
        "Spend a day with an innovation lab in the UK or abroad and bring back what works.",
    ),
]

HUB_TEAM_EXTRA = [
    ("ambassador.one@demo.example", "Aisha", "Begum"),
    ("ambassador.two@demo.example", "Tom", "Fletcher"),
]
PILOT_STAFF = [
    (f"pilot.staff{n}@demo.example", first, last)
    for n, (first, last) in enumerate(
        [
            ("Ben", "Ahmed"),
            ("Cara", "Lewis"),
            ("Dev", "Patel"),
            ("Ella", "Moss"),
            ("Finn", "Walsh"),
            ("Gita", "Rao"),
            ("Hal", "Young"),
            ("Iris", "Khan"),
        ],
        start=1,
    )
]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def _person(email: str, first: str, last: str, *, manager: User | None = None) -> User:
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last}
    )
    if created:
        user.set_unusable_password()
        user.save()
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name="Staff"))
    if manager is not None and user.line_manager_id != manager.pk:
        User.objects.filter(pk=user.pk).update(line_manager=manager)
    return user


def _courses() -> dict[str, Course]:
    courses = {}
    for slug, title, level, fmt, duration, aud, methods, priorities, summary in COURSES:
        course, _ = Course.objects.update_or_create(
            slug=slug,
            defaults={
                "title": title,
                "level": level,
                "format": fmt,
                "duration": duration,
                "for_staff": bool(aud[0]),
                "for_managers": bool(aud[1]),
                "for_leaders": bool(aud[2]),
                "for_partners": bool(aud[3]),
                "summary": summary,
                "is_published": True,
                "outcomes": "Explain the approach to a colleague\nUse it on a real piece of work",
                "needs_manager_approval": slug == "coaching-for-improvement",
            },
        )
        course.methods.set(Method.objects.filter(slug__in=methods))
        course.priorities.set(Priority.objects.filter(slug__in=priorities))
        Course.objects.filter(pk=course.pk).update(created_at=_at(date(2016, 12, 12), 10))
        courses[slug] = course
    courses["coaching-for-improvement"].prerequisites.set(
        [courses["model-for-improvement-and-pdsa"]]
    )
    return courses


def _pathway(courses: dict[str, Course]) -> Pathway:
    pathway, _ = Pathway.objects.update_or_create(
        slug="improvement-ambassador",
        defaults={
            "title": "Improvement Ambassador",
            "capability": "Champions the improvement approach and coaches others to use it",
            "summary": "The Hub Team's route to being ambassadors for the approach, as the "
            "council's decision of 29 November 2016 asks: methods, a learning visit to "
            "another lab, leading a real PDSA cycle and coaching.",
            "is_published": True,
        },
    )
    steps = [
        ("course", "introduction-to-improvement", "Introduction to improvement", ""),
        ("course", "model-for-improvement-and-pdsa", "The model for improvement and PDSA", ""),
        (
            "learning_visit",
            None,
            "Visit another innovation lab",
            "Go with the team to a lab in the UK or abroad; write what you learnt and what we will adopt.",
        ),
        ("course", "service-design-in-practice", "Service design in practice", ""),
        (
            "practice",
            None,
            "Lead a PDSA cycle",
            "Lead a real cycle in one of the hub's initiatives and link to it.",
        ),
        ("course", "coaching-for-improvement", "Coaching for improvement", ""),
    ]
    for position, (kind, slug, title, description) in enumerate(steps, start=1):
        PathwayStep.objects.update_or_create(
            pathway=pathway,
            position=position,
            defaults={
                "kind": kind,
                "course": courses[slug] if slug else None,
                "title": title,
                "description": description,
            },
        )
    return pathway


# course slug, day, start hour, hours long, capacity, address
SESSIONS = [
    ("introduction-to-improvement", date(2016, 12, 13), 9, 4, 12, "Council House, Room 1"),
    ("introduction-to-improvement", date(2017, 1, 5), 9, 4, 16, "Council House, Committee Room 2"),
    (
        "model-for-improvement-and-pdsa",
        date(2017, 1, 24),
        9,
        7,
        12,
        "Council House, Committee Room 2",
    ),
    ("running-a-pilot", date(2017, 2, 7), 13, 3, 20, "Woodside Library, community room"),
    ("service-design-in-practice", date(2017, 3, 14), 9, 7, 14, "The Lab, Lancaster Circus"),
    ("measurement-for-improvement", date(2017, 3, 28), 9, 7, 12, "The Lab, Lancaster Circus"),
    ("co-production-with-residents", date(2017, 3, 21), 13, 3, 20, "Northfield Children's Centre"),
    ("sponsoring-improvement", date(2017, 5, 9), 9, 3, 8, "Council House, Room 1"),
]


def _session(course: Course, start: datetime, hours: int, capacity: int, address: str) -> Session:
    session, _ = Session.objects.update_or_create(
        course=course,
        starts_at=start,
        defaults={
            "ends_at": start + timedelta(hours=hours),
            "capacity": capacity,
            "address": address,
            "partner_trainers": "Delivery partner's facilitator",
            "booking_deadline": start - timedelta(days=2),
            "cancellation_deadline": start - timedelta(days=2),
        },
    )
    return session


def _enrol(session: Session, person: User, *, attended: bool | None, n: int) -> Enrolment:
    enrolment, _ = Enrolment.objects.update_or_create(
        session=session,
        person=person,
        defaults={
            "status": Enrolment.Status.BOOKED,
            "queue_number": n,
            "booked_by": person,
            "attendance": "" if attended is None else ("attended" if attended else "no_show"),
        },
    )
    booked_at = session.starts_at - timedelta(days=14 - n % 7)
    Enrolment.objects.filter(pk=enrolment.pk).update(created_at=booked_at)
    if attended:
        Certificate.objects.get_or_create(
            enrolment=enrolment,
            defaults={
                "person": person,
                "course": session.course,
                "issued_on": session.starts_at.date(),
            },
        )
    return enrolment


# Where the demo's people work (the Academy's reports and capability matrix group by it).
# The Hub Team sit in Corporate HR (Strategic Services); the pilot staff in the three
# pilots' directorates. Any other staff, Hub Team or Leadership person of the demo gets one
# in turn.
DIRECTORATE_OF = {
    "hubteam@demo.example": "strategic-services",
    "ambassador.one@demo.example": "strategic-services",
    "ambassador.two@demo.example": "strategic-services",
    "leadership@demo.example": "economy-and-skills",
    "staff@demo.example": "economy-and-skills",
    "pilot.staff1@demo.example": "children-and-families",
    "pilot.staff2@demo.example": "children-and-families",
    "pilot.staff3@demo.example": "children-and-families",
    "pilot.staff4@demo.example": "economy-and-skills",
    "pilot.staff5@demo.example": "economy-and-skills",
    "pilot.staff6@demo.example": "place-and-housing",
    "pilot.staff7@demo.example": "place-and-housing",
    "pilot.staff8@demo.example": "adults-and-health",
}
STAFF_GROUPS = ["Staff", "Hub Team", "Leadership"]


def _directorates() -> int:
    """Gives every demo staff, Hub Team and Leadership person a directorate (council's
    demo has loaded them). Demo data is written directly, as the demo loaders do; the
    people page's service records changes the Hub Team make afterwards."""
    directorates = {d.slug: d for d in Directorate.objects.all()}
    if not directorates:
        return 0
    people = (
        User.objects.filter(groups__name__in=STAFF_GROUPS, closed_at__isnull=True)
        .distinct()
        .order_by("pk")
    )
    cycle = sorted(directorates)
    given = 0
    for n, person in enumerate(people):
        slug = DIRECTORATE_OF.get(person.email, cycle[n % len(cycle)])
        directorate = directorates.get(slug) or directorates[cycle[0]]
        if person.directorate_id != directorate.pk:
            User.objects.filter(pk=person.pk).update(directorate=directorate)
        given += 1
    return given


def load(log: Callable[[str], None]) -> None:
    """Load this app's part of the demo story. Safe to run again: updates in place."""
    courses = _courses()
    pathway = _pathway(courses)
    hana = User.objects.filter(email="hubteam@demo.example").first()
    sam = User.objects.filter(email="staff@demo.example").first()
    hub = [p for p in [hana] if p] + [
        _person(e, f, last, manager=hana) for e, f, last in HUB_TEAM_EXTRA
    ]
    pilot_staff = [_person(e, f, last, manager=sam) for e, f, last in PILOT_STAFF]

    sessions = {}
    for slug, day, hour, hours, capacity, address in SESSIONS:
        session = _session(courses[slug], _at(day, hour), hours, capacity, address)
        if hana is not None:
            session.trainers.add(hana)
        sessions[f"{slug}-2" if slug in sessions else slug] = session
    # the Hub Team: the first two steps done; one of them also did service design
    for n, person in enumerate(hub, start=1):
        _enrol(sessions["introduction-to-improvement"], person, attended=True, n=n)
        _enrol(sessions["model-for-improvement-and-pdsa"], person, attended=True, n=n)
    if hub:
        _enrol(sessions["service-design-in-practice"], hub[0], attended=True, n=1)
    # pilot staff: five of eight trained in January, the rest in a session the Hub Team
    # added for the pilot in February (the training gap closed)
    for n, person in enumerate(pilot_staff[:5], start=10):
        _enrol(sessions["introduction-to-improvement-2"], person, attended=n != 14, n=n)
    for n, person in enumerate(pilot_staff, start=1):
        _enrol(sessions["running-a-pilot"], person, attended=True, n=n)

    # the care leavers' team: four of the six who need co-production went in March
    for n, person in enumerate([*pilot_staff[5:8], *hub[:1]], start=1):
        _enrol(sessions["co-production-with-residents"], person, attended=True, n=n)

    ratings = [
        (5, 5, True, "The PDSA ramp made sense at last."),
        (4, 5, True, ""),
        (4, 4, True, "More time on measures, please."),
        (5, 4, False, ""),
    ]
    attended = Enrolment.objects.filter(
        session__in=[sessions["model-for-improvement-and-pdsa"], sessions["running-a-pilot"]],
        attendance="attended",
    ).order_by("id")
    for enrolment, (useful, trainer, will_use, comments) in zip(
        attended, ratings * 4, strict=False
    ):
        Feedback.objects.update_or_create(
            enrolment=enrolment,
            defaults={
                "useful": useful,
                "trainer": trainer,
                "will_use": will_use,
                "comments": comments,
            },
        )

    policy_lab = PeerLab.objects.filter(name="Policy Lab").first()
    if policy_lab is not None and hub:
        visit, _ = LearningVisit.objects.update_or_create(
            peer_lab=policy_lab,
            visited_on=date(2017, 2, 21),
            defaults={
                "learnt": "Ethnographic research with residents before any solution; "
                "a small, mixed team; showing prototypes to ministers early.",
                "adopt": "Resident researchers on every Lab challenge; a show-and-tell "
                "for Leadership at the end of each pilot month.",
            },
        )
        visit.people.set(hub)
    practice = pathway.steps.filter(kind="practice").first()
    if practice is not None and hana is not None:
        StepEvidence.objects.update_or_create(
            step=practice,
            person=hana,
            defaults={
                "link": "/initiatives/",
                "note": "Tested a same-day callback for repairs",
                "done_on": date(2017, 3, 30),
            },
        )
    # the Hub Team, and four of the pilot staff after their training (the matrix by team
    # and directorate)
    assessed = [
        (hub, [[3, 3, 2, 2, 2, 1, 1], [2, 2, 1, 1, 2, 1, 0], [2, 1, 1, 2, 3, 0, 0]]),
        (
            pilot_staff[:4],
            [
                [1, 2, 0, 1, 1, 0, 0],
                [2, 1, 1, 0, 1, 0, 0],
                [1, 2, 0, 1, 2, 1, 0],
                [0, 1, 0, 0, 1, 0, 0],
            ],
        ),
    ]
    for person, levels in (
        pair for people, table in assessed for pair in zip(people, table, strict=False)
    ):
        for skill, level in zip(Skill.objects.all(), levels, strict=False):
            SelfAssessment.objects.update_or_create(
                person=person,
                skill=skill,
                defaults={"level": level, "assessed_on": date(2017, 1, 9)},
            )

    # something to book today: two sessions from now
    soon = timezone.localdate() + timedelta(days=21)
    _session(
        courses["model-for-improvement-and-pdsa"], _at(soon, 9), 7, 12, "The Lab, Lancaster Circus"
    )
    _session(
        courses["co-production-with-residents"],
        _at(soon + timedelta(days=7), 13),
        3,
        2,
        "Northfield Children's Centre",
    )
    placed = _directorates()
    log(
        f"Change Academy: {placed} staff placed in their directorates, "
        f"{Course.objects.count()} courses, the Improvement Ambassador pathway "
        f"with the Hub Team part-way, {Session.objects.count()} sessions (Jan–May 2017 and two "
        f"to book), a learning visit to Policy Lab, feedback and "
        f"{Certificate.objects.count()} certificates"
    )
