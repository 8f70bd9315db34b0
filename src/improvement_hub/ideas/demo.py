"""Demo data for the Ideas Forum: a lively forum with two campaigns, ideas across the
four priorities, supports, comments, answers, a merge and moderated items."""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import Group
from django.test.utils import override_settings
from django.utils import timezone

from improvement_hub.accounts.models import User
from improvement_hub.council.models import Priority, Service
from improvement_hub.ideas import services, similarity
from improvement_hub.ideas.models import Campaign, Comment, Idea, IdeaStatus, Support

COLLEAGUES = [
    ("amina.khan@demo.example", "Amina", "Khan"),
    ("dave.price@demo.example", "Dave", "Price"),
    ("grace.okafor@demo.example", "Grace", "Okafor"),
    ("tom.wright@demo.example", "Tom", "Wright"),
    ("li.chen@demo.example", "Li", "Chen"),
    ("mo.hussain@demo.example", "Mo", "Hussain"),
]

# Ideas that led to the initiatives of 2016/17 were put in before them (the decision to set
# up the hub was taken on 29 November 2016); the other ideas are recent (days ago).
HISTORY = {
    "One contact for families with several workers": date(2016, 11, 30),
    "Work tasters for care leavers in council teams": date(2016, 12, 2),
    "Apprenticeship levy for local small firms": date(2016, 12, 6),
    "Let tenants book repairs online with a time slot": date(2016, 12, 7),
}
# The care leavers campaign ran in the hub's first weeks.
CARE_LEAVERS_CAMPAIGN = (date(2016, 12, 1), date(2017, 1, 6))


def _history(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


# title, problem, proposal, priorities, service, scale, campaign, author index, days ago
IDEAS = [
    (
        "Let tenants book repairs online with a time slot",
        "Tenants ring the contact centre to report a repair and wait in a queue, then wait at home all day because they only get a morning or afternoon.",
        "An online form where tenants report the repair, add a photo and pick a two-hour slot from the repairs team's diary.",
        ["housing"],
        "council-housing-repairs",
        "improvement",
        "repairs",
        0,
        12,
    ),
    (
        "Text tenants when the repair operative is on the way",
        "People miss appointments because they pop out, and operatives leave a card. The job goes back in the queue.",
        "Send an automatic text message 30 minutes before the operative arrives, with a link to say if they are not in.",
        ["housing"],
        "council-housing-repairs",
        "tweak",
        "repairs",
        1,
        10,
    ),
    (
        "Photo of the repair before the visit",
        "Operatives often arrive without the right part because the description of the job is vague.",
        "Ask tenants for a photo when they report a repair so the right trade and parts are sent first time.",
        ["housing"],
        "council-housing-repairs",
        "tweak",
        "repairs",
        2,
        9,
    ),
    (
        "One contact for families with several workers",
        "Some families have a social worker, an early help worker, a housing officer and a school contact, and tell their story again and again.",
        "Name one lead professional for each family, shared across services, who coordinates the plan.",
        ["children", "housing"],
        "early-help",
        "redesign",
        None,
        3,
        40,
    ),
    (
        "Work tasters for care leavers in council teams",
        "Care leavers find it hard to get a first job without experience or references.",
        "Each directorate offers two-week paid work tasters for care leavers, with a mentor and a reference at the end.",
        ["children", "jobs-and-skills"],
        "employment-and-skills",
        "improvement",
        "care-leavers",
        4,
        70,
    ),
    (
        "Apprenticeship levy for local small firms",
        "The council does not spend all of its apprenticeship levy, and small local employers cannot afford apprentices.",
        "Transfer unspent levy to small local employers who take on city residents as apprentices.",
        ["jobs-and-skills"],
        "employment-and-skills",
        "improvement",
        "care-leavers",
        5,
        65,
    ),
    (
        "Plain-English letters about council tax arrears",
        "Our reminder letters are full of legal wording and people ignore them or panic, and arrears grow.",
        "Rewrite the letters with people who received them, lead with how to get help, and test the new version.",
        ["health"],
        None,
        "tweak",
        None,
        0,
        30,
    ),
    (
        "Social prescribing link workers in housing offices",
        "Housing officers meet people who are isolated or unwell but cannot refer them to anything but the GP.",
        "Place social prescribing link workers in housing offices one day a week so officers can refer people there and then.",
        ["health", "housing"],
        "public-health",
        "redesign",
        None,
        1,
        25,
    ),
    (
        "Free school meal sign-up without a form",
        "Many families entitled to free school meals never apply, and schools lose pupil premium funding.",
        "Use housing benefit and council tax support data to enrol eligible children automatically, with an opt-out.",
        ["children", "health"],
        "school-admissions",
        "transformation",
        None,
        2,
        50,
    ),
    (
        "Digital skills drop-ins in libraries",
        "Residents who cannot get online struggle with job applications and universal credit.",
        "Weekly drop-in sessions in libraries run by volunteers and the adult education service.",
        ["jobs-and-skills"],
        "adult-education",
        "improvement",
        None,
        3,
        45,
    ),
    (
        "Shared calendar for the lab space",
        "Teams double-book the innovation lab room and workshops start late.",
        "Put the lab space in a shared booking calendar with rules on length and set-up time.",
        [],
        None,
        "tweak",
        None,
        4,
        20,
    ),
    (
        "Faster adaptations for disabled tenants",
        "Adaptations such as grab rails take months because of separate assessments by health and housing.",
        "One trusted assessor visit that both health and housing accept, with small jobs done on the day.",
        ["health", "housing"],
        "adult-social-care",
        "redesign",
        None,
        5,
        35,
    ),
    (
        "Let tenants report repairs online and choose a slot",
        "Reporting a repair means phoning and waiting, and then waiting in all day for the visit.",
        "A website where tenants log repairs and choose the time of the appointment themselves.",
        ["housing"],
        "council-housing-repairs",
        "improvement",
        "repairs",
        3,
        8,
    ),
    (
        "Offensive post",
        "This idea was posted to test the moderation tools.",
        "Hidden by the Hub Team as it named a colleague.",
        [],
        None,
        "",
        None,
        5,
        5,
    ),
]


def _colleagues() -> list[User]:
    staff = Group.objects.get(name="Staff")
    people = []
    for email, first, last in COLLEAGUES:
        user, _ = User.objects.get_or_create(
            email=email, defaults={"first_name": first, "last_name": last}
        )
        user.groups.add(staff)
        people.append(user)
    return people


@override_settings(
    IDEAS_RATE_LIMITS={"idea": (10_000, 60), "comment": (10_000, 60), "support": (10_000, 60)}
)
def load(log: Callable[[str], None]) -> None:
    if Idea.objects.filter(title=IDEAS[0][0]).exists():
        log("Ideas Forum: already loaded")
        return
    now = timezone.now()
    campaigns = {
        "repairs": Campaign.objects.update_or_create(
            slug="housing-repairs",
            defaults={
                "title": "How could we make it easier for tenants to get repairs done?",
                "description": "Repairs are the biggest cause of complaints from council tenants. "
                "We want ideas from everyone who deals with repairs, not just the repairs team.",
                "opens_at": now - timedelta(days=14),
                "closes_at": now + timedelta(days=21),
            },
        )[0],
        "care-leavers": Campaign.objects.update_or_create(
            slug="care-leavers-into-work",
            defaults={
                "title": "How can we help care leavers into work?",
                "description": "As corporate parents we want every care leaver to have a route into work.",
                "opens_at": _history(CARE_LEAVERS_CAMPAIGN[0]),
                "closes_at": _history(CARE_LEAVERS_CAMPAIGN[1]),
            },
        )[0],
    }
    campaigns["repairs"].priorities.set(Priority.objects.filter(slug="housing"))
    campaigns["care-leavers"].priorities.set(
        Priority.objects.filter(slug__in=["children", "jobs-and-skills"])
    )

    people = _colleagues()
    staff_user = User.objects.get(email="staff@demo.example")
    hub = User.objects.get(email="hubteam@demo.example")
    priorities = {p.slug: p for p in Priority.objects.all()}
    ideas: list[Idea] = []
    for title, problem, proposal, prios, service, scale, campaign, author_i, days in IDEAS:
        author = people[author_i]
        campaign_obj = campaigns.get(campaign) if campaign else None
        if title in HISTORY and campaign_obj and campaign_obj.opens_at > _history(HISTORY[title]):
            campaign_obj = None  # put in before this round of the campaign opened
        # ideas for the closed campaign were put in while it was open
        data = services.IdeaData(
            title=title,
            problem=problem,
            proposal=proposal,
            priorities=[priorities[p] for p in prios],
            service=Service.objects.filter(slug=service).first() if service else None,
            scale=scale,
            campaign=None,
            name_hidden=author_i == 5,
        )
        idea = services.idea_create(author=author, data=data)
        submitted = _history(HISTORY[title]) if title in HISTORY else now - timedelta(days=days)
        Idea.objects.filter(pk=idea.pk).update(submitted_at=submitted, campaign=campaign_obj)
        idea.responses.update(created_at=submitted)
        idea.refresh_from_db()
        ideas.append(idea)

    supporters = [*people, staff_user]
    for n, idea in enumerate(ideas[:12]):
        for person in supporters[: 7 if n == 0 else (n * 5) % 8 + 1]:
            if person.pk != idea.author_id:
                services.idea_support(user=person, idea=idea)
                Support.objects.filter(idea=idea, user=person).update(
                    created_at=(idea.submitted_at or timezone.now()) + timedelta(days=1)
                )
    services.ideas_refresh_trending()

    repairs = ideas[0]
    first = services.comment_add(
        author=people[1],
        idea=repairs,
        body="The repairs diary already has two-hour slots internally, so this could be quick.",
    )
    services.comment_add(
        author=people[0],
        idea=repairs,
        parent=first,
        body="Good to know. Do tenants see them anywhere yet?",
    )
    services.comment_add(
        author=staff_user,
        idea=repairs,
        body="Please make sure it works on a phone: most of our tenants only have one.",
    )
    rude = services.comment_add(
        author=people[5], idea=ideas[6], body="Whoever wrote the current letters should be sacked."
    )
    services.report_add(reporter=people[2], comment=rude, reason="Personal attack on colleagues")
    services.comment_hide(
        actor=hub, comment=rude, reason="Please keep comments about the idea, not about colleagues."
    )
    services.comment_add(
        author=people[3],
        idea=ideas[8],
        body="Other councils have done this: the numbers enrolled went up by a third.",
    )
    spam = services.comment_add(
        author=people[4],
        idea=ideas[9],
        body="Libraries already run these on Tuesdays - see the intranet.",
    )
    services.report_add(
        reporter=people[1], comment=spam, reason="I think this is wrong information"
    )

    for idea in ideas:
        if idea.title in HISTORY and idea.submitted_at:
            # comments came in the week after it was put in
            for n, pk in enumerate(Comment.objects.filter(idea=idea).values_list("pk", flat=True)):
                Comment.objects.filter(pk=pk).update(
                    created_at=idea.submitted_at + timedelta(days=2, hours=n)
                )

    status = {s.slug: s for s in IdeaStatus.objects.all()}
    services.idea_review(
        actor=hub, idea=ideas[1], impact=4, effort=1, notes="Text platform already licensed."
    )
    services.idea_respond(
        actor=hub,
        idea=ideas[1],
        status=status["quick-win"],
        answer="Done. The repairs team switched on ‘on my way’ texts in the scheduling system on 1 November.",
    )
    services.idea_review(actor=hub, idea=ideas[4], impact=5, effort=3)
    services.idea_respond(
        actor=hub,
        idea=ideas[4],
        status=status["taken-forward"],
        answer="Taken forward as an Improvement Team initiative with Corporate HR and the Leaving Care service.",
    )
    services.idea_respond(
        actor=hub,
        idea=ideas[5],
        status=status["not-taken-forward"],
        answer="The levy transfer scheme is run by the combined authority, which already funds local firms; we have passed the idea on to them.",
    )
    services.idea_review(actor=hub, idea=ideas[3], impact=5, effort=5)
    services.idea_respond(
        actor=hub,
        idea=ideas[3],
        status=status["under-review"],
        answer="We are looking at this with Children's Services as part of the family help redesign.",
    )
    services.idea_review(actor=hub, idea=ideas[8], impact=4, effort=4)
    services.idea_respond(
        actor=hub,
        idea=ideas[8],
        status=status["shortlisted"],
        answer="Shortlisted for a Lab challenge on take-up of entitlements.",
    )
    services.idea_review(actor=hub, idea=ideas[10], impact=2, effort=1)
    services.idea_review(actor=hub, idea=ideas[6], impact=3, effort=1)
    for idea in ideas:
        if idea.title in HISTORY and idea.submitted_at:
            # answered within a week, before the initiative it led to started
            idea.responses.filter(created_at__gt=idea.submitted_at + timedelta(days=7)).update(
                created_at=idea.submitted_at + timedelta(days=4)
            )
    services.idea_assign(actor=hub, idea=ideas[0], assignee=hub)
    services.idea_merge(actor=hub, source=ideas[12], target=ideas[0])
    services.idea_hide(
        actor=hub,
        idea=ideas[13],
        reason="It named a colleague. Please resubmit without personal details.",
    )

    draft = services.idea_draft_save(
        author=staff_user,
        data=services.IdeaData(
            title="Walking meetings for one-to-ones",
            problem="Staff sit all day.",
            proposal="Encourage managers to hold one-to-ones as walks.",
        ),
    )
    log(
        f"Ideas Forum: 2 campaigns, {len(ideas)} ideas, {Support.objects.count()} supports, "
        f"answers, a merge, hidden items and a draft (‘{draft.title}’) for the staff user"
    )
    similarity.reset()
