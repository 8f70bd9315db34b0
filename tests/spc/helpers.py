"""Shared helpers for the improvement_hub.spc tests."""

from datetime import date, timedelta
from fractions import Fraction

from improvement_hub.spc import SpcResult

START = date(2024, 1, 1)


def daily(values, start=START):
    """(date, value) pairs on consecutive days from start."""
    return [(start + timedelta(days=i), v) for i, v in enumerate(values)]


def rules(result: SpcResult) -> list[str | None]:
    """The rule flagging each point."""
    return [p.rule for p in result.points]


def causes(result: SpcResult) -> list[str | None]:
    """The special-cause class of each point."""
    return [p.special_cause for p in result.points]


def ints(values):
    """Exact values for the rule helpers."""
    return [Fraction(v) for v in values]
