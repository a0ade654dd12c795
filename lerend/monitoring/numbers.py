"""How this app writes its numbers: the one rule of ``lerend.kit.numbers`` (half away from
zero, the reader's separators), with one choice of its own — a measured value that is whole
keeps no decimals (12, not 12,0), as the people who enter them write them."""

from decimal import Decimal

from lerend.kit import numbers
from lerend.kit.numbers import rounded

__all__ = ["number", "percentage", "rounded"]


def number(value, digits: int = 1) -> str:
    """Text for a value: "–" for none, else rounded; whole numbers without decimals."""
    if value is None:
        return numbers.DASH
    exact = rounded(value, digits)
    if exact.is_finite() and exact == exact.to_integral_value():
        return numbers.number(exact, 0)
    return numbers.number(exact, digits)


def percentage(share) -> str:
    """A share 0..1 as a whole percentage: 0.125 -> "13%"."""
    return numbers.percent(None if share is None else Decimal(str(share)))
