"""Demo data for the council app: the council the seed decision record comes from."""

from collections.abc import Callable

from improvement_hub.council.models import Directorate, Organisation, Priority, Service

DIRECTORATES = {
    "children-and-families": (
        "Children and Families",
        "Children's social care, early help, education and skills.",
    ),
    "economy-and-skills": ("Economy and Skills", "Employment, adult learning and business growth."),
    "place-and-housing": ("Place and Housing", "Council housing, homelessness and neighbourhoods."),
    "adults-and-health": ("Adults and Health", "Adult social care and public health."),
    "strategic-services": (
        "Strategic Services",
        "Corporate HR — home of the Improvement Hub Team — finance and digital.",
    ),
}

# slug: (name, directorate, priorities, contact url, email, phone)
SERVICES = {
    "early-help": (
        "Early Help",
        "children-and-families",
        ["children"],
        "https://www.example.gov.uk/early-help",
        "earlyhelp@example.gov.uk",
        "0121 000 0101",
    ),
    "childrens-social-care": (
        "Children's Social Care",
        "children-and-families",
        ["children"],
        "",
        "childrens.advice@example.gov.uk",
        "0121 000 0102",
    ),
    "school-admissions": (
        "School Admissions",
        "children-and-families",
        ["children"],
        "https://www.example.gov.uk/school-admissions",
        "",
        "",
    ),
    "employment-and-skills": (
        "Employment and Skills Service",
        "economy-and-skills",
        ["jobs-and-skills"],
        "https://www.example.gov.uk/jobs",
        "",
        "0121 000 0201",
    ),
    "adult-education": (
        "Adult Education",
        "economy-and-skills",
        ["jobs-and-skills"],
        "https://www.example.gov.uk/adult-education",
        "adulted@example.gov.uk",
        "",
    ),
    "housing-options": (
        "Housing Options and Homelessness",
        "place-and-housing",
        ["housing", "health"],
        "https://www.example.gov.uk/housing-options",
        "",
        "0121 000 0301",
    ),
    "council-housing-repairs": (
        "Council Housing Repairs",
        "place-and-housing",
        ["housing"],
        "https://www.example.gov.uk/repairs",
        "",
        "0121 000 0302",
    ),
    "adult-social-care": (
        "Adult Social Care",
        "adults-and-health",
        ["health"],
        "",
        "adultcare@example.gov.uk",
        "0121 000 0401",
    ),
    "public-health": (
        "Public Health",
        "adults-and-health",
        ["health", "children"],
        "https://www.example.gov.uk/public-health",
        "",
        "",
    ),
    "corporate-hr": (
        "Corporate HR",
        "strategic-services",
        [],
        "",
        "improvementhub@example.gov.uk",
        "",
    ),
}

ORGANISATIONS = {
    "impact-hub-cic": (
        "Impact Hub CIC",
        Organisation.Kind.DELIVERY_PARTNER,
        "Social enterprise engaged under delegated authority to help set up the Improvement Hub "
        "and its Innovation Lab: lab plan, upskilling, prototypes, community referrals, branding, "
        "lab space until June 2017 and three pilots.",
    ),
    "nhs-integrated-care-board": (
        "NHS Integrated Care Board",
        Organisation.Kind.PUBLIC_AGENCY,
        "Plans and buys NHS services for the city.",
    ),
    "west-midlands-police": ("West Midlands Police", Organisation.Kind.PUBLIC_AGENCY, ""),
    "jobcentre-plus": ("Jobcentre Plus (DWP)", Organisation.Kind.PUBLIC_AGENCY, ""),
    "ladywood-tenants-forum": (
        "Ladywood Tenants' Forum",
        Organisation.Kind.COMMUNITY_GROUP,
        "Residents' group that raises housing and neighbourhood problems.",
    ),
    "sparkbrook-parents-network": (
        "Sparkbrook Parents Network",
        Organisation.Kind.COMMUNITY_GROUP,
        "Volunteer-run support for families with young children.",
    ),
}


def load(log: Callable[[str], None]) -> None:
    directorates = {
        slug: Directorate.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )[0]
        for slug, (name, description) in DIRECTORATES.items()
    }
    priorities = {p.slug: p for p in Priority.objects.all()}
    for slug, (name, directorate, priority_slugs, url, email, phone) in SERVICES.items():
        service, _ = Service.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "directorate": directorates[directorate],
                "contact_url": url,
                "contact_email": email,
                "contact_phone": phone,
            },
        )
        service.priorities.set([priorities[p] for p in priority_slugs if p in priorities])
    for slug, (name, kind, description) in ORGANISATIONS.items():
        Organisation.objects.update_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "description": description}
        )
    log(
        f"Council: {len(priorities)} priorities, {len(directorates)} directorates, "
        f"{len(SERVICES)} services, {len(ORGANISATIONS)} organisations"
    )
