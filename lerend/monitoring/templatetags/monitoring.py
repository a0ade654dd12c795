from django import template

from ..numbers import number, percentage
from ..rules import can_view_chains

register = template.Library()


@register.filter
def nl_number(value, digits=1):
    """A number as the reader's language writes it (Dutch: a decimal comma), rounded half
    away from zero."""
    return number(value, int(digits))


@register.filter
def nl_percentage(share):
    return percentage(share)


@register.simple_tag(takes_context=True)
def may_view_chains(context) -> bool:
    access = getattr(context["request"], "access", None)
    return access is not None and can_view_chains(access)
