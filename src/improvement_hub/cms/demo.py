"""Demo content: the hub's home page, its four strands and the footer pages."""

import datetime as dt
from collections.abc import Callable

from wagtail.models import Page, Site

from improvement_hub.cms.models import BrandingSettings, HomePage, StandardPage

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
        "accessibility",
        "Accessibility statement",
        "How accessible this service is, and how to report a problem.",
        "<p>This service is run by the council. We want as many people as possible to be able "
        "to use it. You should be able to change colours, contrast levels and fonts, zoom in up "
        "to 400% without the text spilling off the screen, navigate using just a keyboard or "
        "speech recognition software, and use it with a screen reader.</p><h2>How accessible "
        "this service is</h2><p>This service aims to meet the Web Content Accessibility "
        "Guidelines version 2.2 AA standard. Every page is tested with automated tools in a "
        "real browser and works without JavaScript.</p><h2>Reporting accessibility problems"
        "</h2><p>Email improvementhub@example.gov.uk if you find a problem or need information "
        "in a different format. We will reply within 5 working days.</p><h2>Enforcement "
        "procedure</h2><p>The Equality and Human Rights Commission is responsible for enforcing "
        "the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
        "Regulations 2018. If you are not happy with how we respond to your complaint, contact "
        "the Equality Advisory and Support Service.</p>",
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
    log(f"Pages: home, {len(STRANDS)} strands, {len(FOOTER_PAGES)} information pages, branding")
