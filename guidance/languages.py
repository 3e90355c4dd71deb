"""Marking pages shown in another language than the visitor's (an untranslated page in a
list falls back to the default language), so that templates can set `lang` and `dir` on
them (WCAG 3.1.2, language of parts)."""

from django.utils.translation import get_language_info
from wagtail.models import Locale

from home.localize import active_locale


def mark_languages(pages):
    """Set `content_lang` and `content_dir` on each page not in the visitor's language
    (None on the others). One query at most, for the lot."""
    active = active_locale()
    others = {page.locale_id for page in pages if page.locale_id != active.pk}
    codes = {}
    if others:
        codes = dict(Locale.objects.filter(pk__in=others).values_list("pk", "language_code"))
    for page in pages:
        code = codes.get(page.locale_id)
        page.content_lang = code
        page.content_dir = None
        if code:
            page.content_dir = "rtl" if get_language_info(code)["bidi"] else "ltr"
    return pages
