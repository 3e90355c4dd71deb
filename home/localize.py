"""The visitor's language: links to pages in it, where a translation exists; the same
address in another language; and the choice of language, kept in the language cookie.

A first visit to an address without a language prefix follows the browser's languages
(Accept-Language); once a person has chosen with the language switcher, the cookie says
so and they stay with their choice, English included."""

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http import Http404, HttpResponseRedirect
from django.urls import Resolver404, resolve, translate_url
from django.utils.cache import patch_vary_headers
from django.utils.translation import (
    get_language,
    get_language_from_path,
    get_language_from_request,
    get_supported_language_variant,
    override,
)
from wagtail.models import Locale, Page, Site

# Locales are configuration: a handful of rows that change when an administrator adds a
# language. Remembering them saves a query each time a page asks for its language.
_locales = {}


def default_language():
    """The language pages are written in before they are translated."""
    return get_supported_language_variant(settings.LANGUAGE_CODE)


def locale_of(code):
    locale = _locales.get(code)
    if locale is None:
        locale = _locales[code] = Locale.objects.filter(language_code=code).first()
    return locale


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
    default = locale_of(default_language())
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


def in_default_language_only():
    """The default language's rows of a translatable model (a `limit_choices_to`): those
    pages point at, so that editors choose among them and not among their translations."""
    return Q(locale__language_code=default_language())


def default_language_rows(queryset):
    """Only the default language's rows of a translatable model (its translations share
    their slugs): the ones pages point at and filters match."""
    return queryset.filter(locale=locale_of(default_language()))


def show_in_active_language(objects):
    """Give each object (a snippet such as an audience or a banner, in the default
    language) `shown`: its translation in the active language where an editor made one,
    else itself; and `translated`: whether `shown` is in the active language, so that an
    English fallback can be marked as English. One query per model for the lot (none in
    the default language). The objects themselves stay as they were, so relations and
    filters keep to the default language's rows; only what is displayed changes."""
    objects = list(objects)
    locale = active_locale()
    wanted = {}
    for obj in objects:
        if obj.locale_id != locale.pk:
            wanted.setdefault(obj.get_translation_model(), set()).add(obj.translation_key)
    translations = {}
    for model, keys in wanted.items():
        for translation in model._default_manager.filter(locale=locale, translation_key__in=keys):
            translations[model, translation.translation_key] = translation
    for obj in objects:
        if obj.locale_id == locale.pk:
            _show(obj, obj, locale)
        else:
            _show(obj, translations.get((obj.get_translation_model(), obj.translation_key)), locale)
    return objects


def _show(obj, translation, locale):
    obj.shown = translation or obj
    obj.translated = obj.shown.locale_id == locale.pk


def shown_among(groups, named):
    """Each group of related objects (each page's audiences, say) as the same rows of
    `named`, which default_language_rows_named gave their names; any not among them (no
    page should point at one) is named on its own, all in one query."""
    by_pk = {obj.pk: obj for obj in named}
    groups = [list(group) for group in groups]
    show_in_active_language([obj for group in groups for obj in group if obj.pk not in by_pk])
    return [[by_pk.get(obj.pk, obj) for obj in group] for group in groups]


def default_language_rows_named(queryset):
    """The default language's rows of a translatable model (as default_language_rows),
    each given `shown` and `translated` as by show_in_active_language, in one query that
    brings their translations in the active language along with them."""
    default, locale = locale_of(default_language()), active_locale()
    rows = list(queryset.filter(locale__in={default.pk, locale.pk}))
    translations = {row.translation_key: row for row in rows if row.locale_id == locale.pk}
    originals = [row for row in rows if row.locale_id == default.pk]
    for row in originals:
        _show(row, translations.get(row.translation_key), locale)
    return originals


def is_language(code):
    """Only the portal's own languages: anything else (a forged code) is not one."""
    return code in dict(settings.LANGUAGES)


def in_language(path, code):
    """The same address in another language (/pl/forms/x/ for /forms/x/, and back); an
    address outside the languages' patterns (/admin/) comes back as it was."""
    source = get_language_from_path(path) or settings.LANGUAGE_CODE
    with override(source):
        return translate_url(path, code)


def remember_language(response, code):
    """Keep a choice of language in the language cookie (which Django reads first)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def _exists_in(request, path, code):
    """Whether the address in `code` leads somewhere: a page must exist in that language
    (or be one served in every language, such as a form)."""
    with override(code):
        try:
            match = resolve(path)
        except Resolver404:
            return False
        if match.url_name != "wagtail_serve":
            return True  # a view: its words come from the catalogues, in every language
        site = Site.find_for_request(request)
        if site is None:
            return False
        components = [part for part in match.args[0].split("/") if part]
        try:
            site.root_page.localized.specific.route(request, components)
        except Http404:
            return False
        return True


class PreferredLanguageMiddleware:
    """An address without a language prefix (English) redirects to the same address in
    the visitor's language: the one they chose (the language cookie), or on a first visit
    the browser's. A person who chose English stays on English. Before the page cache, so
    a stored English page is never served to someone who should be redirected."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        target = self.redirect_for(request)
        if target is None:
            return self.get_response(request)
        response = HttpResponseRedirect(target)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    def redirect_for(self, request):
        if request.method not in ("GET", "HEAD"):
            return None
        path = request.path_info
        if get_language_from_path(path):
            return None  # the address names its language: that is what they asked for
        code = get_language_from_request(request)  # cookie, else Accept-Language
        if code == settings.LANGUAGE_CODE or not is_language(code):
            return None
        translated = in_language(path, code)
        if translated == path or not _exists_in(request, translated, code):
            return None
        query = request.META.get("QUERY_STRING")
        return f"{translated}?{query}" if query else translated
