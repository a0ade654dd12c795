from decimal import ROUND_HALF_UP, Decimal

from django import template

from lerend.scans.charts import fmt

register = template.Library()


@register.filter
def uren(value) -> str:
    """Hours with one decimal and the reader's decimal separator (one formatting for the
    pages, the PDF and the API's texts: ``scans.charts.fmt``)."""
    return fmt(value, 1)


@register.filter
def fte(value) -> str:
    return fmt(value, 2)


@register.filter
def percent(part, whole) -> str:
    if not whole:
        return "–"
    share = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{share}%"
