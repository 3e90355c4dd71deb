"""Links to pages in the visitor's language, where a translation exists."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language, get_supported_language_variant
from wagtail.models import Locale, Page

# Locales are configuration: a handful of rows that change when an administrator adds a
# language. Remembering them saves a query each time a page asks for its language.
_locales = {}


def default_language():
    """The language pages are written in before they are translated."""
    return get_supported_language_variant(settings.LANGUAGE_CODE)


def active_locale():
    code = get_language()
    locale = _locales.get(code)
    if locale is None:
        locale = _locales[code] = Locale.get_active()
    return locale


def _forget_locales(**kwargs):
    _locales.clear()


post_save.connect(_forget_locales, sender=Locale, dispatch_uid="localize_forget_locales_save")
post_delete.connect(_forget_locales, sender=Locale, dispatch_uid="localize_forget_locales_delete")


def in_default_language(page):
    """The page in the default language: the source its translations are made from,
    found by its translation key (the page itself when it has none, or is the source)."""
    code = default_language()
    default = _locales.get(code)
    if default is None:
        default = _locales[code] = Locale.objects.filter(language_code=code).first()
    if default is None or page.locale_id == default.pk:
        return page
    source = (
        type(page)
        ._default_manager.filter(translation_key=page.translation_key, locale=default)
        .first()
    )
    return source or page


def in_active_language(pages, queryset=None):
    """The same pages, each swapped for its live translation in the active language
    where there is one (one query for the lot), else left as it is. `queryset` gives the
    translations' type (e.g. GuidancePage.objects) when its fields are needed."""
    pages = list(pages)
    locale = active_locale()
    wanted = [page.translation_key for page in pages if page.locale_id != locale.pk]
    if not wanted:
        return pages
    translated = {
        page.translation_key: page
        for page in (queryset if queryset is not None else Page.objects)
        .live()
        .filter(locale=locale, translation_key__in=wanted)
        .defer_streamfields()
    }
    return [translated.get(page.translation_key, page) for page in pages]
