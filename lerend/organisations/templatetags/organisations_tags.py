from django import template

from lerend.kit import contrib

from .. import rules

register = template.Library()


@register.simple_tag(takes_context=True)
def may_manage(context) -> bool:
    """Whether the management sub-menu should be shown to this person."""
    request = context.get("request")
    access = getattr(request, "access", None)
    return access is not None and rules.can_manage_organisation(access)


@register.simple_tag(takes_context=True)
def management_nav(context) -> list:
    """Entries other apps add to the management sub-menu (their ``contrib.py``)."""
    return contrib.management_nav(context["request"])
