"""The one way this app turns a number into text: rounded half away from zero, then written
with the language's decimal separator (a comma in Dutch) by ``scans.charts.fmt``, so pages,
charts, exports and the API say the same."""

from decimal import ROUND_HALF_UP, Decimal

from lerend.scans.charts import fmt


def rounded(value, digits: int = 1) -> Decimal | None:
    """``value`` rounded half away from zero (2,25 -> 2,3; -2,25 -> -2,3)."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def number(value, digits: int = 1) -> str:
    """Text for a value: "–" for none, else rounded and with the decimal comma. Whole numbers
    keep no decimals (12, not 12,0)."""
    if value is None:
        return "–"
    exact = rounded(value, digits)
    if exact == exact.to_integral_value():
        return fmt(int(exact), 0)
    return fmt(exact, digits)


def percentage(share) -> str:
    """A share 0..1 as a whole percentage: 0.125 -> "13%"."""
    if share is None:
        return "–"
    return f"{number(Decimal(str(share)) * 100, 0)}%"
