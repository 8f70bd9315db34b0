"""The limits of what people may type into an initiative: text lengths, and numbers that
are finite and sane (the charts, the API's JSON and the database all depend on it)."""

import math
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator

TITLE_MAX = 160
TEXT_MAX = 4000
SHORT_MAX = 1000

# Sane bounds for numbers people type: anything past them is a slip or an attack, and
# non-finite floats (NaN, Infinity) break the charts and the JSON of the API for good.
VALUE_LIMIT = 1e12
MONEY_LIMIT = Decimal(1_000_000_000)

# A risk's likelihood times its impact from which it is high (the red tag).
HIGH_RISK_SCORE = 15


def validate_value(value: float) -> None:
    """A measure's value or target: a finite number no bigger than a trillion either way."""
    if value is None:
        return
    if not math.isfinite(value) or abs(value) > VALUE_LIMIT:
        raise ValidationError(
            "Enter a number between -1,000,000,000,000 and 1,000,000,000,000", code="range"
        )


def value_is_usable(value: float | None) -> bool:
    """True for a value the charts can draw (stored before the limits existed, or not)."""
    return value is not None and math.isfinite(value) and abs(value) <= VALUE_LIMIT


def score_validators(label: str) -> list[MinValueValidator | MaxValueValidator]:
    message = f"{label} must be a number from 1 to 5"
    return [MinValueValidator(1, message=message), MaxValueValidator(5, message=message)]


def amount_validators() -> list[MinValueValidator | MaxValueValidator]:
    return [
        MinValueValidator(Decimal(0), message="Enter an amount of 0 or more"),
        MaxValueValidator(MONEY_LIMIT, message="Enter an amount of 1,000,000,000 or less"),
    ]
