"""Direction and language of parts of a page (WCAG 3.1.2).

`{{ value|ltr }}` isolates a value that reads left to right whatever the page's direction
(a phone number, reference, postcode, email address, URL or UPN): in an Urdu page the
digits of "01632 960 123" would otherwise be laid out right to left, as "123 960 01632".

`{% untranslated %}` gives the attributes for an element holding text that is written
once, in the default language, and not translated (the council's names in its settings,
alert banners): `lang="en"`, and `dir="ltr"` in a right-to-left page so that an English
sentence keeps its full stop at its end. Nothing in the default language itself."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi

register = template.Library()


@register.filter
def ltr(value):
    if value is None or value == "":
        return ""
    return format_html('<bdi dir="ltr">{}</bdi>', value)


@register.simple_tag
def untranslated():
    default = settings.LANGUAGE_CODE
    if (get_language() or default).split("-")[0] == default.split("-")[0]:
        return ""
    if get_language_bidi():
        return format_html(' lang="{}" dir="ltr"', default)
    return format_html(' lang="{}"', default)
