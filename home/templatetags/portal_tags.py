"""Template tags for the site-wide frame: navigation, languages, breadcrumbs, alerts."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_bidi, get_language_info
from wagtail.models import Page

from home.frame import site_frame
from home.localize import active_locale, in_language

register = template.Library()


def _home_url():
    code = get_language()
    return "/" if code == settings.LANGUAGE_CODE else f"/{code}/"


@register.simple_tag
def home_url():
    return _home_url()


@register.inclusion_tag("includes/service_navigation.html", takes_context=True)
def service_navigation(context):
    request = context["request"]
    page = context.get("page")
    page_path = page.path if isinstance(page, Page) else None
    items = []
    for item in site_frame(request)["menu"]:
        current = page_path == item["path"]
        active = bool(page_path) and not current and page_path.startswith(item["path"])
        items.append({**item, "current": current, "active": active})
    user = getattr(request, "user", None)
    dashboard_url = reverse("portal:dashboard")
    search_url = reverse("guidance:search")
    return {
        "service_name": context["settings"]["home"]["CouncilSettings"].service_name,
        "service_url": _home_url(),
        "items": items,
        "signed_in": bool(user and user.is_authenticated),
        "dashboard_url": dashboard_url,
        "on_dashboard": request.path == dashboard_url,
        "search_url": search_url,
        "on_search": request.path == search_url,
        "sign_in_url": reverse("portal:sign-in"),
        "sign_out_url": reverse("portal:sign-out"),
        "csrf_token": context.get("csrf_token"),
    }


def _language(code, href, current):
    info = get_language_info(code)
    return {
        "code": code,
        "name": info["name_local"],
        # Through the choice view, which keeps the choice (home.localize), then on to href.
        "href": f"{reverse('choose-language', args=[code])}?{urlencode({'next': href})}",
        "current": current,
        "dir": "rtl" if info["bidi"] else "ltr",
    }


@register.inclusion_tag("includes/language_navigation.html", takes_context=True)
def language_navigation(context):
    """Pages offer only the languages they have been translated into; other views (sign
    in, the dashboard) and pages in every language (a form's steps) exist in every
    language, since their words come from gettext: the same address (and step) in each."""
    request = context["request"]
    page = context.get("page")
    current_code = get_language()
    languages = []
    if isinstance(page, Page) and not getattr(page, "in_every_language", False):
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        for translation in translations.order_by("locale__id"):
            code = translation.locale.language_code
            languages.append(_language(code, translation.get_url(request), code == current_code))
    else:
        for code, _name in settings.LANGUAGES:
            href = in_language(request.get_full_path(), code)
            languages.append(_language(code, href, code == current_code))
    return {"languages": languages if len(languages) > 1 else []}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    crumbs = context.get("breadcrumbs")  # views that are not pages pass their own
    if crumbs is None and isinstance(page, Page) and page.depth > 2:
        request = context["request"]
        crumbs = [
            {"text": ancestor.title, "href": ancestor.get_url(request)}
            for ancestor in page.get_ancestors().filter(depth__gt=1).defer_streamfields()
        ]
    return {"crumbs": crumbs or []}


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    return {"links": site_frame(context["request"])["footer"]}


@register.inclusion_tag("includes/alert_banners.html", takes_context=True)
def alert_banners(context):
    return {"banners": [b for b in site_frame(context["request"])["banners"] if b.is_live]}


@register.simple_tag
def page_language(page):
    """` lang="en"` (and `dir="ltr"` in a right-to-left page) for what an editor wrote on
    `page` when it is shown in another language: an English form page serves its journey
    under /ur/ until editors translate it (WCAG 3.1.2, language of parts)."""
    if page.locale_id == active_locale().pk:
        return ""
    code = page.locale.language_code
    if get_language_bidi() and not get_language_info(code)["bidi"]:
        return format_html(' lang="{}" dir="ltr"', code)
    return format_html(' lang="{}"', code)
