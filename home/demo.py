"""Demo council: its settings, home page (in every language), footer pages and the
pages each home tile leads to. Text is the portal's own, written for the demo."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from .demo_content import FOOTER_PAGES, HOME, JOURNEY_PAGES, PRIVACY_NOTICE, TRANSLATIONS
from .models import AlertBanner, CouncilSettings, HomePage, PrivacyNoticePage, StandardPage


def _body(blocks):
    """(kind, value) pairs as StreamField data; rich text given as HTML."""
    data = []
    for kind, value in blocks:
        if kind == "text":
            value = RichText(value)
        elif kind == "inset_text":
            value = {"text": RichText(value)}
        elif kind == "warning_text":
            value = {"text": value}
        data.append((kind, value))
    return data


def _standard_page(parent, slug, title, summary, body, show_in_menus=False):
    page = parent.get_children().filter(slug=slug).specific().first()
    if page is None:
        page = StandardPage(
            slug=slug, title=title, summary=summary, body=_body(body), show_in_menus=show_in_menus
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def _seeded_standard_page(parent, slug):
    """An earlier demo's StandardPage at this slug that no editor has changed since."""
    page = parent.get_children().filter(slug=slug).type(StandardPage).first()
    if page is not None and not page.revisions.exclude(user=None).exists():
        return page
    return None


def _privacy_notice(home):
    """The privacy notice page. An earlier demo made it, and a cookies page, as standard
    pages: unchanged, they give way to this one (whose cookies section the footer links)."""
    spec = PRIVACY_NOTICE
    page = home.get_children().filter(slug=spec["slug"]).type(PrivacyNoticePage).first()
    if page is not None:
        return page.specific
    for slug in (spec["slug"], "cookies"):
        old = _seeded_standard_page(home, slug)
        if old is not None:
            old.delete()  # the council setting pointing at it is cleared (SET_NULL)
    if home.get_children().filter(slug=spec["slug"]).exists():
        return None  # an editor's own page has the slug: leave it be
    page = PrivacyNoticePage(
        slug=spec["slug"],
        title=spec["title"],
        introduction=spec["introduction"],
        data_protection_officer=spec["data_protection_officer"],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _home_page():
    root = Page.get_first_root_node()
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(depth=2, locale=english).first()
    if home is None:
        # Wagtail's placeholder "Welcome" page goes (and the default site with it).
        for placeholder in Page.objects.filter(depth=2).not_type(HomePage):
            placeholder.delete()
        home = HomePage(title=HOME["title"], slug="home", introduction=HOME["introduction"])
        root.add_child(instance=home)
        home.save_revision().publish()
        # The site's address is where `make run` serves it, so emailed page links work.
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": base.hostname or "localhost",
                "port": base.port or (443 if base.scheme == "https" else 80),
                "site_name": "School attendance portal",
                "root_page": home,
            },
        )
    return home


def _set_tiles(home):
    """Point the home page's tiles at the journey pages, whichever app made them."""
    if home.tiles:
        return
    pages = {page.slug: page for page in home.get_children().specific()}
    home.tiles = [
        (
            "tile",
            {
                "title": tile["title"],
                "description": tile["description"],
                "page": pages.get(tile.get("slug")),
                "url": tile.get("url", ""),
            },
        )
        for tile in HOME["tiles"]
        if tile.get("url") or tile.get("slug") in pages
    ]
    home.save_revision().publish()


def translate_page(page, language_code, words):
    """Translate a page through wagtail-localize, so editors keep it in step with the
    English page there. `words` maps each English string to its translation; any string
    missing from it stays English."""
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    if page.get_translations().filter(locale=locale).exists():
        return False
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        english = segment.string.data
        if english in words:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": words[english],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    translation.save_target(publish=True)
    return True


def _serve_at_base_url(site):
    """The site's address follows PORTAL_BASE_URL, where `make run` serves (PORT and HOST
    included), so that page links in emails (page.full_url) lead there."""
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    address = (base.hostname or "localhost", base.port or (443 if base.scheme == "https" else 80))
    if (site.hostname, site.port) != address:
        site.hostname, site.port = address
        site.save()


def seed_site():
    home = _home_page()
    journeys = {
        spec["slug"]: _standard_page(
            home,
            spec["slug"],
            spec["title"],
            spec["summary"],
            spec["body"],
            show_in_menus=spec.get("menu", False),
        )
        for spec in JOURNEY_PAGES
    }
    footer = {
        spec["setting"]: _standard_page(
            home, spec["slug"], spec["title"], spec["summary"], spec["body"]
        )
        for spec in FOOTER_PAGES
    }
    privacy = _privacy_notice(home)
    if privacy is not None:
        footer[PRIVACY_NOTICE["setting"]] = privacy
    site = Site.objects.get(root_page=home)
    _serve_at_base_url(site)
    council = CouncilSettings.for_site(site)
    if council.email and council.privacy_page_id is None and privacy is not None:
        council.privacy_page = privacy
        council.save()
    if not council.email:
        council.council_name = "Wyvernshire County Council"
        council.service_name = "School attendance service"
        council.logo_text = "Wyvernshire County Council"
        council.phone = "01632 960 123"
        council.email = "attendance@wyvernshire.example"
        council.feedback_email = "portal-feedback@wyvernshire.example"
        council.opening_hours = "Monday to Friday, 9am to 5pm"
        council.address = "School Attendance Service\nCounty Hall\nWyvern Street\nWY1 1AA"
        for setting, page in footer.items():
            setattr(council, setting, page)
        council.save()
    if not AlertBanner.objects.exists():
        AlertBanner.objects.create(
            title="Attendance team phone lines",
            message="<p>Our phone lines close at 3pm on Fridays during the school holidays. "
            "You can still email us.</p>",
            severity=AlertBanner.Severity.INFORMATION,
        )
    return f"home page, {len(journeys)} journey pages, {len(footer)} footer pages"


def seed_home_tiles_and_translations():
    """Last of all, when every app has made its pages: the tiles, then the home page's
    translations (which copy the tiles)."""
    home = _home_page()
    _set_tiles(home)
    translated = sum(translate_page(home, code, words) for code, words in TRANSLATIONS.items())
    return f"{len(home.tiles)} tiles, {translated} new translations"
