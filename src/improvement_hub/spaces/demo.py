"""Demo data for lab space and events, in the seed's own time: the partner's lab space
until 30 June 2017, two council rooms from 1 July 2017, the move plan part-way done,
bookings for the pilots' workshops and Academy sessions in spring 2017, and a monthly
open session with registrations. History is written directly (the services refuse the
past); rules about "now" use the real clock."""

import datetime as dt
from collections.abc import Callable

from django.contrib.auth import get_user_model

from improvement_hub.council.models import Organisation, Priority
from improvement_hub.spaces.models import (
    LONDON,
    Booking,
    BookingStatus,
    Event,
    MovePlan,
    MoveStep,
    Provider,
    Purpose,
    Registration,
    ResourceRequest,
    Space,
)

SPACES = {
    "impact-hub-lab": {
        "name": "The Lab at Impact Hub",
        "building": "Impact Hub, Digbeth",
        "address": "The Custard Factory, Gibb Street, B9 4AA",
        "provider": Provider.PARTNER,
        "capacity": 40,
        "layouts": "workshop tables, open floor, theatre",
        "equipment": "Projector, whiteboards, sticky notes, prototyping kit",
        "step_free": True,
        "accessible_toilet": True,
        "available_from": dt.date(2016, 12, 1),
        "available_until": dt.date(2017, 6, 30),
        "opens_at": dt.time(8),
        "closes_at": dt.time(21),
        "buffer_minutes": 15,
        "community_by_request": True,
        "is_public": True,
        "description": "The partner's lab space, provided until June 2017 while the council readies its own.",
    },
    "council-house-committee-room-2": {
        "name": "Council House, Committee Room 2",
        "building": "Council House",
        "address": "Victoria Square, B1 1BB",
        "provider": Provider.COUNCIL,
        "capacity": 30,
        "layouts": "boardroom, cabaret",
        "equipment": "Screen, hearing loop, video calls",
        "step_free": True,
        "hearing_loop": True,
        "accessible_toilet": True,
        "available_from": dt.date(2017, 7, 1),
        "opens_at": dt.time(8),
        "closes_at": dt.time(20),
        "min_notice_hours": 24,
        "is_public": True,
        "description": "Step-free, with a hearing loop: the Lab's home for open sessions from July 2017.",
    },
    "council-house-lab-studio": {
        "name": "Council House Extension, Lab Studio",
        "building": "Council House Extension",
        "address": "Margaret Street, B3 3BU",
        "provider": Provider.COUNCIL,
        "capacity": 20,
        "layouts": "workshop tables",
        "equipment": "Whiteboard walls, prototyping kit (moved from the partner's lab)",
        "quiet_room": True,
        "available_from": dt.date(2017, 7, 1),
        "opens_at": dt.time(8, 30),
        "closes_at": dt.time(17, 30),
        "is_public": False,
        "description": "The Lab team's studio for design work with staff.",
    },
}

WORKSHOPS = [
    # month, day, start hour, hours, purpose, kind, priority slug
    (
        2,
        7,
        10,
        3,
        "Pilot workshop: school places for children in temporary accommodation",
        Purpose.WORKSHOP,
        "children",
    ),
    (
        2,
        21,
        13,
        2,
        "Change Academy: introduction to service design",
        Purpose.TRAINING,
        "jobs-and-skills",
    ),
    (3, 7, 10, 3, "Pilot workshop: one number for housing repairs", Purpose.WORKSHOP, "housing"),
    (
        3,
        21,
        10,
        3,
        "Pilot workshop: school places for children in temporary accommodation",
        Purpose.WORKSHOP,
        "children",
    ),
    (
        3,
        27,
        10,
        2,
        "Change Academy: prototyping with residents",
        Purpose.TRAINING,
        "jobs-and-skills",
    ),
    (4, 4, 14, 3, "Pilot workshop: social prescribing in GP surgeries", Purpose.WORKSHOP, "health"),
    (4, 25, 10, 3, "Pilot workshop: one number for housing repairs", Purpose.WORKSHOP, "housing"),
    (5, 9, 10, 2, "Show and tell: what the three pilots learned", Purpose.EVENT, "health"),
    (5, 23, 13, 2, "Change Academy: measuring improvement", Purpose.TRAINING, "jobs-and-skills"),
    (
        6,
        13,
        10,
        3,
        "Pilot workshop: social prescribing in GP surgeries",
        Purpose.WORKSHOP,
        "health",
    ),
    (6, 27, 10, 4, "Packing up the Lab: equipment for the council rooms", Purpose.OTHER, ""),
]

MOVE_STEPS = [
    (
        MoveStep.Kind.ROOM,
        "Council rooms found and agreed with Property Services",
        dt.date(2017, 3, 31),
        "hub",
        dt.date(2017, 3, 24),
    ),
    (
        MoveStep.Kind.IT,
        "Wi-fi, video calls and printing in the Lab Studio",
        dt.date(2017, 5, 31),
        "",
        dt.date(2017, 6, 2),
    ),
    (
        MoveStep.Kind.FURNITURE,
        "Workshop tables and whiteboard walls fitted",
        dt.date(2017, 6, 16),
        "partner",
        dt.date(2017, 6, 20),
    ),
    (
        MoveStep.Kind.SIGNAGE,
        "Signs from Victoria Square and the Extension's entrance",
        dt.date(2017, 6, 23),
        "",
        None,
    ),
    (
        MoveStep.Kind.EQUIPMENT,
        "Prototyping kit moved from the partner's lab",
        dt.date(2017, 6, 30),
        "partner",
        None,
    ),
    (
        MoveStep.Kind.FIRST_SESSION,
        "First open session held in Committee Room 2",
        dt.date(2017, 7, 5),
        "hub",
        None,
    ),
]

RESIDENTS = [
    "Aisha Khan",
    "Tom Hughes",
    "Grace Okafor",
    "Marek Nowak",
    "Siobhan Kelly",
    "Dev Patel",
    "Ruth Evans",
    "Kwame Mensah",
]


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LONDON)


def _first_wednesday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 1)
    return day + dt.timedelta(days=(2 - day.weekday()) % 7)


def load(log: Callable[[str], None]) -> None:
    """Load this app's part of the demo story. Safe to run again: updates in place."""
    users = {u.email: u for u in get_user_model().objects.filter(email__endswith="@demo.example")}
    hub, staff, partner = (users.get(f"{n}@demo.example") for n in ("hubteam", "staff", "partner"))
    if hub is None or staff is None or partner is None:
        log("Spaces: skipped (the demo users are missing)")
        return
    impact_hub = Organisation.objects.filter(slug="impact-hub-cic").first()
    spaces = {}
    for slug, fields in SPACES.items():
        organisation = impact_hub if fields["provider"] == Provider.PARTNER else None
        spaces[slug], _ = Space.objects.update_or_create(
            slug=slug, defaults={**fields, "organisation": organisation}
        )
    lab, room2, studio = spaces.values()

    priorities = {p.slug: p for p in Priority.objects.all()}
    for month, day, hour, hours, purpose, kind, priority in WORKSHOPS:
        start = _at(dt.date(2017, month, day), hour)
        booker = partner if kind == Purpose.WORKSHOP else hub
        booking, _ = Booking.objects.update_or_create(
            space=lab,
            starts_at=start,
            defaults={
                "booked_by": booker,
                "ends_at": start + dt.timedelta(hours=hours),
                "blocked_until": start + dt.timedelta(hours=hours) + lab.buffer,
                "purpose": purpose,
                "kind": kind,
                "priority": priorities.get(priority),
                "people": 20,
                "status": BookingStatus.CONFIRMED,
                "purpose_is_public": kind == Purpose.EVENT,
            },
        )
        if kind == Purpose.WORKSHOP and not booking.resource_requests.exists():
            ResourceRequest.objects.create(
                booking=booking,
                kind=ResourceRequest.Kind.CATERING,
                details="Tea, coffee and lunch for 20",
                status=ResourceRequest.Status.DONE,
            )
            ResourceRequest.objects.create(
                booking=booking,
                kind=ResourceRequest.Kind.ACCESS_SUPPORT,
                details="BSL interpreter for one resident",
                status=ResourceRequest.Status.DONE,
            )
    # A community group's request in the council's room, waiting for the Hub Team.
    Booking.objects.update_or_create(
        space=room2,
        starts_at=_at(dt.date(2017, 7, 12), 18),
        defaults={
            "booked_by": users.get("resident@demo.example") or staff,
            "ends_at": _at(dt.date(2017, 7, 12), 20),
            "blocked_until": _at(dt.date(2017, 7, 12), 20),
            "purpose": "Ladywood Tenants' Forum: repairs meeting",
            "kind": Purpose.MEETING,
            "people": 25,
            "status": BookingStatus.PENDING,
            "approval_reason": "Community group bookings are approved by the Hub Team",
        },
    )

    plan, _ = MovePlan.objects.update_or_create(
        name="Moving the Lab into council buildings",
        defaults={"from_space": lab, "to_space": studio},
    )
    owners = {"hub": hub, "partner": partner}
    for step_kind, title, due, owner, done in MOVE_STEPS:
        MoveStep.objects.update_or_create(
            plan=plan,
            kind=step_kind,
            defaults={
                "title": title,
                "due_on": due,
                "owner": owners.get(owner),
                "owner_name": ""
                if owner
                else "Corporate IT"
                if step_kind == MoveStep.Kind.IT
                else "Property Services",
                "done_on": done,
            },
        )

    events = 0
    for month in range(1, 8):
        session_day = _first_wednesday(2017, month)
        space = lab if month <= 6 else room2
        start, end = _at(session_day, 17, 30), _at(session_day, 19, 30)
        booking, _ = Booking.objects.update_or_create(
            space=space,
            starts_at=start,
            defaults={
                "booked_by": hub,
                "ends_at": end,
                "blocked_until": end + space.buffer,
                "purpose": "Open session: bring us a problem",
                "kind": Purpose.OPEN_SESSION,
                "people": 30,
                "purpose_is_public": True,
                "status": BookingStatus.CONFIRMED,
            },
        )
        event, _ = Event.objects.update_or_create(
            slug=f"open-session-{session_day:%Y-%m}",
            defaults={
                "title": f"Open session: bring us a problem ({session_day:%B %Y})",
                "kind": Event.Kind.OPEN_SESSION,
                "summary": "Tell the Innovation Lab about a problem that no one service can fix on its own.",
                "what_to_expect": "Tea and a chat in small groups with the Lab team and staff from council services. "
                "Bring a problem, not a solution. Children are welcome.",
                "starts_at": start,
                "ends_at": end,
                "space": space,
                "booking": booking,
                "capacity": 30,
                "created_by": hub,
            },
        )
        came = 0
        for n, name in enumerate(RESIDENTS[: 4 + month % 5]):
            email = f"{name.split()[0].lower()}.{month}@example.org"
            attended = month <= 6 and n % 4 != 3
            Registration.objects.update_or_create(
                event=event,
                email=email,
                defaults={
                    "name": name,
                    "status": Registration.Status.CONFIRMED,
                    "confirmed_at": start - dt.timedelta(days=7),
                    "attended": attended if month <= 6 else None,
                    "feedback_rating": 4 + n % 2 if attended and n % 2 == 0 else None,
                    "feedback": "Good to be listened to." if attended and n == 0 else "",
                },
            )
            came += 1
        Event.objects.filter(pk=event.pk).update(confirmed_count=came)
        events += 1
    log(
        f"Spaces: {len(spaces)} spaces, {Booking.objects.count()} bookings, {events} open sessions, the move plan"
    )
