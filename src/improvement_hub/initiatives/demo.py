"""Demo data for initiatives: the seed's three pilots before June 2017, placed in the
directorates' service redesign timescales; initiatives across the spectrum of change and
the four priorities, started after the decision of 29 November 2016 (set up over the winter
of 2016/17); measures that show common- and special-cause variation from the services'
records (some from before the decision, follow-up readings after the pilots), one of them
re-baselined once its change was adopted."""

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from improvement_hub.accounts.models import User
from improvement_hub.council.models import Directorate, Organisation, Priority, Service
from improvement_hub.ideas.models import Idea
from improvement_hub.initiatives import demo_training, services
from improvement_hub.initiatives.demo_data import INITIATIVES, PROGRAMMES
from improvement_hub.initiatives.models import (
    Benefit,
    Initiative,
    Measure,
    MeasureRebase,
    Milestone,
    Observation,
    PdsaCycle,
    Pilot,
    ProgrammeGoal,
    Prototype,
    RedesignPhase,
    RedesignProgramme,
    Risk,
    StatusUpdate,
    TeamMember,
    TrainingNeed,
)
from improvement_hub.initiatives.models.measures import default_bounds
from improvement_hub.lab.models import Challenge


def _weeks(start: date, values: list[float]) -> list[tuple[date, float]]:
    return [(start + timedelta(weeks=i), round(v, 1)) for i, v in enumerate(values)]


def _months(start: date, values: list[float]) -> list[tuple[date, float]]:
    out = []
    year, month = start.year, start.month
    for value in values:
        out.append((date(year, month, 1), round(value, 1)))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out


def _series() -> dict[str, list[tuple[date, float]]]:
    rng = random.Random(2017)  # noqa: S311 - made-up demo figures, not security
    return {
        # weekly from the service's records (October 2016): about 24 days until the joint
        # triage team starts on 1 March 2017 (the first PDSA cycle, adopted: re-baselined that
        # day), about 16 since, through the pilot and the follow-up readings to November 2017
        "days-to-help": _weeks(
            date(2016, 10, 5),
            [rng.gauss(24, 2.5) for _ in range(21)] + [rng.gauss(16, 2) for _ in range(36)],
        ),
        # only common-cause variation
        "rent-arrears": _months(
            date(2016, 4, 1),
            [
                32 + d
                for d in (2, -1, 3, -2, 1, -3, 2, 0.5, -1, 3, -2, 1, -1, 2, -3, 1, 0.5, -2, 2, -1)
            ],
        ),
        # a rising trend towards the target
        "into-work": _months(
            date(2017, 3, 1), [22 + 2.1 * i + rng.gauss(0, 1.5) for i in range(12)]
        ),
        # drops when online booking starts
        "abandoned-calls": _weeks(
            date(2017, 1, 2),
            [rng.gauss(18, 1.5) for _ in range(14)] + [rng.gauss(11, 1.2) for _ in range(14)],
        ),
        # one month far above the others (special cause concern)
        "repeat-damp": _months(
            date(2016, 9, 1),
            [rng.gauss(40, 4) for _ in range(9)] + [68] + [rng.gauss(40, 4) for _ in range(6)],
        ),
        # steady but well above the target: the process will not meet it as it is
        "assessment-wait": _weeks(date(2017, 2, 6), [rng.gauss(28, 2) for _ in range(20)]),
    }


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _programmes() -> dict[str, RedesignProgramme]:
    directorates = {d.slug: d for d in Directorate.objects.all()}
    programmes = {}
    for slug, (title, directorate, description, phases) in PROGRAMMES.items():
        if directorate not in directorates:
            continue
        programme, _ = RedesignProgramme.objects.update_or_create(
            slug=slug,
            defaults={
                "title": title,
                "directorate": directorates[directorate],
                "description": description,
            },
        )
        for name, starts, ends, accepts in phases:
            RedesignPhase.objects.update_or_create(
                programme=programme,
                name=name,
                defaults={"starts_on": starts, "ends_on": ends, "accepts_pilots": accepts},
            )
        programmes[slug] = programme
    return programmes


def _observations(measure: Measure, series: list[tuple[date, float]]) -> None:
    have = set(measure.observations.values_list("on", flat=True))
    Observation.objects.bulk_create(
        Observation(measure=measure, on=on, value=value) for on, value in series if on not in have
    )


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


def _load_one(
    spec: dict[str, Any],
    hub: User,
    programmes: dict[str, RedesignProgramme],
    series: dict[str, list[tuple[date, float]]],
) -> Initiative:
    priorities = list(Priority.objects.filter(slug__in=spec["priorities"]))
    service_list = list(
        Service.objects.filter(slug__in=spec["services"]).select_related("directorate")
    )
    initiative = Initiative.objects.filter(title=spec["title"]).first()
    data = services.InitiativeData(
        title=spec["title"],
        problem=spec["problem"],
        scale=spec["scale"],
        strand=spec["strand"],
        method=spec["method"],
        stage=spec["stage"],
        starts_on=spec["starts_on"],
        ends_on=spec["ends_on"],
        redesign_programme=programmes.get(spec["programme"]),
        is_published=spec["published"],
        public_summary=spec["summary"],
        resident_outcome=spec.get("resident_outcome", ""),
        priorities=priorities,
        directorates=list({s.directorate for s in service_list}),
        services=service_list,
        organisations=list(Organisation.objects.filter(slug__in=spec["organisations"])),
    )
    if initiative is None:
        initiative = services.initiative_create(actor=hub, data=data)
    else:
        services.initiative_update(actor=hub, initiative=initiative, data=data)
    idea = Idea.objects.public().filter(title=spec["idea"]).first() if spec["idea"] else None
    challenge = (
        Challenge.objects.filter(slug=spec["challenge"]).first() if spec["challenge"] else None
    )
    services.initiative_add_sources(
        actor=hub,
        initiative=initiative,
        ideas=[idea] if idea else [],
        challenges=[challenge] if challenge else [],
    )
    for email, role in spec["team"]:
        if person := _user(email):
            TeamMember.objects.update_or_create(
                initiative=initiative, user=person, defaults={"role": role}
            )
    TeamMember.objects.get_or_create(
        initiative=initiative, name=spec["service_user"], defaults={"role": "service_user"}
    )
    name, kind, unit, direction, target, key, rebase_on = spec["measure"]
    lower, upper = default_bounds(unit)
    measure, _ = Measure.objects.update_or_create(
        initiative=initiative,
        name=name,
        defaults={
            "kind": kind,
            "unit": unit,
            "improvement_direction": direction,
            "target": target,
            "lower_bound": lower,
            "upper_bound": upper,
            # the public sees the change residents feel; the workings stay with the team
            "is_published": kind == Measure.Kind.OUTCOME,
        },
    )
    _observations(measure, series[key])
    if rebase_on:
        MeasureRebase.objects.get_or_create(
            measure=measure,
            on=rebase_on,
            defaults={"reason": "The joint triage team was adopted for good"},
        )
    for title, starts, act in spec["pdsa"]:
        cycle, _ = PdsaCycle.objects.update_or_create(
            initiative=initiative,
            title=title,
            defaults={
                "question": f"Will ‘{title[0].lower()}{title[1:]}’ improve the {name[0].lower()}{name[1:]}?",
                "prediction": f"The {name[0].lower()}{name[1:]} will change within six weeks.",
                "starts_on": starts,
                "do_notes": "Run for six weeks in one team." if act else "",
                "study_notes": "The chart shows the change we predicted." if act == "adopt" else "",
                "act": act,
            },
        )
        cycle.measures.add(measure)
    for on, rag, text in spec["rags"]:
        StatusUpdate.objects.update_or_create(
            initiative=initiative, on=on, defaults={"rag": rag, "summary": text, "author": hub}
        )
    if spec["pilot"]:
        title, site, service_slug, starts, ends, criteria, decision = spec["pilot"]
        pilot, _ = Pilot.objects.update_or_create(
            initiative=initiative,
            title=title,
            defaults={
                "site": site,
                "service": Service.objects.filter(slug=service_slug).first(),
                "starts_on": starts,
                "ends_on": ends,
                "success_criteria": criteria,
                "evaluation": "Evaluated against the success criteria with the team and families."
                if decision
                else "",
            },
        )
        pilot.measures.add(measure)
        if decision and not pilot.decision:
            leader = _user("leadership@demo.example")
            Pilot.objects.filter(pk=pilot.pk).update(
                decision=decision,
                decision_reason="The pilot met its success criteria; roll it out with the redesign.",
                decided_by=leader,
                decided_at=_aware(ends + timedelta(days=14)),
            )
        TrainingNeed.objects.get_or_create(
            initiative=initiative,
            pilot=pilot,
            need="Service design basics for the pilot team",
            defaults={"who": "Everyone in the pilot team"},
        )
    TrainingNeed.objects.get_or_create(
        initiative=initiative,
        pilot=None,
        need="Reading SPC charts (Making Data Count)",
        defaults={"who": "Team lead"},
    )
    Milestone.objects.update_or_create(
        initiative=initiative,
        title="Baseline data agreed",
        defaults={
            "due_on": spec["starts_on"] + timedelta(weeks=6),
            "done_on": spec["starts_on"] + timedelta(weeks=5),
        },
    )
    Milestone.objects.update_or_create(
        initiative=initiative,
        title="Decision on spreading the change",
        defaults={"due_on": (spec["ends_on"] or date(2018, 3, 30))},
    )
    Risk.objects.update_or_create(
        initiative=initiative,
        description="Staff time for the team is taken by day-to-day pressures.",
        defaults={
            "likelihood": 3,
            "impact": 4,
            "mitigation": "Time agreed with the sponsor each quarter.",
            "owner": "Sponsor",
        },
    )
    Benefit.objects.update_or_create(
        initiative=initiative,
        kind="hours",
        description="Staff time released by doing the work once",
        defaults={
            "planned": Decimal("1200"),
            "forecast": Decimal("1000"),
            "realised": Decimal("450")
            if spec["stage"] in ("embed", "spread", "implement")
            else None,
        },
    )
    if spec["scale"] in ("redesign", "transformation"):
        Benefit.objects.update_or_create(
            initiative=initiative,
            kind="cashable",
            description="Fewer placements and emergency responses",
            defaults={"planned": Decimal("250000"), "forecast": Decimal("180000")},
        )
    if spec.get("prototype"):
        title, hypothesis, tested_with, fidelity, findings, decision = spec["prototype"]
        Prototype.objects.update_or_create(
            initiative=initiative,
            title=title,
            defaults={
                "hypothesis": hypothesis,
                "tested_with": tested_with,
                "fidelity": fidelity,
                "tested_on": spec["starts_on"] + timedelta(weeks=6),
                "findings": findings,
                "decision": decision,
            },
        )
    return initiative


def load(log: Callable[[str], object]) -> None:
    hub = _user("hubteam@demo.example")
    if hub is None:
        return
    programmes = _programmes()
    ProgrammeGoal.objects.update_or_create(
        title="3 pilots before June 2017",
        defaults={"pilots_target": 3, "deadline": date(2017, 6, 1)},
    )
    series = _series()
    for spec in INITIATIVES:
        _load_one(spec, hub, programmes, series)
    log(
        f"Initiatives: {Initiative.objects.count()} initiatives, {Pilot.objects.count()} pilots, "
        f"{len(programmes)} redesign programmes, {Measure.objects.count()} measures"
    )
    # the pilots' training requirements (the Academy's courses are loaded by then)
    demo_training.load(log)
