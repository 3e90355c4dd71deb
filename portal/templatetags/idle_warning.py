"""{% idle_warning %}: the warning before the idle sign-out (portal/idle.py), on every page
of the portal for the staff it applies to; nothing for anyone else."""

from django import template

from portal import idle

register = template.Library()


@register.inclusion_tag("portal/includes/idle_warning.html", takes_context=True)
def idle_warning(context):
    request = context.get("request")
    return idle.warning_context(request) if request is not None else {}
