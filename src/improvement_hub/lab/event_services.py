"""The Lab's side of its events (the event and its register live in the spaces app, below
the Lab): what residents raised at an open session becomes Lab referrals in one step, and
an event is linked to the challenge it is about from the Hub Team's event pages (the link
is the Lab's: ``Challenge.events``), so "you came to X, here is what happened next" reaches
its attendees when the challenge moves."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from improvement_hub.lab import permissions
from improvement_hub.lab.models import Challenge, Referral
from improvement_hub.lab.services import ReferralData, referral_submit
from improvement_hub.spaces.links import EventLink, event_link_register

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


def event_challenge_set(*, actor: "AnyUser", event: "Event", value: Challenge | None) -> None:
    """Links ``event`` to the challenge it is about (or to none): one challenge chosen on
    the event's page replaces any other link. The Hub Team only; a challenge that is not
    published cannot be chosen (the event's page is public)."""
    if not permissions.can_triage(actor):
        raise PermissionDenied("Only the Hub Team can link events to challenges")
    if value is not None and not value.is_published:
        raise ValidationError({"challenge": ["Choose a published challenge"]})
    links = Challenge.events.through.objects.filter(event_id=event.pk)
    if value is None:
        links.delete()
        return
    links.exclude(challenge_id=value.pk).delete()
    value.events.add(event)


def _challenge_field(user: "AnyUser") -> forms.Field:
    return forms.ModelChoiceField(
        label="Lab challenge it is about (optional)",
        help_text="Those who come are told what happened next when the challenge moves on",
        queryset=Challenge.objects.filter(is_published=True).order_by("title"),
        required=False,
        empty_label="None",
        to_field_name="slug",
    )


def _challenge_initial(event: "Event") -> str | None:
    return event.challenges.order_by("pk").values_list("slug", flat=True).first()


def register_event_links() -> None:
    """The challenge field on the Hub Team's event pages (spaces.links); from ready()."""
    event_link_register(
        EventLink(
            name="challenge",
            field=_challenge_field,
            initial=_challenge_initial,
            save=event_challenge_set,
        )
    )
