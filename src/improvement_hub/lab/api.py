"""The Innovation Lab in the JSON API: referrals in, status out, public challenges."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.security import django_auth

from improvement_hub.core.client_ip import client_ip
from improvement_hub.core.ratelimit import RateLimited
from improvement_hub.core.schemas import InputSchema
from improvement_hub.council.models import Priority, Service
from improvement_hub.lab import permissions, selectors, services
from improvement_hub.lab.models import AffectedCount, Agency, RaisedAs, Referral

router = Router(tags=["lab"])


class ReferralIn(InputSchema):
    problem: str = Field(min_length=1, max_length=5000)
    email: str = Field(min_length=3, max_length=254)
    consent: bool
    raised_as: str = Field(
        default="resident", description="resident, community_group, partner or staff"
    )
    organisation_name: str = Field(default="", max_length=200)
    affected_who: str = Field(default="", max_length=2000)
    affected_count: str = Field(
        default="", description="few, dozens, hundreds, thousands or unknown"
    )
    services: list[str] = Field(
        default_factory=list, max_length=30, description="Council service slugs"
    )
    agencies: list[str] = Field(default_factory=list, max_length=10)
    agencies_other: str = Field(default="", max_length=200)
    tried: str = Field(default="", max_length=2000)
    priorities: list[str] = Field(default_factory=list, max_length=10, description="Priority slugs")
    contact_name: str = Field(default="", max_length=120)
    phone: str = Field(default="", max_length=30)


class ReferralCreated(Schema):
    reference: str
    status: str


class Message(Schema):
    date: datetime
    what: str
    message: str


class ReferralOut(Schema):
    reference: str
    status: str
    status_name: str
    received_at: datetime | None
    acknowledge_by: date | None
    decide_by: date | None
    messages: list[Message]


class ChallengeOut(Schema):
    slug: str
    title: str
    statement: str
    stage: str
    raised_by: int
    priorities: list[str]
    services: list[str]
    url: str


class Problem(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None


@router.post("/referrals", response={201: ReferralCreated, 400: Problem, 429: Problem}, auth=None)
def referral_create(request: HttpRequest, payload: ReferralIn):  # type: ignore[no-untyped-def]
    """Refer a problem into the Lab (no account needed). A confirmation email is sent; triage
    starts when the email address is confirmed."""
    from django.core.validators import validate_email

    errors: dict[str, list[str]] = {}
    try:
        validate_email(payload.email)
    except ValidationError:
        errors["email"] = ["Enter an email address in the correct format, like name@example.com"]
    if not payload.consent:
        errors["consent"] = ["Confirm that you agree to us using your information"]
    if payload.raised_as not in RaisedAs.values:
        errors["raised_as"] = [f"Use one of: {', '.join(RaisedAs.values)}"]
    if payload.affected_count and payload.affected_count not in AffectedCount.values:
        errors["affected_count"] = [f"Use one of: {', '.join(AffectedCount.values)}"]
    bad_agencies = [a for a in payload.agencies if a not in Agency.values]
    if bad_agencies:
        errors["agencies"] = [f"Use any of: {', '.join(Agency.values)}"]
    found_services = tuple(Service.objects.filter(slug__in=payload.services, is_active=True))
    if len(found_services) != len(set(payload.services)):
        errors["services"] = ["Use the slugs of council services, from /api/v1/services"]
    found_priorities = tuple(Priority.objects.filter(slug__in=payload.priorities, is_active=True))
    if len(found_priorities) != len(set(payload.priorities)):
        errors["priorities"] = ["Use the slugs of priorities, from /api/v1/priorities"]
    if not payload.problem.strip():
        errors["problem"] = ["Describe the problem"]
    if errors:
        return Status(400, Problem(detail="Some answers need correcting", errors=errors))
    data = services.ReferralData(
        problem=payload.problem,
        email=payload.email,
        consent=payload.consent,
        raised_as=payload.raised_as,
        organisation_name=payload.organisation_name,
        affected_who=payload.affected_who,
        affected_count=payload.affected_count,
        services=found_services,
        agencies=tuple(payload.agencies),
        agencies_other=payload.agencies_other,
        tried=payload.tried,
        priorities=found_priorities,
        contact_name=payload.contact_name,
        phone=payload.phone,
    )
    try:
        referral, _token = services.referral_submit(data=data, ip=client_ip(request))
    except RateLimited as error:
        return Status(429, Problem(detail=error.message))
    except ValidationError as error:
        detail = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        return Status(400, Problem(detail="Some answers need correcting", errors=detail))
    return Status(201, ReferralCreated(reference=referral.reference, status=referral.status))


@router.get("/referrals/{reference}", response=ReferralOut, auth=None)
def referral_status(request: HttpRequest, reference: str, token: str = ""):  # type: ignore[no-untyped-def]
    """A referral's status and messages: for the Hub Team, or with the referrer's tracking
    token. Anyone else gets 404. No contact details are returned."""
    referral: Referral | None
    user = django_auth(request) or None
    if user is not None and permissions.can_triage(user):
        referral = Referral.objects.filter(reference=reference).first()
    else:
        referral = services.referral_get_by_tracking(reference=reference, token=token)
    if referral is None or referral.reference is None:
        raise Http404
    return ReferralOut(
        reference=referral.reference,
        status=referral.status,
        status_name=referral.get_status_display(),
        received_at=referral.received_at,
        acknowledge_by=referral.acknowledge_by,
        decide_by=referral.decide_by,
        messages=[
            Message(date=e.created_at, what=e.get_kind_display(), message=e.message)
            for e in selectors.referral_public_history(referral=referral)
        ],
    )


@router.get("/challenges", response=list[ChallengeOut], auth=None)
def challenge_list(request: HttpRequest):  # type: ignore[no-untyped-def]
    """Public Lab challenges, newest first, with how many referrals joined each."""
    return [
        ChallengeOut(
            slug=c.slug,
            title=c.title,
            statement=c.statement,
            stage=c.stage,
            raised_by=c.raised_by,
            priorities=[p.slug for p in c.priorities.all()],
            services=[s.slug for s in c.services.all()],
            url=c.get_absolute_url(),
        )
        for c in selectors.challenge_list_public()[:200]
    ]
