"""The standing-orders check and the form's routes, at every boundary the form names."""

from decimal import Decimal

import pytest

from improvement_hub.partnership import services
from improvement_hub.partnership.rules import (
    OVER_EU,
    QUOTES_TO_EU,
    UNDER_QUOTES,
    Evidence,
    Outcome,
    Route,
    Thresholds,
    band_for,
    standing_orders_check,
)
from tests.partnership.conftest import delegation

T = Thresholds()
THREE = Evidence(quotations=3)


@pytest.mark.parametrize(
    ("value", "band"),
    [
        ("9999.99", UNDER_QUOTES),
        ("10000", QUOTES_TO_EU),
        ("172513.99", QUOTES_TO_EU),
        ("172514", QUOTES_TO_EU),
        ("172514.01", OVER_EU),
        ("200000", OVER_EU),
    ],
)
def test_band_when_value_at_boundary(value: str, band: str) -> None:
    assert band_for(Decimal(value), T) == band


@pytest.mark.parametrize(
    ("value", "route", "evidence", "outcome"),
    [
        # under £10k: 3 written quotations, or one with the reason 3 could not be secured
        ("9999.99", Route.QUOTATIONS, Evidence(quotations=3), Outcome.MET),
        ("9999.99", Route.QUOTATIONS, Evidence(quotations=2), Outcome.NOT_MET),
        ("9999.99", Route.QUOTATIONS, Evidence(quotations=1), Outcome.NOT_MET),
        (
            "9999.99",
            Route.QUOTATIONS,
            Evidence(quotations=1, single_quote_reason="Only one supplier"),
            Outcome.MET,
        ),
        (
            "9999.99",
            Route.QUOTATIONS,
            Evidence(exemption_justification="Emergency"),
            Outcome.EXEMPTION,
        ),
        # £10k: advertised 14 days and 3 quotations, or direct approach to 3
        ("10000", Route.ADVERTISED, Evidence(quotations=3), Outcome.NOT_MET),
        ("10000", Route.ADVERTISED, Evidence(quotations=3, advertised_days=13), Outcome.NOT_MET),
        ("10000", Route.ADVERTISED, Evidence(quotations=3, advertised_days=14), Outcome.MET),
        (
            "10000",
            Route.ADVERTISED,
            Evidence(quotations=1, advertised_days=14, direct_approaches=3),
            Outcome.MET,
        ),
        (
            "10000",
            Route.ADVERTISED,
            Evidence(quotations=1, advertised_days=14, direct_approaches=2),
            Outcome.NOT_MET,
        ),
        ("10000", Route.EUROPEAN_LIST, Evidence(quotations=3), Outcome.MET),
        # the EU threshold itself is still in the quotations band
        ("172514", Route.ADVERTISED, Evidence(quotations=3, advertised_days=14), Outcome.MET),
        ("172514", Route.SINGLE_CONTRACTOR, Evidence(), Outcome.NOT_MET),
        (
            "172514",
            Route.SINGLE_CONTRACTOR,
            Evidence(exemption_justification="Negotiated"),
            Outcome.EXEMPTION,
        ),
        # over it, quotations no longer satisfy the standing orders
        ("200000", Route.ADVERTISED, Evidence(quotations=3, advertised_days=14), Outcome.NOT_MET),
        (
            "200000",
            Route.NEGOTIATED,
            Evidence(exemption_justification="Standing order 5"),
            Outcome.EXEMPTION,
        ),
        # the seed's own decision
        (
            "150000",
            Route.SINGLE_CONTRACTOR,
            Evidence(exemption_justification="Completed through single contractor negotiation"),
            Outcome.EXEMPTION,
        ),
    ],
)
def test_standing_orders_when_value_route_and_evidence(
    value: str, route: str, evidence: Evidence, outcome: Outcome
) -> None:
    check = standing_orders_check(
        value=Decimal(value), route=route, evidence=evidence, thresholds=T
    )
    assert check.outcome == outcome
    assert check.blocks_signing == (outcome == Outcome.NOT_MET)
    if outcome == Outcome.NOT_MET:
        assert check.shortfalls


def test_thresholds_are_data_when_changed() -> None:
    raised = Thresholds(quotations_below=Decimal("12000"), eu_threshold=Decimal("181302"))
    assert band_for(Decimal("10000"), raised) == UNDER_QUOTES
    assert band_for(Decimal("172515"), raised) == QUOTES_TO_EU


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "route", "slug", "field", "names"),
    [
        ("9999.99", "quotations", "officer-quotations", None, None),
        ("10000", "advertised", "officer-quotations", None, None),
        ("161999.99", "single-contractor-negotiation", "officer-single-contractor", None, None),
        (
            "162000",
            "single-contractor-negotiation",
            "officer-single-contractor",
            "value_gbp",
            "£162,000",
        ),
        (
            "172514",
            "procurement",
            "officer-quotations",
            "value_gbp",
            "Procurement delegated decision",
        ),
        ("172513.99", "procurement", "officer-quotations", "value_gbp", "under £162,000"),
        (
            "200000",
            "single-contractor-negotiation",
            "officer-single-contractor",
            "value_gbp",
            "under £162,000",
        ),
        (
            "200000.01",
            "single-contractor-negotiation",
            "officer-single-contractor",
            "value_gbp",
            "Cabinet",
        ),
        (
            "150000",
            "quotations",
            "officer-single-contractor",
            "route",
            "single contractor negotiation",
        ),
    ],
)
def test_form_refuses_and_names_route_when_value_or_route_not_for_it(
    value: str, route: str, slug: str, field: str | None, names: str | None
) -> None:
    from django.utils import timezone

    errors = services.route_errors(
        delegation=delegation(slug), value=Decimal(value), route=route, day=timezone.localdate()
    )
    if field is None:
        assert errors == {}
    else:
        assert list(errors) == [field]
        assert names in errors[field]
