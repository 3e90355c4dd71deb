from django import template

from ..models import LEVEL_NAMES

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def level_name(level):
    return LEVEL_NAMES.get(level, "")


@register.filter
def descriptor(statement, level):
    return statement.descriptor(level) if level else ""


@register.filter
def signed(change):
    if change is None:
        return ""
    return f"+{change}" if change > 0 else str(change)
