"""The roles of DESIGN.md. Each is a Django group, created by a data migration."""

from enum import StrEnum


class Role(StrEnum):
    RESIDENT = "Resident"
    STAFF = "Staff"
    HUB_TEAM = "Hub Team"
    PARTNER = "Partner"
    LEADERSHIP = "Leadership"


ROLE_DESCRIPTIONS: dict[Role, str] = {
    Role.RESIDENT: "Residents, community and voluntary groups: refer problems into the Lab.",
    Role.STAFF: "Council employees: submit and support ideas, book sessions and space.",
    Role.HUB_TEAM: "The Improvement Hub Team: triage, portfolio, Academy and comms.",
    Role.PARTNER: "Delivery partners: co-run initiatives and sessions, report deliverables.",
    Role.LEADERSHIP: "Officers and directors: dashboards, go/no-go, decisions.",
}
