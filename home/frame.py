"""The site-wide frame around every page: the menu, the footer links and the alert
banners. It is the same for every page of a site in one language, so it is worked out
once and kept in the cache until anything is published (page_cache.purge starts a new
generation, which empties it with the pages)."""

from django.core.cache import cache
from django.db.models import Subquery
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from .localize import default_language, in_active_language, locale_of, show_in_active_language
from .models import AlertBanner, CouncilSettings, PrivacyNoticePage
from .page_cache import generation

FOOTER_PAGES = [
    ("accessibility_page", _("Accessibility statement")),
    ("privacy_page", _("Privacy notice")),
    ("cookies_page", _("Cookies")),
    ("contact_page", _("Contact us")),
]


def _menu_pages(site):
    """The site root's children that are shown in menus, in one query (the root's own
    path and depth come from subqueries, so the root page itself is not fetched)."""
    root = Page.objects.filter(pk=site.root_page_id)
    return list(
        Page.objects.live()
        .in_menu()
        .filter(
            depth=Subquery(root.values("depth")[:1]) + 1,
            path__startswith=Subquery(root.values("path")[:1]),
        )
        .defer_streamfields()
        .order_by("path")
    )


def _build(request, site):
    council = CouncilSettings.for_request(request)
    menu = in_active_language(_menu_pages(site))
    chosen = [(getattr(council, field), label) for field, label in FOOTER_PAGES]
    chosen = [(page, label) for page, label in chosen if page is not None]
    footer_pages = in_active_language(page for page, _label in chosen)
    footer = []
    for page, (_page, label) in zip(footer_pages, chosen, strict=True):
        footer.append({"text": str(label), "href": page.get_url(request)})
        # With no cookies page chosen, the privacy notice's own cookies section is linked.
        if council.cookies_page is None and page.specific_class is PrivacyNoticePage:
            footer.append({"text": str(_("Cookies")), "href": page.get_url(request) + "#cookies"})
    return {
        "menu": [
            {"text": page.title, "href": page.get_url(request), "path": page.path} for page in menu
        ],
        "footer": footer,
        "banners": _banners(),
    }


def _banners():
    """Live and upcoming banners in the default language (whose times and severity count),
    each with `shown`: its translation in the visitor's language where an editor made
    one, else itself (`translated` says which, so it can be marked as English)."""
    default = locale_of(default_language())
    banners = [b for b in AlertBanner.objects.not_ended() if b.locale_id == default.pk]
    return show_in_active_language(banners)


def site_frame(request):
    frame = getattr(request, "_portal_frame", None)
    if frame is not None:
        return frame
    site = Site.find_for_request(request)
    if site is None:
        return {"menu": [], "footer": [], "banners": []}
    key = f"frame:{generation()}:{site.pk}:{get_language()}"
    frame = cache.get(key)
    if frame is None:
        frame = _build(request, site)
        cache.set(key, frame, None)
    request._portal_frame = frame
    # The page cache reads these to know when the next banner starts or ends.
    request.portal_banners = frame["banners"]
    return frame
