"""The Innovation Lab in the JSON API: referrals in, status out, public challenges."""

from datetime import date, datetime

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.security import django_auth

from improvement_hub.core.api import PROBLEMS, bind_form
from improvement_hub.core.client_ip import client_ip
from improvement_hub.core.schemas import InputSchema
from improvement_hub.lab import permissions, selectors, services
from improvement_hub.lab.forms import ReferralForm
from improvement_hub.lab.models import Challenge, Referral

router = Router(tags=["lab"])


class ReferralIn(InputSchema):
    """A referral: the questions of the journey on the site, checked by the same form
    (``forms.ReferralForm``), so the answers it refuses and its words are the same."""

    problem: str
    email: str
    consent: bool
    raised_as: str = Field(
        default="resident", description="resident, community_group, partner or staff"
    )
    organisation_name: str = ""
    affected_who: str = ""
    affected_count: str = Field(
        default="", description="few, dozens, hundreds, thousands or unknown"
    )
    services: list[str] = Field(
        default_factory=list, max_length=30, description="Council service slugs"
    )
    agencies: list[str] = Field(default_factory=list, max_length=10)
    agencies_other: str = ""
    tried: str = ""
    priorities: list[str] = Field(default_factory=list, max_length=10, description="Priority slugs")
    contact_name: str = ""
    phone: str = ""


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

    @staticmethod
    def resolve_priorities(challenge: Challenge) -> list[str]:
        return [p.slug for p in challenge.priorities.all()]

    @staticmethod
    def resolve_services(challenge: Challenge) -> list[str]:
        return [s.slug for s in challenge.services.all()]

    @staticmethod
    def resolve_url(challenge: Challenge) -> str:
        return challenge.get_absolute_url()


@router.post("/referrals", response={201: ReferralCreated, **PROBLEMS}, auth=None)
def referral_create(request: HttpRequest, payload: ReferralIn) -> Status[ReferralCreated]:
    """Refer a problem into the Lab (no account needed). A confirmation email is sent; triage
    starts when the email address is confirmed."""
    form = bind_form(ReferralForm, payload.model_dump())
    referral, _token = services.referral_submit(data=form.referral_data(), ip=client_ip(request))
    return Status(201, ReferralCreated(reference=referral.reference or "", status=referral.status))


def _referral_for(request: HttpRequest, reference: str, token: str) -> Referral:
    """The Hub Team read a referral through the selector their pages use; anyone else
    needs the referrer's tracking token. 404 for everything else."""
    user = django_auth(request)
    if user is not None and permissions.can_triage(user):
        return selectors.referral_get_for_hub(user=user, reference=reference)
    referral = services.referral_get_by_tracking(reference=reference, token=token)
    if referral is None or referral.reference is None:
        raise Http404
    return referral


@router.get("/referrals/{reference}", response=ReferralOut, auth=None)
def referral_status(request: HttpRequest, reference: str, token: str = "") -> ReferralOut:
    """A referral's status and messages: for the Hub Team, or with the referrer's tracking
    token. Anyone else gets 404. No contact details are returned."""
    referral = _referral_for(request, reference, token)
    return ReferralOut(
        reference=referral.reference or "",
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
def challenge_list(request: HttpRequest) -> list[Challenge]:
    """Public Lab challenges, newest first, with how many referrals joined each."""
    return list(selectors.challenge_list_public()[:200])
