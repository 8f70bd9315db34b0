"""The Innovation Lab's part of "download your data" and "close your account".

Referrals are made without an account. One counts as the account holder's when the
referrer confirmed its email address and that address is one the account has verified:
both proved they read that mailbox. Reading it is logged like every other look at a
referrer's personal data.
"""

from datetime import datetime
from typing import TYPE_CHECKING, Any

from allauth.account.models import EmailAddress
from django.utils import timezone

from improvement_hub.core.personal_data import personal_data_register
from improvement_hub.lab.models import PersonalDataAccess, Referral

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User

ACCESS_WHAT = "download of their own data by the referrer"


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _referrals_of(user: "User") -> list[Referral]:
    addresses = [
        address.lower()
        for address in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    ]
    if not addresses:
        return []
    return list(
        Referral.objects.filter(
            email__in=addresses,
            email_confirmed_at__isnull=False,
            personal_data_erased_at__isnull=True,
        )
        .prefetch_related("events", "services", "priorities")
        .order_by("received_at", "pk")
    )


def lab_export(user: "User") -> dict[str, Any]:
    """The person's own referrals (with the messages about them) and, for the Hub Team,
    the referrers' details they opened."""
    referrals = _referrals_of(user)
    PersonalDataAccess.objects.bulk_create(
        [PersonalDataAccess(referral=r, user=user, what=ACCESS_WHAT) for r in referrals]
    )
    return {
        "referrals": [
            {
                "reference": referral.reference,
                "status": referral.get_status_display(),
                "raised_as": referral.get_raised_as_display(),
                "organisation": referral.organisation_name,
                "who_it_affects": referral.affected_who,
                "how_many_people": referral.get_affected_count_display(),
                "problem": referral.problem,
                "services": [service.name for service in referral.services.all()],
                "agencies": referral.agency_labels,
                "other_agencies": referral.agencies_other,
                "what_has_been_tried": referral.tried,
                "priorities": [priority.name for priority in referral.priorities.all()],
                "your_name": referral.contact_name,
                "your_email": referral.email,
                "your_phone": referral.phone,
                "consent_given": _when(referral.consent_at),
                "sent": _when(referral.received_at),
                "closed": _when(referral.closed_at),
                # Messages to and from the referrer; the Hub Team's internal notes are not
                # about them alone and stay out.
                "messages": [
                    {
                        "what": event.get_kind_display(),
                        "message": event.message,
                        "when": _when(event.created_at),
                    }
                    for event in sorted(referral.events.all(), key=lambda e: (e.created_at, e.pk))
                    if event.message
                ],
            }
            for referral in referrals
        ],
        "referrers_details_you_opened": [
            {"referral": access.referral.reference, "what": access.what, "when": _when(access.at)}
            for access in PersonalDataAccess.objects.filter(user=user)
            .exclude(what=ACCESS_WHAT)
            .select_related("referral")
            .order_by("at", "pk")
        ],
    }


def lab_close(user: "User") -> None:
    """Hands referrals assigned to the person back to the triage inbox, and unlinks their
    own referrals from the closed account (the referrals stay, as sent without one)."""
    Referral.objects.filter(assignee=user).update(assignee=None, updated_at=timezone.now())
    Referral.objects.filter(referrer=user).update(referrer=None)


def register() -> None:
    personal_data_register(
        key="innovation_lab", title="Innovation Lab", export=lab_export, close=lab_close, order=40
    )
