from decimal import Decimal

from django import template

from lerend.kit.numbers import number
from lerend.kit.numbers import percent as share_of

register = template.Library()


@register.filter
def uren(value) -> str:
    """Hours with one decimal in the reader's language (the one number rule, kit.numbers)."""
    return number(value, 1)


@register.filter
def fte(value) -> str:
    return number(value, 2)


@register.filter
def percent(part, whole) -> str:
    if not whole:
        return "–"
    return share_of(Decimal(part) / Decimal(whole))
