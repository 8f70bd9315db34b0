"""Plausible community referrals: residents', groups' and partners' cross-system problems.

Composed from hand-written phrases and the council subjects of ``bench.similarity.corpus``,
so that the similar-referrals index and the suggestions' nearest neighbours see realistic,
overlapping vocabulary (a referral about damp and mould shares words with other housing
referrals, some of them with health ones).
"""

import random

from bench.similarity import corpus

# Referral topics: the council's four priorities most of the time, other subjects sometimes.
CORE_TOPICS = ["children", "jobs and skills", "housing", "health"]
OTHER_TOPICS = ["waste", "council tax", "transport", "community safety", "customer services",
                "libraries", "parks", "environment"]  # fmt: skip
TOPIC_PRIORITY = {
    "children": "children", "jobs and skills": "jobs-and-skills", "housing": "housing",
    "health": "health",
}  # fmt: skip
# Services of the council demo (improvement_hub.council.demo) each topic usually touches.
TOPIC_SERVICES = {
    "children": ["early-help", "childrens-social-care", "school-admissions", "public-health"],
    "jobs and skills": ["employment-and-skills", "adult-education"],
    "housing": ["housing-options", "council-housing-repairs"],
    "health": ["adult-social-care", "public-health"],
}
TOPIC_AGENCIES = {
    "children": ["schools", "nhs", "police", "voluntary"],
    "jobs and skills": ["dwp", "voluntary", "schools"],
    "housing": ["housing_association", "dwp", "nhs", "voluntary"],
    "health": ["nhs", "voluntary", "housing_association"],
}
AGENCY_WORDS = {
    "nhs": ["the GP surgery", "the hospital", "the health visitor", "the mental health team"],
    "police": ["the police", "the neighbourhood police team"],
    "dwp": ["the Jobcentre", "Universal Credit", "the DWP"],
    "schools": ["the school", "the college", "the academy trust"],
    "housing_association": ["the housing association", "our landlord"],
    "voluntary": ["the food bank", "Citizens Advice", "the advice centre"],
    "other": ["the energy company", "the water company", "the bus company"],
}

EVENTS = [
    "my mum came out of hospital", "we were moved into temporary accommodation",
    "my son turned eighteen", "I lost my job", "our landlord sold the house",
    "my husband died", "we moved across the city", "my daughter was excluded from school",
    "my benefits were reassessed", "the family was rehoused", "I became a carer for my dad",
    "our tenancy started", "the case was closed", "he left care", "the baby was born",
]  # fmt: skip
CONSEQUENCES = [
    "the children miss weeks of school", "people fall into rent arrears",
    "people end up back in hospital", "the debt keeps growing", "people give up and go without",
    "the problem gets worse and costs more to fix", "carers are left to cope on their own",
    "young people drop out of training", "families lose touch with their GP",
    "people are evicted", "older people become isolated", "nobody checks that things improved",
]  # fmt: skip
TIMES = ["three", "four", "five", "six", "ten", "a dozen", "more than twenty"]

PROBLEMS = [
    "Since {event}, we have been passed between {agency} and the council about {subject} "
    "and nobody will take responsibility.",
    "I have rung about {subject} {times} times. Each time I have to explain everything again "
    "to someone new.",
    "{Agency} says {subject} is the council's job, and the council says it is theirs.",
    "Families in {place} wait months for {subject}, and in the meantime {consequence}.",
    "When {event}, {subject} stopped and had to be started again from scratch.",
    "The people we support are asked for the same documents about {subject} by {agency} and by "
    "{team}.",
    "Nobody told us that {subject} had changed, so {consequence}.",
    "{Subject} and {other} are run by different teams who never talk to each other, so "
    "{consequence}.",
    "Letters about {subject} from {agency} and from the council give different dates.",
    "There is nobody to call about {subject} in the evening or at weekends, so {consequence}.",
    "We were told to apply online for {subject}, but many of the people we help have no internet.",
    "After {event}, it took {times} months to sort out {subject} because every service wanted "
    "a different form.",
    "{Agency} cannot share information about {subject} with the council, so people tell their "
    "story again and again.",
    "The waiting list for {subject} is so long that {consequence}.",
    "Support with {subject} ends at eighteen, and adult services do not pick it up.",
    "People in {place} are turned away from {subject} because they have no fixed address.",
]
EXTRA = [
    "This has happened to at least {times} families we know.",
    "It is worst in {place}.",
    "{Agency} agrees it is a problem but says it is not their job to fix it.",
    "We have complained, but each complaint is answered by a different service.",
    "I am worried that someone will get hurt.",
    "The same thing happened last year.",
    "Our councillor has raised it too.",
    "It also affects {other}.",
    "In the end {consequence}.",
    "Nobody seems to own the whole problem.",
]
OPENERS = [
    "", "", "", "Hello.", "To whom it may concern,", "I am writing on behalf of our group.",
    "I did not know where else to send this.", "I hope this is the right place.",
    "I am a volunteer at a community centre.", "I work for a local charity.",
]  # fmt: skip
CLOSERS = [
    "", "", "", "Please help.", "Thank you for reading.", "Happy to talk about it.",
    "I can give more details if you need them.", "Our group would like to help fix this.",
]  # fmt: skip
AFFECTED = [
    "Families with children in {place}", "Older people living alone", "Care leavers aged 18 to 21",
    "Tenants in {place}", "Unpaid carers", "Young people not in education or work",
    "Disabled residents and their families", "People with no fixed address",
    "Families in temporary accommodation", "People leaving hospital", "Refugees and asylum seekers",
    "Single parents", "People with mental health problems", "Residents of one street in {place}",
    "Everyone who uses {subject}",
]  # fmt: skip
TRIED = [
    "", "", "I have complained twice and written to my councillor.",
    "We called the contact centre and {agency}.", "We filled in the online form, twice.",
    "Our support worker tried to get the services together, without luck.",
    "We asked {agency} to talk to the council.", "Nothing yet.",
    "We set up a WhatsApp group so families can help each other.",
]  # fmt: skip
NOTES = [
    "Spoke to {team}: they see the same pattern.", "Links to the challenge on {subject}.",
    "Checked with {agency}; they are aware.", "Possible pilot area: {place}.",
    "Similar to earlier referrals about {subject}.", "Asked the referrer to call back.",
    "Not a cross-system problem: this is for {team} alone.",
    "Discussed at the weekly triage meeting.",
]  # fmt: skip
ORGANISATIONS = [
    "Sparkbrook Parents Network", "Ladywood Tenants' Forum", "Northfield Carers Group",
    "Citizens Advice", "The Food Bank", "Young Futures CIC", "Refugee Welcome Group",
    "St Anne's Church", "Hill Street Community Centre", "NHS Integrated Care Board",
    "Jobcentre Plus (DWP)", "West Midlands Police",
]  # fmt: skip
FIRST_NAMES = [
    "Amira", "Ben", "Chloe", "Dev", "Ellie", "Farid", "Grace", "Harry", "Isla", "Jamal",
    "Kate", "Liam", "Maya", "Nathan", "Olivia", "Priya", "Quinn", "Rosa", "Sam", "Tom",
]  # fmt: skip
LAST_NAMES = [
    "Ahmed", "Brown", "Clarke", "Davies", "Evans", "Francis", "Green", "Hughes", "Iqbal",
    "Jones", "Khan", "Lewis", "Morgan", "Nowak", "Owen", "Patel", "Roberts", "Smith",
]  # fmt: skip


def _fill(template: str, rng: random.Random, subject: str, agencies: list[str]) -> str:
    agency = rng.choice(AGENCY_WORDS[rng.choice(agencies or ["other"])])
    return template.format(
        subject=subject,
        Subject=subject[0].upper() + subject[1:],
        agency=agency,
        Agency=agency[0].upper() + agency[1:],
        team=rng.choice(corpus.TEAMS),
        place=rng.choice(corpus.PLACES),
        event=rng.choice(EVENTS),
        consequence=rng.choice(CONSEQUENCES),
        times=rng.choice(TIMES),
        other=rng.choice(corpus.ALL_SUBJECTS),
    )


def topic(rng: random.Random) -> str:
    return rng.choice(CORE_TOPICS) if rng.random() < 0.8 else rng.choice(OTHER_TOPICS)


def agencies_for(rng: random.Random, topic_name: str) -> list[str]:
    """0 to 3 other organisations involved, most often those the topic suggests."""
    count = rng.choices([0, 1, 2, 3], [0.25, 0.4, 0.25, 0.1])[0]
    pool = TOPIC_AGENCIES.get(topic_name, ["other", "voluntary", "police"])
    chosen = []
    for _ in range(count):
        code = rng.choice(pool) if rng.random() < 0.8 else rng.choice(list(AGENCY_WORDS))
        if code not in chosen:
            chosen.append(code)
    return chosen


def referral_text(rng: random.Random, topic_name: str, agencies: list[str]) -> dict[str, str]:
    """problem, affected_who and tried of one plausible referral."""
    subject = rng.choice(corpus.SUBJECTS[topic_name])
    sentences = [_fill(rng.choice(PROBLEMS), rng, subject, agencies)]
    if rng.random() < 0.5:
        related = rng.choice(corpus.SUBJECTS[topic_name])
        sentences.append(_fill(rng.choice(PROBLEMS), rng, related, agencies))
    for template in rng.sample(EXTRA, rng.randint(0, 3)):
        sentences.append(_fill(template, rng, subject, agencies))
    problem = " ".join([rng.choice(OPENERS), *sentences, rng.choice(CLOSERS)]).strip()
    affected = _fill(rng.choice(AFFECTED), rng, subject, agencies) if rng.random() < 0.85 else ""
    tried = _fill(rng.choice(TRIED), rng, subject, agencies)
    return {"problem": problem[:5000], "affected_who": affected, "tried": tried, "subject": subject}


def note_text(rng: random.Random, subject: str, agencies: list[str]) -> str:
    return _fill(rng.choice(NOTES), rng, subject, agencies)
