"""Demo data for the Innovation Lab: referrals in every state, two public challenges, the
lab plan with sustainability indicators, method cards and other labs."""

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.test.utils import override_settings
from django.utils import timezone

from improvement_hub.accounts.models import User
from improvement_hub.council.models import Priority, Service
from improvement_hub.lab import services, similarity
from improvement_hub.lab.models import (
    Challenge,
    IndicatorReading,
    LabPlan,
    Method,
    PeerLab,
    Referral,
    SustainabilityIndicator,
)
from improvement_hub.spaces.models import Event

# problem, affected, raised_as, organisation, services, agencies, priorities, days ago, outcome
REFERRALS = [
    (
        "Families in temporary accommodation are moved between hotels across the city, so children miss weeks of school and lose their GP.",
        "Families with children in temporary accommodation",
        "community_group",
        "Sparkbrook Parents Network",
        ["housing-options", "school-admissions"],
        ["schools", "nhs"],
        ["children", "housing"],
        25,
        "accepted-1",
    ),
    (
        "Children in hotels cannot get to school: the bus passes arrive weeks after each move.",
        "School-age children in temporary accommodation",
        "resident",
        "",
        ["housing-options"],
        ["schools"],
        ["children", "housing"],
        18,
        "accepted-1",
    ),
    (
        "Young care leavers get a flat but no help to furnish it or to find work, and fall into rent arrears within months.",
        "Care leavers aged 18 to 21",
        "partner",
        "Jobcentre Plus (DWP)",
        ["employment-and-skills", "housing-options"],
        ["dwp"],
        ["jobs-and-skills", "housing"],
        30,
        "accepted-2",
    ),
    (
        "Damp and mould in our tower block keeps coming back after repairs, and our children have asthma.",
        "Tenants in Ladywood tower blocks",
        "community_group",
        "Ladywood Tenants' Forum",
        ["council-housing-repairs"],
        ["nhs"],
        ["housing", "health"],
        12,
        "referred",
    ),
    (
        "The bins on our street are not emptied on time.",
        "Residents of one street",
        "resident",
        "",
        [],
        [],
        [],
        15,
        "declined",
    ),
    (
        "Older people leaving hospital wait days for a care package and get readmitted.",
        "Older people discharged from hospital",
        "partner",
        "NHS Integrated Care Board",
        ["adult-social-care"],
        ["nhs"],
        ["health"],
        9,
        "more_info",
    ),
    (
        "My neighbour and I both struggle to get our benefits sorted when our housing changes.",
        "People whose housing changes",
        "resident",
        "",
        ["housing-options"],
        ["dwp"],
        ["housing"],
        7,
        "acknowledged",
    ),
    (
        "Families moved between hotels lose touch with their health visitor.",
        "Families in temporary accommodation",
        "resident",
        "",
        ["public-health", "housing-options"],
        ["nhs"],
        ["children", "health"],
        3,
        "merged",
    ),
    (
        "Young people with no qualifications are turned away from every course because they have no address.",
        "Young people without a fixed address",
        "community_group",
        "",
        ["adult-education"],
        ["voluntary"],
        ["jobs-and-skills"],
        2,
        "new",
    ),
    (
        "Parents say the council's website and the school's letters give different dates for applications.",
        "Parents applying for school places",
        "staff",
        "",
        ["school-admissions"],
        ["schools"],
        ["children"],
        40,
        "new-overdue",
    ),
    ("I would like to report a pothole.", "Drivers", "resident", "", [], [], [], 1, "unconfirmed"),
    (
        "Asylum seekers granted status have 28 days to leave support and often become homeless.",
        "Newly recognised refugees",
        "community_group",
        "",
        ["housing-options"],
        ["voluntary", "other"],
        ["housing"],
        20,
        "withdrawn",
    ),
]

CHALLENGES = [
    (
        "children-in-temporary-accommodation",
        "Keeping children in school and care while in temporary accommodation",
        "Families placed in temporary accommodation are often moved between hotels across the city. Each move "
        "can break children's links with their school, GP and health visitor. Residents, schools and the "
        "housing service have each tried to fix part of this; nobody owns the whole journey.",
        "Come to an open session in the lab space on the first Tuesday of each month, or refer your experience.",
        "discover",
        ["children", "housing", "health"],
        ["housing-options", "school-admissions", "public-health"],
    ),
    (
        "care-leavers-first-home",
        "A first home that lasts for young care leavers",
        "Young people leaving care are given a tenancy but little help to set up home or find work, and many "
        "fall into arrears within months. Housing, leaving care and employment support work separately.",
        "We are looking for care leavers and workers to test prototypes with us this spring.",
        "define",
        ["children", "jobs-and-skills", "housing"],
        ["employment-and-skills", "housing-options"],
    ),
]

# Sustainability readings: set-up (winter 2016/17), the contract's end, a follow-up.
READING_DATES = (date(2017, 2, 28), date(2017, 6, 30), date(2017, 12, 29))


@override_settings(LAB_REFERRAL_RATE_LIMITS=(10_000, 10_000))
def load(log: Callable[[str], None]) -> None:
    if Referral.objects.exists():
        log("Innovation Lab: already loaded")
        return
    hub = User.objects.get(email="hubteam@demo.example")
    priorities = {p.slug: p for p in Priority.objects.all()}
    service_map = {s.slug: s for s in Service.objects.all()}
    challenges = {}
    for slug, title, statement, involve, stage, prios, servs in CHALLENGES:
        challenge = Challenge.objects.create(
            slug=slug, title=title, statement=statement, how_to_get_involved=involve, stage=stage
        )
        challenge.priorities.set([priorities[p] for p in prios])
        challenge.services.set([service_map[s] for s in servs])
        challenges[slug] = challenge
    # the open sessions where residents raised them (spaces' demo has loaded by now)
    sessions = Event.objects.filter(kind=Event.Kind.OPEN_SESSION).order_by("starts_at")
    for challenge, session in zip(challenges.values(), sessions, strict=False):
        challenge.events.add(session)
    now = timezone.now()
    made = {}
    for n, (problem, affected, raised_as, org, servs, agencies, prios, days, outcome) in enumerate(
        REFERRALS
    ):
        data = services.ReferralData(
            problem=problem,
            email=f"referrer{n + 1}@demo.example",
            consent=True,
            raised_as=raised_as,
            organisation_name=org,
            affected_who=affected,
            affected_count="dozens",
            services=tuple(service_map[s] for s in servs),
            agencies=tuple(agencies),
            priorities=tuple(priorities[p] for p in prios),
            contact_name=f"Demo referrer {n + 1}",
        )
        referral, _ = services.referral_submit(data=data, ip="127.0.0.1")
        made[n] = referral
        if outcome == "unconfirmed":
            continue
        services.referral_confirm_email(referral=referral)
        received = now - timedelta(days=days)
        from improvement_hub.workdays import DEFAULT_CALENDAR as cal

        Referral.objects.filter(pk=referral.pk).update(
            received_at=received,
            created_at=received,
            acknowledge_by=cal.due_date(received, 5),
            decide_by=cal.due_date(received, 20),
        )
        referral.events.update(created_at=received)
        referral.refresh_from_db()
        kinds: dict[str, tuple[str, dict[str, Any]]] = {
            "accepted-1": (
                "accepted",
                {"challenge": challenges["children-in-temporary-accommodation"]},
            ),
            "accepted-2": ("accepted", {"challenge": challenges["care-leavers-first-home"]}),
            "referred": ("referred", {"service": service_map["council-housing-repairs"]}),
            "declined": ("declined", {}),
            "more_info": ("more_info", {}),
            "acknowledged": ("acknowledged", {}),
            "merged": ("merged", {"merge_into": made[0]}),
        }
        if outcome == "withdrawn":
            services.referral_withdraw(referral=referral)
            continue
        if outcome not in kinds:
            continue
        kind, extra = kinds[outcome]
        reason = "missed bin collections are a single-service matter: please report them at example.gov.uk/bins"
        subject, body = services.template_text(
            kind,
            reference=referral.reference or "",
            service=getattr(extra.get("service"), "name", ""),
            service_contact=services.service_contact(extra.get("service")),
            challenge=getattr(extra.get("challenge"), "title", ""),
            reason=reason,
        )
        if kind == "more_info":
            body = body.replace(
                "- ", "- how long people usually wait, and which wards they live in"
            )
        services.referral_decide(
            actor=hub,
            referral=referral,
            decision=services.Decision(kind=kind, message=body, **extra),
        )

    LabPlan.objects.create(
        vision="A lab the whole city can bring its hardest problems to, where residents, staff and partners "
        "design and test better services together, and which sustains itself by 2020.",
        principles="Start with the people who live with the problem\nWork across services, not within them\n"
        "Test small, learn fast, then scale\nShare what we learn, including what failed\nBuild skills as we go",
        resourcing="Set up with a delivery partner under a £150,000 contract (three payment blocks) to June 2017, "
        "with lab space provided by the partner until the council hosts it. From then: two Hub Team posts, "
        "partner contributions in kind, and volunteer facilitators trained by the Change Academy.",
    )
    indicators = [
        (
            "Share of costs met by partners",
            "Partners fund part of the lab's running costs",
            "%",
            30,
            [10, 15, 22],
        ),
        (
            "Volunteer hours",
            "Volunteers facilitate sessions alongside staff",
            " hours",
            200,
            [40, 95, 160],
        ),
        (
            "Referrals handled on time",
            "Every referral answered within 20 working days",
            "%",
            90,
            [70, 82, 91],
        ),
        ("Challenges resolved", "Challenges end with a change that lasts", "", 3, [0, 0, 1]),
    ]
    for position, (name, practice, unit, target, values) in enumerate(indicators):
        indicator = SustainabilityIndicator.objects.create(
            name=name, practice=practice, unit=unit, target=Decimal(target), position=position
        )
        # at the end of the first winter, at the end of the partner's contract (June 2017),
        # and a follow-up reading once the council hosts the lab
        for day, value in zip(READING_DATES, values, strict=True):
            IndicatorReading.objects.create(indicator=indicator, value=Decimal(value), date=day)
    for slug, name, stage, summary in [
        (
            "interviews",
            "Contextual interviews",
            "discover",
            "Talk to people where the problem happens.",
        ),
        (
            "journey-map",
            "Journey mapping",
            "discover",
            "Map every step and hand-off someone goes through.",
        ),
        (
            "problem-statement",
            "How might we",
            "define",
            "Turn what you learned into questions to work on.",
        ),
        (
            "prototype",
            "Paper prototypes",
            "develop",
            "Make rough versions of a new service and test them.",
        ),
        ("role-play", "Service role-play", "develop", "Act out a new service to find its gaps."),
        (
            "pilot",
            "Small pilots",
            "deliver",
            "Run the new service for real, with measures, in one place first.",
        ),
    ]:
        Method.objects.create(
            slug=slug,
            name=name,
            stage=stage,
            summary=summary,
            how=f"{summary} Plan who takes part, run it, and write down what you learned.",
            time_needed="Half a day to two weeks",
            people="Residents, frontline staff, a facilitator",
        )
    for name, city, country, summary in [
        (
            "Policy Lab",
            "London",
            "United Kingdom",
            "Brings design methods to policy making across government.",
        ),
        (
            "Nesta",
            "London",
            "United Kingdom",
            "Innovation foundation with a long record of public-service labs.",
        ),
        (
            "MindLab (now closed)",
            "Copenhagen",
            "Denmark",
            "Cross-ministry lab whose legacy shaped many others.",
        ),
        (
            "Laboratorio para la Ciudad",
            "Mexico City",
            "Mexico",
            "City government's experimental lab, open to residents.",
        ),
    ]:
        PeerLab.objects.create(name=name, city=city, country=country, summary=summary)
    similarity.reset()
    log(
        f"Innovation Lab: {Referral.objects.count()} referrals in every state, {len(CHALLENGES)} public "
        f"challenges, the lab plan with {len(indicators)} indicators, method cards and other labs"
    )
