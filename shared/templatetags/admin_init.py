"""The arguments of a Wagtail admin widget's start-up call, as JSON a page can carry in a
`<script type="application/json">` (which no browser runs) instead of an inline script
(which the portal's Content-Security-Policy refuses). shared/static/shared/admin-init.js
makes the call."""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# As Django's json_script: no "</script>" or "<!--" can end or change the element early.
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def script_json(value):
    """`value`, JSON text already, made safe to sit inside a script element."""
    return mark_safe(str(value).translate(ESCAPES))
