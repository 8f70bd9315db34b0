import itertools

from improvement_hub.lab import services
from improvement_hub.lab.models import Referral

_addresses = itertools.count(1)


def make_referral(
    *,
    confirmed: bool = True,
    email: str = "res@example.org",
    problem: str = "Damp in our flats",
    services_=(),
    agencies=(),
    ip: str | None = None,
) -> tuple[Referral, str]:
    data = services.ReferralData(
        problem=problem,
        email=email,
        consent=True,
        affected_who="Tenants",
        services=tuple(services_),
        agencies=tuple(agencies),
    )
    # a different address each time, so the per-IP limit is not what a test measures
    referral, token = services.referral_submit(data=data, ip=ip or f"10.0.{next(_addresses)}.1")
    if confirmed:
        services.referral_confirm_email(referral=referral)
        referral.refresh_from_db()
    return referral, token
