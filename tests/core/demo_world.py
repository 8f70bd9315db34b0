"""The demo data set, loaded once per test module, with the objects the sweeps visit:
someone's own, another person's, hidden or unpublished, and the API tokens of each role."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db import DatabaseError, transaction
from django.test import Client

from improvement_hub.accounts.roles import Role

ROLE_COLUMNS = ["anonymous", "resident", "staff", "hub_team", "partner", "leadership"]
DEMO_EMAILS = {
    "resident": "resident@demo.example",
    "staff": "staff@demo.example",
    "hub_team": "hubteam@demo.example",
    "partner": "partner@demo.example",
    "leadership": "leadership@demo.example",
}
MISSING = 999999
MISSING_UUID = "00000000-0000-4000-8000-000000000000"
TRACKING_TOKEN = "sweep-tracking-token"  # noqa: S105 - a test value


@dataclass
class World:
    users: dict[str, object]
    tokens: dict[str, str]
    ids: dict[str, object] = field(default_factory=dict)
    cells: list = field(default_factory=list)  # filled by the URL x role sweep


def build_world() -> World:
    from wagtail.models import APIToken, Collection, Page, Revision, Site, Task, Workflow

    from improvement_hub.accounts.models import User
    from improvement_hub.cms.models import StandardPage
    from improvement_hub.ideas.models import Campaign, Comment, Idea, Report
    from improvement_hub.initiatives.models import Initiative, Measure, Pilot
    from improvement_hub.initiatives.models.parts import TrainingRequirement
    from improvement_hub.lab.models import Challenge, Referral
    from improvement_hub.lab.services import token_hash
    from improvement_hub.notifications.models import Notification

    users = {role: User.objects.get(email=email) for role, email in DEMO_EMAILS.items()}
    tokens = {role: APIToken.create_token(user=u, name="sweep")[1] for role, u in users.items()}
    ids: dict[str, object] = {}

    ideas = Idea.objects.all()
    ids["idea_published"] = ideas.filter(hidden_at__isnull=True, merged_into__isnull=True)
    ids["idea_published"] = ids["idea_published"].exclude(submitted_at=None).order_by("pk")[0].pk
    ids["idea_hidden"] = ideas.exclude(hidden_at=None).first().pk
    ids["idea_merged"] = ideas.exclude(merged_into=None).first().pk
    ids["idea_staff_draft"] = ideas.filter(submitted_at=None, author=users["staff"]).first().pk
    comments = Comment.objects.all()
    ids["comment_staff"] = comments.filter(author=users["staff"]).first()
    ids["comment_other"] = comments.exclude(author=users["staff"]).filter(hidden_at=None).first()
    ids["comment_hidden"] = comments.exclude(hidden_at=None).first()
    ids["report_open"] = Report.objects.filter(resolved_at=None).first().pk
    ids["report_resolved"] = Report.objects.exclude(resolved_at=None).first().pk
    ids["campaign"] = Campaign.objects.order_by("pk").first().slug

    hidden_challenge = Challenge.objects.create(
        title="An unpublished challenge",
        slug="sweep-unpublished",
        statement="Not public yet",
        is_published=False,
    )
    ids["challenge_published"] = Challenge.objects.filter(is_published=True).first().slug
    ids["challenge_unpublished"] = hidden_challenge.slug
    referral = Referral.objects.filter(status="new").exclude(reference=None).first()
    referral.tracking_token_hash = token_hash(TRACKING_TOKEN)
    referral.save(update_fields=["tracking_token_hash"])
    ids["referral"] = referral.reference

    initiatives = Initiative.objects.all()
    ids["initiative_staff_lead"] = initiatives.get(team__user=users["staff"], is_published=True).pk
    ids["initiative_partner"] = initiatives.get(team__user=users["partner"]).pk
    ids["initiative_unpublished"] = initiatives.filter(is_published=False).order_by("pk")[0].pk
    partner_initiative = Initiative.objects.get(pk=ids["initiative_partner"])
    measure = partner_initiative.measures.first()
    ids["measure"] = measure.pk
    ids["measure_elsewhere"] = Measure.objects.exclude(initiative=partner_initiative).first().pk
    ids["observation"] = measure.observations.first().pk
    rebase_measure = Measure.objects.filter(rebases__isnull=False).first()
    ids["rebase_initiative"] = rebase_measure.initiative_id
    ids["rebase_measure"] = rebase_measure.pk
    ids["rebase"] = rebase_measure.rebases.first().pk
    ids["pilot"] = Pilot.objects.get(initiative=partner_initiative).pk
    ids["milestone"] = partner_initiative.milestones.first().pk
    requirement = TrainingRequirement.objects.order_by("pk").first()
    ids["requirement_initiative"] = (
        requirement.initiative_id if requirement else partner_initiative.pk
    )
    ids["requirement"] = requirement.pk if requirement else MISSING

    ids["notification_resident"] = Notification.objects.create(
        recipient=users["resident"], subject="For the resident", url="/ideas/"
    ).pk
    ids["notification_staff"] = Notification.objects.create(
        recipient=users["staff"], subject="For staff", url="/ideas/"
    ).pk

    home = Page.objects.get(url_path="/home/")
    draft = home.add_child(
        instance=StandardPage(title="Sweep draft page", slug="sweep-draft", live=False)
    )
    ids["page"] = Page.objects.get(url_path="/home/about/").pk
    ids["page_parent"] = home.pk
    ids["page_draft"] = draft.pk
    ids["revision"] = Revision.objects.filter(object_id=str(ids["page"])).first()
    ids["revision"] = ids["revision"].pk if ids["revision"] else MISSING
    ids["site"] = Site.objects.first().pk
    ids["collection"] = Collection.objects.first().pk
    ids["workflow"] = Workflow.objects.first().pk
    ids["task"] = Task.objects.first().pk
    ids["group"] = Group.objects.get(name=str(Role.STAFF)).pk
    ids["api_token"] = APIToken.objects.filter(user=users["hub_team"]).first().pk
    from improvement_hub.cms.newsletter_models import NewsletterIssue

    issue = NewsletterIssue.objects.filter(status="draft").order_by("pk").first()
    issue = issue or NewsletterIssue.objects.create(
        subject="Sweep issue", introduction="For the sweep."
    )
    ids["newsletter_issue"] = issue.pk
    ids.update(_spaces_ids(users))
    ids.update(_academy_ids(users))
    ids.update(_partnership_ids(users))
    return World(users=users, tokens=tokens, ids=ids)


def _pk(obj: object) -> object:
    return getattr(obj, "pk", None) or MISSING


def _spaces_ids(users: dict[str, object]) -> dict[str, object]:
    from improvement_hub.spaces.models import (
        Booking,
        Event,
        MoveStep,
        Registration,
        ResourceRequest,
        Space,
    )

    staff_booking = Booking.objects.filter(booked_by=users["staff"]).order_by("pk").first()
    if staff_booking is None:  # the sweep needs one booking of the staff user's own
        staff_booking = Booking.objects.order_by("pk").first()
        staff_booking.pk = None
        staff_booking.booked_by = users["staff"]
        later = staff_booking.starts_at.replace(year=2030) - staff_booking.starts_at
        for name in ("starts_at", "ends_at", "blocked_from", "blocked_until"):
            if hasattr(staff_booking, name):
                setattr(staff_booking, name, getattr(staff_booking, name) + later)
        staff_booking.save()
    return {
        "space_public": Space.objects.filter(is_public=True).order_by("pk").first().slug,
        "space_internal": getattr(
            Space.objects.filter(is_public=False).order_by("pk").first(), "slug", "no-such-space"
        ),
        "space_id": Space.objects.filter(is_public=True).order_by("pk").first().pk,
        "booking_staff": staff_booking.pk,
        "booking_other": _pk(Booking.objects.exclude(booked_by=users["staff"]).first()),
        "move_step": _pk(MoveStep.objects.order_by("pk").first()),
        "resource_request": _pk(ResourceRequest.objects.order_by("pk").first()),
        "event": Event.objects.filter(is_published=True).order_by("pk").first().slug,
        "event_id": Event.objects.filter(is_published=True).order_by("pk").first().pk,
        "registration_token": str(Registration.objects.order_by("pk").first().token),
    }


def _academy_ids(users: dict[str, object]) -> dict[str, object]:
    from improvement_hub.academy.models import (
        Certificate,
        Course,
        Enrolment,
        Pathway,
        PathwayStep,
        Session,
    )

    course = Course.objects.filter(is_published=True).order_by("pk").first()
    draft = Course.objects.filter(is_published=False).order_by("pk").first()
    if draft is None:
        draft = Course.objects.create(title="A draft course", slug="sweep-draft-course")
    pathway = Pathway.objects.filter(is_published=True).order_by("pk").first()
    return {
        "course": course.slug,
        "course_id": course.pk,
        "course_draft": draft.slug,
        "pathway": pathway.slug,
        "step": _pk(PathwayStep.objects.filter(pathway=pathway).order_by("pk").first()),
        "session": _pk(Session.objects.order_by("-starts_at").first()),
        "enrolment_staff": _pk(Enrolment.objects.filter(person=users["staff"]).first()),
        "enrolment_other": _pk(Enrolment.objects.exclude(person=users["staff"]).first()),
        "certificate": str(
            getattr(Certificate.objects.order_by("pk").first(), "reference", MISSING_UUID)
        ),
    }


def _partnership_ids(users: dict[str, object]) -> dict[str, object]:
    from improvement_hub.partnership.models import (
        Contract,
        Decision,
        Deliverable,
        EvidenceLink,
        PaymentBlock,
        RunningCost,
        TransparencyFile,
    )

    published = Decision.objects.filter(state="published").order_by("pk").first()
    unpublished = Decision.objects.exclude(state="published").order_by("pk").first()
    contract = Contract.objects.order_by("pk").first()
    return {
        "decision_published": _pk(published),
        "decision_unpublished": _pk(unpublished),
        "contract": contract.pk,
        "evidence": _pk(EvidenceLink.objects.exclude(document="").order_by("pk").first()),
        "block": _pk(PaymentBlock.objects.order_by("pk").first()),
        "transparency_file": _pk(TransparencyFile.objects.order_by("pk").first()),
        "deliverable": _pk(Deliverable.objects.filter(contract=contract).order_by("pk").first()),
        "running_cost": _pk(
            RunningCost.objects.filter(plan__contract=contract).order_by("pk").first()
        ),
    }


class SavepointClient(Client):
    """A client whose every request runs in a savepoint: a request that fails in the
    database (a 500 we report) must not abort the test's transaction on PostgreSQL."""

    def request(self, **request):  # type: ignore[no-untyped-def]
        savepoint = transaction.savepoint()
        try:
            return super().request(**request)
        finally:
            try:
                transaction.savepoint_commit(savepoint)
            except DatabaseError:
                transaction.savepoint_rollback(savepoint)
