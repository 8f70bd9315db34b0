"""The standing-orders rules on contracts, as pure functions of the figures the admin keeps.

The thresholds are data (``models.ProcurementRules``, with an effective-from date); these
functions only apply them, so the same table-driven tests cover every boundary.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Route(StrEnum):
    """How a contract is let: the routes the decision form names."""

    QUOTATIONS = "quotations"
    ADVERTISED = "advertised"
    EUROPEAN_LIST = "european-list"
    SINGLE_CONTRACTOR = "single-contractor-negotiation"
    NEGOTIATED = "negotiated"
    PROCUREMENT = "procurement"


ROUTE_LABELS: dict[str, str] = {
    Route.QUOTATIONS: "Written quotations",
    Route.ADVERTISED: "Advertised for quotations (14 days)",
    Route.EUROPEAN_LIST: "Quotations from a European list",
    Route.SINGLE_CONTRACTOR: "Single contractor negotiation",
    Route.NEGOTIATED: "Negotiated contract or competitive dialogue (standing order 5)",
    Route.PROCUREMENT: "Procurement delegated decision",
}


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not met"
    EXEMPTION = "exemption"


@dataclass(frozen=True)
class Thresholds:
    """The money limits in force on a date (all in pounds)."""

    quotations_below: Decimal = Decimal("10000")
    eu_threshold: Decimal = Decimal("172514")


@dataclass(frozen=True)
class Evidence:
    """What was recorded for the standing orders: quotations received, the advert, reasons."""

    quotations: int = 0
    single_quote_reason: str = ""
    advertised_days: int | None = None
    direct_approaches: int = 0
    exemption_justification: str = ""


@dataclass(frozen=True)
class Check:
    band: str
    requirement: str
    outcome: Outcome
    shortfalls: list[str] = field(default_factory=list)

    @property
    def blocks_signing(self) -> bool:
        return self.outcome == Outcome.NOT_MET


UNDER_QUOTES = "Under £10k"
QUOTES_TO_EU = "£10k to the EU threshold"
OVER_EU = "Over the EU threshold"


def band_for(value: Decimal, thresholds: Thresholds) -> str:
    """The standing-orders band of a contract value: £9,999.99 is under £10k, £10,000 is
    in the second band, which runs up to and including the EU threshold."""
    if value < thresholds.quotations_below:
        return UNDER_QUOTES
    if value <= thresholds.eu_threshold:
        return QUOTES_TO_EU
    return OVER_EU


def _requirement(band: str, route: str) -> str:
    if route in (Route.NEGOTIATED, Route.SINGLE_CONTRACTOR):
        return "Negotiated contracts follow the separate procedure of standing order 5"
    if band == UNDER_QUOTES:
        return (
            "3.1: at least 3 written quotations from suitable contractors, or one where 3 "
            "cannot be secured (say why)"
        )
    if band == QUOTES_TO_EU:
        if route == Route.EUROPEAN_LIST:
            return "3.2.2: at least 3 quotations from contractors on a European list"
        return (
            "3.2.1: advertised with 14 days for quotations and at least 3 received, or a "
            "direct approach to at least 3 contractors after 14 days"
        )
    return "Over the EU threshold the procurement rules apply, not these standing orders"


def _shortfalls(band: str, route: str, evidence: Evidence) -> list[str]:
    if band == UNDER_QUOTES:
        if evidence.quotations >= 3 or (evidence.quotations >= 1 and evidence.single_quote_reason):
            return []
        if evidence.quotations >= 1:
            return ["Say why 3 written quotations could not be secured"]
        return ["Record at least 3 written quotations"]
    if band == QUOTES_TO_EU:
        if route == Route.EUROPEAN_LIST:
            return [] if evidence.quotations >= 3 else ["Record at least 3 quotations"]
        gaps = []
        if (evidence.advertised_days or 0) < 14:
            gaps.append("Advertise for at least 14 days")
        if evidence.quotations < 3 and evidence.direct_approaches < 3:
            gaps.append("Record at least 3 quotations, or direct approaches to 3 contractors")
        return gaps
    return ["Use the procurement route: this value is over the EU threshold"]


def standing_orders_check(
    *, value: Decimal, route: str, evidence: Evidence, thresholds: Thresholds
) -> Check:
    """Met, not met or exemption, from the value, the route and the evidence recorded.

    A negotiated route (or any route with an unmet requirement) is an exemption when a
    justification is recorded; without one a negotiated route is not met."""
    band = band_for(value, thresholds)
    requirement = _requirement(band, route)
    negotiated = route in (Route.NEGOTIATED, Route.SINGLE_CONTRACTOR)
    gaps = (
        ["Give the justification for the exemption"]
        if negotiated
        else _shortfalls(band, route, evidence)
    )
    if not gaps:
        return Check(band, requirement, Outcome.MET)
    if evidence.exemption_justification.strip():
        return Check(band, requirement, Outcome.EXEMPTION)
    return Check(band, requirement, Outcome.NOT_MET, gaps)


def money(value: Decimal) -> str:
    """£150,000 or £9,999.99: pence only when there are some."""
    if value == value.to_integral_value():
        return f"£{value:,.0f}"
    return f"£{value:,.2f}"
