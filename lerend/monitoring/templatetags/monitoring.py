from django import template

from ..numbers import number, percentage

register = template.Library()


@register.filter
def nl_number(value, digits=1):
    """A number as the reader's language writes it (Dutch: a decimal comma), rounded half
    away from zero."""
    return number(value, int(digits))


@register.filter
def nl_percentage(share):
    return percentage(share)
