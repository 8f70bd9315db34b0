"""Open sessions into referrals: what residents raised at a Lab event becomes Lab referrals
in one step (the event and its register live in the spaces app, below the Lab)."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from improvement_hub.lab import permissions
from improvement_hub.lab.models import Referral
from improvement_hub.lab.services import ReferralData, referral_submit

if TYPE_CHECKING:
    from improvement_hub.accounts.types import AnyUser
    from improvement_hub.spaces.models import Event, Registration


def open_session_referrals_create(
    *,
    actor: "AnyUser",
    event: "Event",
    raised: Sequence[tuple["Registration", str]],
    consent: bool,
) -> list[Referral]:
    """Makes one referral per problem raised at ``event``, each from the person who raised
    it (their email from the register), all or none. Each person is emailed to confirm, as
    any referrer is, so triage and the same privacy and retention rules apply. Refuses
    anyone but the Hub Team, an empty list and a missing confirmation of consent."""
    if not permissions.can_triage(actor):
        raise PermissionDenied("Only the Hub Team can make referrals from an event")
    if not consent:
        raise ValidationError(
            {"consent": ["Confirm that these people agreed to be contacted about what they raised"]}
        )
    items = [(registration, problem.strip()) for registration, problem in raised if problem.strip()]
    if not items:
        raise ValidationError({"__all__": ["Enter at least one problem that was raised"]})
    referrals = []
    with transaction.atomic():
        for registration, problem in items:
            if registration.event_id != event.pk or not registration.email:
                raise ValidationError({"__all__": ["Choose people registered for this event"]})
            data = ReferralData(
                problem=problem,
                email=registration.email,
                consent=True,
                raised_as="resident",
                contact_name=registration.name,
                affected_who=f"Raised at {event.title}",
            )
            referral, _token = referral_submit(data=data, ip=f"event-{event.pk}-{registration.pk}")
            referrals.append(referral)
    return referrals
