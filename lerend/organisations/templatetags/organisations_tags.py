from django import template

from .. import rules

register = template.Library()


@register.simple_tag(takes_context=True)
def may_manage(context) -> bool:
    """Whether the management sub-menu should be shown to this person."""
    request = context.get("request")
    access = getattr(request, "access", None)
    return access is not None and rules.can_manage_organisation(access)
