"""Demo content: the hub's home page, its four strands, the footer pages, the
accessibility statement, and news and stories from the seed's story (2017)."""

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from wagtail.models import Page, Site

from improvement_hub.cms.models import (
    AccessibilityStatementPage,
    ArticlePage,
    BrandingSettings,
    CaseStudyPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
    StoryPage,
)
from improvement_hub.council.models import Priority
from improvement_hub.initiatives.models import Measure

STRANDS = [
    (
        "ideas-forum",
        "Ideas Forum",
        "Any member of staff can put forward an idea to improve a service, see whether "
        "someone had it already, support other ideas, and always get an answer.",
        "<p>The Ideas Forum is where staff ideas start. Every idea is read by the "
        "Improvement Hub Team and gets a public answer: taken forward, done as a quick win, "
        "or not taken forward, with the reason.</p>"
        "<h2>What happens to an idea</h2><ol><li>You submit it, after checking similar ideas."
        "</li><li>Colleagues support and discuss it.</li><li>The Hub Team reviews its impact and "
        "effort.</li><li>You get an answer, and you can follow what happens next.</li></ol>",
    ),
    (
        "innovation-lab",
        "Innovation Lab",
        "Residents, community groups and partners refer problems that no single service can "
        "solve. Good problems become public Lab challenges, tested through prototypes and pilots.",
        "<p>The Innovation Lab uses service design to work on cross-system problems with the "
        "people who live with them. It is open to communities: anyone can refer a problem, and "
        "the Hub Team answers within a promised time.</p>"
        "<h2>How the Lab works</h2><ul><li>Discover and define the problem with residents and "
        "services.</li><li>Develop and test prototypes.</li><li>Run pilots alongside service "
        "redesign timescales.</li><li>Share what worked, and what did not.</li></ul>",
    ),
    (
        "improvement-team",
        "Improvement Team",
        "Supports change across the whole spectrum, from small tweaks to transformational "
        "service redesign, with measures that show whether it worked.",
        "<p>The Improvement Team runs the council's improvement portfolio. It helps services "
        "test changes in small cycles (plan, do, study, act), measure what matters and spread "
        "what works.</p><h2>The spectrum of change</h2><ul><li><b>Tweak</b>: a small change a "
        "service makes itself.</li><li><b>Improvement</b>: tested in small steps and measured."
        "</li><li><b>Redesign</b>: rethinking a service with its users.</li><li><b>"
        "Transformation</b>: changing how services and partners work together.</li></ul>",
    ),
    (
        "change-academy",
        "Change Academy",
        "Courses and sessions that give staff and managers the skills to lead change, "
        "interwoven with the Lab's pilots so people learn by doing.",
        "<p>The Change Academy upskills staff and managers in improvement and service design "
        "methods. Pilot teams get the training they need when they need it, and the Improvement "
        "Hub Team are ambassadors for the approach.</p>",
    ),
]

FOOTER_PAGES = [
    (
        "about",
        "About the Improvement Hub",
        "Why the council set up an Improvement Hub, and who runs it.",
        "<p>To deliver the council's priorities — children, jobs and skills, housing and health "
        "— significant change is needed in how the council works with partners, service users "
        "and customers. The Improvement Hub is one of the ways the council makes that change "
        "sustainable.</p><h2>Who runs it</h2><p>The Improvement Hub Team, in Corporate Human "
        "Resources, leads the hub. A delivery partner, Impact Hub CIC, was engaged by a decision "
        "under delegated authority on 29 November 2016 to help set it up, in co-design with the "
        "team.</p><h2>What the delivery partner does</h2><ol><li>Develop the Innovation Lab plan, "
        "including sustainability practices.</li><li>Upskill the Improvement Hub Team as "
        "ambassadors for the approach.</li><li>Co-deliver a service design prototype that links "
        "tweaks to transformational redesign.</li><li>Open the Lab to communities to refer "
        "cross-system problems.</li><li>Develop the Lab's branding, positioning and "
        "communications.</li><li>Provide lab space until June 2017 and help the council host "
        "it.</li><li>Deliver three pilots before June 2017, with Change Academy training "
        "interwoven.</li></ol>",
    ),
    (
        "privacy",
        "Privacy notice",
        "What personal information the Improvement Hub collects, why, and your rights.",
        "<p>The council is the data controller for this service.</p><h2>What we collect</h2>"
        "<ul><li>Your email address and password (stored as a secure hash) if you create an "
        "account.</li><li>What you tell us when you submit an idea or refer a problem.</li><li>"
        "A record of who in the Hub Team looked at personal details, and when.</li></ul><h2>Why"
        "</h2><p>To run the Improvement Hub, answer you and improve council services. The lawful "
        "basis is public task.</p><h2>How long we keep it</h2><p>Contact details given with a "
        "referral are erased a set number of months after the referral closes.</p><h2>Your "
        'account</h2><p>When you are signed in, go to <a href="/accounts/your-data/">'
        "Download your data</a> for a copy of everything we hold about you, and to <a "
        'href="/accounts/close/">Close your account</a> at any time. Closing your account '
        "signs you out and deletes your name, email addresses and password straight away. "
        "Ideas and comments you posted stay on the hub, shown as from ‘a former member’, "
        "unless you ask the Improvement Hub Team to erase them too.</p><h2>Your rights"
        "</h2><p>You can ask for a copy of your data, ask us to correct or erase it, or "
        "complain to the Information Commissioner's Office.</p>",
    ),
    (
        "cookies",
        "Cookies",
        "The cookies this service puts on your device.",
        "<p>This service uses only essential cookies. We do not use analytics or advertising "
        "cookies.</p><h2>Essential cookies</h2><ul><li><b>sessionid</b>: keeps you signed in. "
        "Expires after 8 hours, or when you sign out.</li><li><b>csrftoken</b>: protects forms "
        "from being sent by other websites. Expires after 1 year.</li></ul>",
    ),
]

HOME_INTRO = (
    "The council's Improvement Hub brings together staff ideas, community problems, "
    "improvement projects, service-design pilots and training, so that change happens "
    "faster and lasts."
)


# Strands with their own app pages: the menu and the home page link there.
MENU_URLS = {
    "ideas-forum": "/ideas/",
    "innovation-lab": "/lab/",
    "improvement-team": "/initiatives/",
}


def _child_page(
    parent: Page, slug: str, title: str, summary: str, body: str, in_menu: bool
) -> StandardPage:
    page = StandardPage.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = StandardPage(
            slug=slug,
            title=title,
            summary=summary,
            body=body,
            show_in_menus=in_menu,
            last_reviewed=dt.date(2026, 11, 1),
        )
        parent.add_child(instance=page)
    else:
        page.title, page.summary, page.body, page.show_in_menus = title, summary, body, in_menu
    page.menu_url = MENU_URLS.get(slug, "")
    page.save_revision().publish()
    return page


def load(log: Callable[[str], None]) -> None:
    home = HomePage.objects.get()
    home.title = "Improvement Hub"
    home.intro = HOME_INTRO
    strand_pages = {
        slug: _child_page(home, slug, title, summary, body, in_menu=True)
        for slug, title, summary, body in STRANDS
    }
    home.strands = [
        (
            "strand",
            {
                "title": title,
                "summary": summary,
                "page": None if slug in MENU_URLS else strand_pages[slug],
                "url": MENU_URLS.get(slug, ""),
            },
        )
        for slug, title, summary, _ in STRANDS
    ]
    home.body = (
        "<h2>Tied to the council's priorities</h2><p>Everything in the hub is linked to the "
        "council's priorities: children, jobs and skills, housing, and health.</p>"
    )
    home.save_revision().publish()
    for slug, title, summary, body in FOOTER_PAGES:
        _child_page(home, slug, title, summary, body, in_menu=False)

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port, site.site_name = "127.0.0.1", 8000, "Improvement Hub"
    site.save()
    branding = BrandingSettings.for_site(site)
    branding.service_name = "Improvement Hub"
    branding.organisation_name = "Birmingham City Council"
    branding.strapline = "Better services, made with staff and communities"
    branding.accent_colour = "#005a5a"
    branding.save()
    branding.lab_name = "Brum Lab"
    branding.lab_strapline = (
        "Solving the problems no single service can, with the people who live with them"
    )
    branding.contact_email = "improvementhub@example.gov.uk"
    branding.save()
    _accessibility_statement(home)
    articles = _news(home)
    subscribers, issues = _newsletter()
    log(
        f"Pages: home, {len(STRANDS)} strands, {len(FOOTER_PAGES) + 1} information pages, "
        f"{articles} news items, stories and case studies, branding; newsletter: "
        f"{subscribers} subscribers, {issues} issues"
    )


# The seed's main measure: the Family Front Door pilot's days from first contact to help.
MAIN_MEASURE = "Days from first contact to help starting"


def _accessibility_statement(home: HomePage) -> AccessibilityStatementPage:
    old = StandardPage.objects.child_of(home).filter(slug="accessibility").first()
    if old is not None:  # a database from before the statement had its own page type
        old.delete()
    page = AccessibilityStatementPage.objects.child_of(home).first()
    if page is None:
        page = AccessibilityStatementPage(
            slug="accessibility",
            title="Accessibility statement",
            prepared_on=dt.date(2017, 6, 1),
            last_reviewed=dt.date(2026, 11, 1),
        )
        home.add_child(instance=page)
    page.improvement_plan = (
        "<p>We test every change before it is released, and fix any problem the tests or "
        "our users find before anything else.</p>"
    )
    page.known_issues = [
        (
            "issue",
            {
                "problem": "Charts of measures are pictures: the values are in a table below "
                "each chart, but a screen reader cannot explore the chart itself.",
                "criterion": "1.1.1 Non-text Content",
                "fix_by": None,
            },
        )
    ]
    page.save_revision().publish()
    return page


NEWS: list[dict[str, Any]] = [
    {
        "type": NewsPage,
        "slug": "innovation-lab-opens-to-communities",
        "title": "The Innovation Lab opens to communities",
        "on": dt.date(2017, 2, 6),
        "priorities": ["housing", "children"],
        "summary": "Residents, community groups and partners can now refer a problem that no "
        "single service can solve. The Hub Team answers every referral within 10 working days.",
        "body": [
            (
                "text",
                "<p>From today, anyone can refer a cross-system problem to the Innovation "
                "Lab. A referral is read by the Improvement Hub Team, and good problems become "
                "public Lab challenges, worked on with the people who live with them.</p>",
            ),
            (
                "quote",
                {
                    "quote": "We kept being sent from one office to another. This is the first "
                    "time someone asked what the whole problem was.",
                    "attribution": "A resident at the first open session, Sparkbrook",
                },
            ),
            (
                "call_to_action",
                {
                    "text": "Know a problem no single service can solve?",
                    "button_text": "Refer a problem",
                    "page": None,
                    "url": "/lab/",
                },
            ),
        ],
    },
    {
        "type": NewsPage,
        "slug": "change-academy-first-cohort",
        "title": "The Change Academy's first cohort completes its training",
        "on": dt.date(2017, 4, 28),
        "priorities": ["jobs-and-skills"],
        "summary": "Twenty-four staff from four directorates finished the first service design "
        "course, and joined the pilot teams straight away.",
        "body": [
            (
                "text",
                "<p>The first Change Academy cohort learned service design by doing it: every "
                "participant worked on one of the Lab's three pilots.</p>",
            ),
            (
                "figure",
                {
                    "number": "24",
                    "label": "staff completed the first service design course",
                    "source": "Change Academy records, April 2017",
                },
            ),
        ],
    },
    {
        "type": StoryPage,
        "slug": "telling-our-story-once",
        "title": "“We only had to tell our story once”",
        "on": dt.date(2017, 5, 15),
        "priorities": ["children"],
        "summary": "A mother in Sparkbrook on what changed when the Family Front Door pilot "
        "gave her family one conversation and one named worker.",
        "body": [
            (
                "text",
                "<p>Before the pilot, the family had five workers from four services. Now "
                "they have one named worker who brings the others in.</p>",
            ),
            (
                "quote",
                {
                    "quote": "For the first time, nobody asked me to start from the beginning.",
                    "attribution": "A parent from the Sparkbrook families' design group",
                },
            ),
        ],
    },
    {
        "type": CaseStudyPage,
        "slug": "family-front-door-case-study",
        "title": "Family Front Door: help starts sooner",
        "on": dt.date(2017, 6, 23),
        "priorities": ["children"],
        "summary": "How the Sparkbrook pilot cut the wait from first contact to help starting, "
        "and what the Leadership team decided.",
        "body": "case study",
    },
]


def _case_study_body() -> list[tuple[str, Any]]:
    measure = Measure.objects.filter(name=MAIN_MEASURE).values_list("pk", flat=True).first()
    body: list[tuple[str, Any]] = [
        (
            "text",
            "<p>Families with several workers told their story again and again, and waited "
            "weeks between the first contact and any help starting. The Innovation Lab "
            "designed one front door with parents and frontline workers, and piloted it in "
            "Sparkbrook from January 2017.</p><h2>What changed</h2><p>The chart below is "
            "read live from the initiative's measure, so it shows the latest values.</p>",
        )
    ]
    if measure is not None:
        body.append(("measure_chart", {"measure": str(measure), "heading": ""}))
    body += [
        (
            "figure",
            {
                "number": "8 in 10",
                "label": "families helped within 15 working days was the pilot's success criterion",
                "source": "Sparkbrook Family Front Door pilot plan, January 2017",
            },
        ),
        (
            "text",
            "<h2>What Leadership decided</h2><p>The pilot met its criteria and Leadership "
            "decided to adopt it across the city's early help localities.</p>",
        ),
        (
            "call_to_action",
            {
                "text": "See every result, by council priority.",
                "button_text": "See the results",
                "page": None,
                "url": "/results/",
            },
        ),
    ]
    return body


def _news(home: HomePage) -> int:
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:
        index = NewsIndexPage(
            slug="news",
            title="News and stories",
            intro="What the Improvement Hub has been doing, and what changed for residents "
            "and staff.",
            show_in_menus=False,
        )
        home.add_child(instance=index)
    index.save_revision().publish()
    priorities = {p.slug: p for p in Priority.objects.all()}
    for spec in NEWS:
        page: ArticlePage | None = (
            spec["type"].objects.child_of(index).filter(slug=spec["slug"]).first()
        )
        if page is None:
            page = spec["type"](slug=spec["slug"], title=spec["title"])
            page.first_published_on = spec["on"]
            page.summary = spec["summary"]
            page.body = _case_study_body() if spec["body"] == "case study" else spec["body"]
            index.add_child(instance=page)
        page.first_published_on, page.summary = spec["on"], spec["summary"]
        page.body = _case_study_body() if spec["body"] == "case study" else spec["body"]
        page.priorities.set([priorities[s] for s in spec["priorities"] if s in priorities])
        page.save_revision().publish()
    return len(NEWS)


# The newsletter's story: people signed up in early 2017; the first issue went out on 3 April
# 2017 with the spring news; the second is a draft the Hub Team is writing. History is
# written directly (dates in 2017), as the rest of the demo's is.
NEWSLETTER_SUBSCRIBERS = [
    ("amira.k@example.org", ["children"], dt.datetime(2017, 2, 6, 9, 12, tzinfo=dt.UTC)),
    (
        "des.okafor@example.org",
        ["housing", "health"],
        dt.datetime(2017, 2, 14, 18, 40, tzinfo=dt.UTC),
    ),
    ("community.voice@example.org", [], dt.datetime(2017, 3, 2, 12, 5, tzinfo=dt.UTC)),
]


def _newsletter() -> tuple[int, int]:
    from improvement_hub.cms.newsletter_models import (
        NewsletterDelivery,
        NewsletterIssue,
        NewsletterSubscriber,
    )
    from improvement_hub.cms.newsletter_selectors import issue_items

    priorities = {p.slug: p for p in Priority.objects.all()}
    subscribers = []
    for email, slugs, joined in NEWSLETTER_SUBSCRIBERS:
        subscriber, _ = NewsletterSubscriber.objects.update_or_create(
            email=email,
            defaults={
                "created_at": joined,
                "confirmation_sent_at": joined,
                "confirmed_at": joined + dt.timedelta(minutes=7),
            },
        )
        subscriber.priorities.set([priorities[s] for s in slugs if s in priorities])
        subscribers.append(subscriber)
    index = NewsIndexPage.objects.first()
    stories = (
        list(ArticlePage.objects.child_of(index).live().order_by("first_published_on", "pk")[:3])
        if index is not None
        else []
    )
    sent_at = dt.datetime(2017, 4, 3, 8, 0, tzinfo=dt.UTC)
    first, _ = NewsletterIssue.objects.update_or_create(
        subject="Improvement Hub news: spring 2017",
        defaults={
            "introduction": "The Lab has opened, the first pilots have started, and the "
            "Change Academy's first Improvement Ambassadors are on their way. Here is what "
            "happened this spring.",
            "status": NewsletterIssue.Status.DRAFT,
        },
    )
    first.pages.set(stories[:2])
    first.items = [asdict(item) for item in issue_items(first)]  # frozen, as sending does
    first.status = NewsletterIssue.Status.SENT
    first.send_started_at, first.sent_at = sent_at, sent_at + dt.timedelta(minutes=2)
    first.recipient_count = len(subscribers)
    first.save()
    NewsletterIssue.objects.filter(pk=first.pk).update(created_at=sent_at - dt.timedelta(days=3))
    for subscriber in subscribers:
        NewsletterDelivery.objects.update_or_create(
            issue=first,
            subscriber=subscriber,
            defaults={
                "status": NewsletterDelivery.Status.SENT,
                "claimed_at": first.send_started_at,
                "sent_at": first.sent_at,
            },
        )
    draft, _ = NewsletterIssue.objects.update_or_create(
        subject="Improvement Hub news: summer 2017",
        defaults={
            "introduction": "Three pilots before June: what we learnt, and what happens next.",
            "status": NewsletterIssue.Status.DRAFT,
        },
    )
    draft.pages.set(stories[2:])
    return len(subscribers), 2
