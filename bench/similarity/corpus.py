"""Synthetic but plausible council staff ideas: distractors and the latency corpus.

Each idea is a title, a problem and a proposal (plus, for the long form, a benefit and
some context), composed from hand-written phrases about real council services. They
share topics and vocabulary with the labelled pairs, so they compete with them.
"""

import random

SUBJECTS: dict[str, list[str]] = {
    "children": [
        "early help referrals", "foster carer recruitment", "care leaver support",
        "school admissions appeals", "children's centre sessions", "EHCP assessments",
        "holiday activity clubs", "child protection conferences", "youth club provision",
        "school transport for SEND pupils", "adoption panels", "family support workers",
        "nursery funding for two-year-olds", "elective home education checks",
        "missing from education cases", "supervised contact sessions", "kinship care support",
        "breakfast clubs", "special school places", "parenting programmes",
    ],
    "jobs and skills": [
        "apprenticeship recruitment", "adult learning courses", "ESOL classes",
        "CV workshops", "jobs fairs", "work experience placements", "supported internships",
        "digital skills sessions", "the apprenticeship levy", "employment support for "
        "over-fifties", "careers advice for school leavers", "local recruitment clauses",
        "volunteering pathways", "skills bootcamps", "business start-up advice",
        "job clubs in community centres", "basic maths courses", "construction training",
        "care sector recruitment", "youth employment hubs",
    ],
    "housing": [
        "repairs appointments", "void property turnaround", "damp and mould reports",
        "temporary accommodation placements", "rent arrears letters", "gas safety checks",
        "tenancy sign-ups", "estate caretaking", "the housing register", "disabled "
        "adaptations", "mutual exchanges", "anti-social behaviour on estates",
        "sheltered housing schemes", "leaseholder service charges", "fire safety in tower "
        "blocks", "homelessness prevention", "private rented sector inspections",
        "right to buy applications", "communal heating systems", "key safe installations",
    ],
    "health": [
        "hospital discharge", "home care packages", "carers' assessments",
        "falls prevention", "social prescribing", "care home placements",
        "DoLS assessments", "reablement services", "direct payments", "day centres",
        "meals on wheels", "mental health support", "substance misuse services",
        "stop smoking services", "NHS health checks", "telecare alarms",
        "occupational therapy waiting lists", "safeguarding adults enquiries",
        "dementia support", "learning disability day services",
    ],
    "waste": [
        "missed bin collections", "bulky waste collections", "fly-tipping reports",
        "recycling contamination", "garden waste subscriptions", "food waste caddies",
        "the household recycling centre", "litter bins in the town centre",
        "street cleansing rounds", "trade waste contracts", "assisted bin collections",
        "clinical waste collections", "bin deliveries to new homes", "glass recycling",
        "collection calendars", "graffiti removal", "abandoned vehicles",
        "leaf clearance", "needle finds in parks", "communal bins on estates",
    ],
    "council tax": [
        "council tax instalments", "single person discount", "council tax support claims",
        "business rates relief", "housing benefit changes", "council tax reminders",
        "summons and liability orders", "discretionary housing payments",
        "the local welfare scheme", "empty property charges", "direct debit sign-ups",
        "overpayment recovery", "student exemptions", "free school meals applications",
        "blue badge renewals", "pension credit take-up", "debt advice referrals",
        "council tax refunds", "second homes premium", "annual billing",
    ],
    "HR": [
        "new starter inductions", "recruitment approvals", "flexible working requests",
        "exit interviews", "sickness absence management", "annual appraisals",
        "mandatory e-learning", "mileage claims", "staff wellbeing", "agency staff use",
        "the staff survey", "job evaluation", "maternity and paternity leave",
        "occupational health referrals", "disciplinary investigations", "long service awards",
        "the menopause policy", "secondment opportunities", "payroll queries",
        "DBS checks for new staff",
    ],
    "IT": [
        "laptop replacements", "password resets", "Wi-Fi in council buildings",
        "the IT service desk", "Microsoft Teams training", "printer access",
        "mobile phones for staff", "shared drives", "the intranet search",
        "cyber security training", "software licences", "the CRM system",
        "document scanning", "email storage limits", "remote access VPN",
        "system logins", "data sharing agreements", "the council website",
        "online forms", "the case management system",
    ],
    "libraries": [
        "library opening hours", "overdue fines", "the home library service",
        "e-book lending", "library meeting rooms", "public computers in libraries",
        "rhyme time sessions", "the local history archive", "reading groups",
        "the summer reading challenge", "library volunteers", "self-service kiosks",
        "library stock selection", "mobile library routes", "homework clubs",
        "library events programme", "warm spaces", "the library of things",
        "printing in libraries", "book donations",
    ],
    "parks": [
        "playground equipment", "grass cutting", "park toilets", "friends of parks groups",
        "street trees", "outdoor gyms", "allotment waiting lists", "park lighting",
        "dog fouling", "wildflower verges", "park cafes", "sports pitch bookings",
        "tree maintenance requests", "community gardens", "park events", "skate parks",
        "pond maintenance", "cemetery grounds", "park benches", "bowling greens",
    ],
    "transport": [
        "pothole repairs", "school streets", "cycle parking", "pool cars", "parking permits",
        "gritting routes", "roadworks coordination", "bus stop information",
        "20 mph zones", "community transport", "street lighting", "pavement parking",
        "dropped kerbs", "traffic calming", "electric vehicle charging points",
        "parking enforcement", "road signs", "footpath repairs", "cycle lanes",
        "concessionary bus passes",
    ],
    "customer services": [
        "contact centre waiting times", "customer accounts", "standard letters",
        "the one stop shop", "interpreting services", "online enquiries",
        "complaint handling", "webchat", "the knowledge base for advisers",
        "reception areas", "customer satisfaction surveys", "telephone numbers",
        "appointment booking", "email response times", "the switchboard",
        "freedom of information requests", "member enquiries", "accessibility of letters",
        "out of hours calls", "customer feedback",
    ],
    "finance": [
        "invoice payments", "purchasing cards", "procurement thresholds", "office supplies",
        "budget monitoring", "software subscriptions", "quotation templates",
        "room hire income", "VAT recovery", "the budget consultation", "debt collection",
        "grant applications", "insurance claims", "petty cash", "fees and charges",
        "capital projects", "contract management", "supplier onboarding",
        "the payroll system", "month-end closing",
    ],
    "environment": [
        "solar panels", "home insulation", "building energy use", "water refill stations",
        "air quality monitoring", "climate impact assessments", "business mileage",
        "single-use plastics", "flood prevention", "community energy", "tree planting",
        "noise complaints", "pest control", "food hygiene inspections", "litter enforcement",
        "carbon reporting", "green travel", "electric fleet", "biodiversity net gain",
        "contaminated land",
    ],
    "planning": [
        "pre-application advice", "planning validation", "planning enforcement",
        "building control plans", "development consultations", "planning committee",
        "householder extensions", "design codes", "the local plan", "conservation areas",
        "tree preservation orders", "section 106 agreements", "street naming",
        "dangerous structures", "land charges searches", "listed building consent",
        "neighbour notifications", "planning appeals", "HMO licensing", "change of use",
    ],
    "community safety": [
        "anti-social behaviour cases", "child exploitation awareness", "youth diversion",
        "domestic abuse support", "hate crime reporting", "CCTV coverage",
        "night-time economy safety", "HMO inspections", "knife crime prevention",
        "neighbourhood watch", "scam awareness", "street drinking", "noise nuisance",
        "licensing enforcement", "modern slavery", "safe spaces", "rogue traders",
        "community wardens", "alley gating", "prevent training",
    ],
    "facilities": [
        "desk booking", "office space", "showers and changing rooms", "automatic doors",
        "meeting room equipment", "building maintenance faults", "quiet rooms",
        "shared buildings", "car parking at the civic centre", "staff canteen",
        "office heating", "building security passes", "post room", "cleaning contracts",
        "lift breakdowns", "lockers", "kitchen facilities", "reception cover",
        "fire drills", "storage space",
    ],
    "communications": [
        "the residents' newsletter", "council meeting broadcasts", "staff suggestions",
        "translated information", "ward meetings", "the staff directory", "social media",
        "press releases", "consultation responses", "the intranet news", "leaflets",
        "public notices", "the annual report", "councillor surgeries", "internal emails",
        "staff briefings", "the council magazine", "event publicity", "plain English",
        "brand guidelines",
    ],
}  # fmt: skip

TEAMS = [
    "the contact centre", "our team", "the area office", "the depot", "the civic centre",
    "the housing office", "the hub", "children's services", "adult social care",
    "the revenues team", "neighbourhood services", "the libraries team", "highways",
    "parks and open spaces", "the IT service desk", "HR", "finance", "the planning team",
]  # fmt: skip
PLACES = [
    "the north of the borough", "the town centre", "the estates", "the east side",
    "the villages", "the riverside wards", "the south locality", "every neighbourhood",
]  # fmt: skip

TITLES = [
    "Better {subject}", "Fix {subject}", "Rethink {subject}", "Simpler {subject}",
    "Speed up {subject}", "{Subject} - a quick win", "Joined-up {subject}",
    "{Subject} online", "Improving {subject}", "A fairer approach to {subject}",
    "Cut waste in {subject}", "{Subject}: a pilot", "Modernise {subject}",
]  # fmt: skip

PROBLEMS = [
    "At the moment {subject} takes far too long because every request passes through "
    "three different teams.",
    "Residents ring {team} again and again about {subject} because nobody tells them "
    "what happens next.",
    "Staff in {team} spend hours each week re-keying information about {subject} from "
    "one system into another.",
    "The process for {subject} still relies on paper forms that get lost between offices.",
    "There is no single owner for {subject}, so problems bounce between services.",
    "Feedback from residents in {place} shows that {subject} is confusing and hard to access.",
    "We have a backlog of around {number} cases relating to {subject}.",
    "Different teams handle {subject} in different ways, which leads to mistakes.",
    "Costs for {subject} have gone up every year with no improvement in outcomes.",
    "People with disabilities find {subject} difficult because the information is not accessible.",
    "Managers only find out about problems with {subject} when a complaint arrives.",
    "Information about {subject} on the website is out of date and contradicts what staff say.",
    "Colleagues in {team} are frustrated that {subject} depends on one person who is often off.",
    "Demand for {subject} has doubled since last year but the team is the same size.",
    "We duplicate effort on {subject} with partner organisations who collect the same information.",
    "Evening and weekend cover for {subject} is patchy, so issues wait until Monday.",
    "The data we hold on {subject} is incomplete, so we cannot plan properly.",
    "Too much of {subject} is done by email chains that nobody can track.",
    "Our performance on {subject} is well below neighbouring councils.",
    "Frontline staff were never asked how {subject} should work.",
]

# Half of the proposals refer back to the subject ("it", "this") as people do.
PROPOSALS = [
    "I propose a single shared tracker for {subject} that every team can see.",
    "We could send automatic text message updates so people know where things are up to.",
    "Let's pilot a weekly drop-in session for {subject} in {place}.",
    "Move it onto an online form that feeds straight into the case system.",
    "Give one named officer responsibility for it from start to finish.",
    "Train frontline staff in {team} so they can sort it out at first contact.",
    "Agree a standard procedure across all teams and publish it.",
    "Work with partners to share data about {subject} instead of asking twice.",
    "Introduce a monthly dashboard on {subject} for managers.",
    "Run a short review with the people who use the service, then redesign it.",
    "Bring {subject} back in house rather than paying an external contractor.",
    "Set a clear service standard and report against it publicly.",
    "Use volunteers and community groups to help with this in {place}.",
    "Automate the routine parts so staff can focus on complex cases.",
    "Offer evening appointments so working residents can attend.",
    "Stop doing the parts of the process that add no value to residents.",
    "Create a simple checklist for {subject} that new staff can follow.",
    "Combine it with related services so residents only have to ask once.",
    "Trial a mobile team that visits people at home.",
    "Ask residents in {place} to co-design a better approach.",
]

BENEFITS = [
    "This would save officer time and reduce repeat calls.",
    "It would cut costs and improve the experience for residents.",
    "It should reduce complaints and free up capacity in {team}.",
    "We could measure the impact within three months.",
    "This fits with the council's priorities and would be cheap to try.",
    "It would help vulnerable residents who currently fall through the gaps.",
    "Staff morale would improve if we stopped doing pointless work.",
    "Other councils have done something similar with good results.",
    "The savings could be reinvested in frontline services.",
    "It would make the service fairer and more consistent.",
]

CONTEXT = [
    "I work in {team} and see this every day.",
    "We discussed this at our team meeting and everyone agreed.",
    "Around {number} residents are affected each month.",
    "I raised this with my manager last year but nothing changed.",
    "It is particularly bad in {place}.",
    "Residents have told us this repeatedly in surveys.",
    "The current arrangement was set up years ago and has never been reviewed.",
    "I would be happy to help test a new approach.",
    "This could start small in one area and grow if it works.",
    "It links to the work already happening on {other}.",
    "Partners such as the NHS and the police have raised the same concern.",
    "The cost of doing nothing is growing every year.",
]


# Boilerplate that people wrap around ideas; used by long-winded pairs and distractors alike,
# so it is as common in the index as it is in real forums.
OPENERS = [
    "Apologies if this has already been suggested, I did have a look first.",
    "This is something I have been thinking about for a while now.",
    "Not sure if this is the right place for this but here goes.",
    "Having spoken to a few people across the service, I would like to put forward the following.",
    "I appreciate budgets are tight at the moment, however I believe this is worth considering.",
    "I know this might sound obvious but I have not seen it done.",
    "Something that comes up a lot when I talk to residents is this.",
    "First time posting on here, so bear with me.",
    "I raised this informally before and was encouraged to write it up.",
    "Thank you for setting up the Ideas Forum, here is my suggestion.",
    "Just a thought from someone on the front line.",
    "I would like to propose a change that I believe would benefit everyone.",
]
GREETINGS = ["", "", "Hello.", "Hi all,", "Good morning.", "Dear Hub Team,", "Hi,"]
EXPERIENCE = [
    "I have worked here for {years} years",
    "I work in {team}",
    "I have been in {team} for {years} years",
    "As someone on the front line for {years} years",
    "Speaking as a team leader in {team}",
    "As a fairly new starter in {team}",
    "I manage a small team in {team}",
    "I am a part-time officer in {team}",
]
MOTIVATION = [
    "and this has come up again and again.", "and wanted to share an idea.",
    "and I can see an easy improvement here.", "and colleagues asked me to put this forward.",
    "and something has been bugging me for ages.", "and I think we could do better.",
    "and this came out of our last team meeting.", "and residents keep telling us the same.",
]  # fmt: skip
CLOSERS = [
    "Happy to discuss further if that would be helpful.",
    "I would be glad to be involved in taking this forward.",
    "Thanks for reading and I hope this is useful.",
    "I think this would make a real difference to the people we serve.",
    "Let me know if you need any more information from me.",
    "It seems like common sense to me but maybe there are reasons it hasn't happened.",
    "Would love to hear what others think.",
    "Many thanks for considering this.",
    "Please get in touch if you want to talk it through.",
    "I am sure colleagues in {team} would support this too.",
    "Hope this makes sense!",
    "Cheers.",
    "Thanks, and keep up the good work with the forum.",
    "I'm happy to be contacted about this.",
    "Keen to help pilot it if there is interest.",
    "Thanks in advance.",
    "Any feedback welcome.",
]
HEDGES = [
    "In my view, ", "To be honest, ", "As far as I can see, ", "Personally, ",
    "Honestly, ", "If you ask me, ", "For what it's worth, ", "Long story short, ",
]  # fmt: skip


def pad(text: str, rng: random.Random) -> str:
    """Wrap `text` in an opener and a closer drawn from the shared boilerplate."""
    fill = {"team": rng.choice(TEAMS), "years": rng.choice(["two", "five", "ten", "twenty"])}
    if rng.random() < 0.4:
        opener = rng.choice(OPENERS)
    else:
        opener = " ".join(
            [rng.choice(GREETINGS), rng.choice(EXPERIENCE), rng.choice(MOTIVATION)]
        ).strip()
    opener = opener.format(**fill)
    closer = rng.choice(CLOSERS).format(**fill)
    return " ".join([opener, text, closer])


def _fill(template: str, rng: random.Random, subject: str, all_subjects: list[str]) -> str:
    return template.format(
        subject=subject,
        Subject=subject[0].upper() + subject[1:],
        team=rng.choice(TEAMS),
        place=rng.choice(PLACES),
        number=rng.choice([12, 25, 40, 60, 85, 120, 200, 350, 500]),
        other=rng.choice(all_subjects),
    )


PADDED_SHARE = 0.4
ALL_SUBJECTS = [subject for subjects in SUBJECTS.values() for subject in subjects]


def idea(rng: random.Random, *, long: bool = False) -> tuple[str, str]:
    """One synthetic idea (topic, text): short ones ~25-45 words, long ones ~60-120."""
    topic = rng.choice(list(SUBJECTS))
    subject = rng.choice(SUBJECTS[topic])
    parts = [
        _fill(rng.choice(TITLES), rng, subject, ALL_SUBJECTS) + ".",
        _fill(rng.choice(PROBLEMS), rng, subject, ALL_SUBJECTS),
        _fill(rng.choice(PROPOSALS), rng, subject, ALL_SUBJECTS),
    ]
    if long:
        # A second problem and proposal about a related subject, as real ideas ramble.
        related = rng.choice(SUBJECTS[topic])
        extras = [
            _fill(rng.choice(BENEFITS), rng, subject, ALL_SUBJECTS),
            _fill(rng.choice(PROBLEMS), rng, related, ALL_SUBJECTS),
            _fill(rng.choice(PROPOSALS), rng, related, ALL_SUBJECTS),
            *(_fill(t, rng, subject, ALL_SUBJECTS) for t in rng.sample(CONTEXT, 3)),
        ]
        target = rng.randint(60, 120)
        for extra in extras:
            if len(" ".join(parts).split()) >= target:
                break
            parts.append(extra)
    elif rng.random() < 0.5:
        parts.append(_fill(rng.choice(BENEFITS), rng, subject, ALL_SUBJECTS))
    text = " ".join(parts)
    return topic, pad(text, rng) if rng.random() < PADDED_SHARE else text


def ideas(count: int, *, seed: int, long: bool = False) -> list[str]:
    """`count` synthetic idea texts, deterministic for a seed."""
    rng = random.Random(seed)
    return [idea(rng, long=long)[1] for _ in range(count)]
