"""Demo council: its settings, home page (in every language), footer pages and the
pages each home tile leads to, read from home/demo/*.yaml."""

from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from modelcluster.fields import ParentalKey
from wagtail.models import Locale, Page, Site, get_translatable_models
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from shared.demo_data import load

from .localize import default_language
from .models import AlertBanner, CouncilSettings, HomePage, PrivacyNoticePage, StandardPage


def _body(blocks):
    """The data's blocks, each `{kind: value}`, as StreamField data; rich text given as HTML."""
    data = []
    for block in blocks:
        [(kind, value)] = block.items()
        if kind == "text":
            value = RichText(value)
        elif kind == "inset_text":
            value = {"text": RichText(value)}
        elif kind == "warning_text":
            value = {"text": value}
        data.append((kind, value))
    return data


def _standard_page(parent, spec):
    page = parent.get_children().filter(slug=spec["slug"]).specific().first()
    if page is None:
        page = StandardPage(
            slug=spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            body=_body(spec["body"]),
            show_in_menus=spec.get("menu", False),
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


def _privacy_notice(home, spec):
    """The privacy notice page. An earlier demo made it, and a cookies page, as standard
    pages: unchanged, they give way to this one (whose cookies section the footer links)."""
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
        spec = load("home", "home")
        home = HomePage(title=spec["title"], slug="home", introduction=spec["introduction"])
        root.add_child(instance=home)
        home.save_revision().publish()
        # The site's address is where `make run` serves it, so emailed page links work.
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": base.hostname or "localhost",
                "port": base.port or (443 if base.scheme == "https" else 80),
                "site_name": load("home", "council")["site_name"],
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
        for tile in load("home", "home")["tiles"]
        if tile.get("url") or tile.get("slug") in pages
    ]
    home.save_revision().publish()


def translate_page(page, language_code, words):
    """Translate a page (or a snippet, such as a banner) through wagtail-localize, so
    editors keep it in step with the English one. `words` maps each English string to its
    translation; any string missing from it stays English."""
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
    # Published here and now, not when the transaction commits (as save_target's publish
    # would): a revision published later carries its page's count of children as it was,
    # and would lose the children translated meanwhile.
    is_page = isinstance(page, Page)
    translation.save_target(publish=not is_page)  # a snippet without drafts is saved
    if is_page:
        page.get_translation(locale).get_latest_revision().publish()
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
    pages, council_data = load("home", "pages"), load("home", "council")
    journeys = [_standard_page(home, spec) for spec in pages["journey_pages"]]
    footer = {spec["setting"]: _standard_page(home, spec) for spec in pages["footer_pages"]}
    privacy = _privacy_notice(home, pages["privacy_notice"])
    if privacy is not None:
        footer[pages["privacy_notice"]["setting"]] = privacy
    site = Site.objects.get(root_page=home)
    _serve_at_base_url(site)
    council = CouncilSettings.for_site(site)
    if council.email and council.privacy_page_id is None and privacy is not None:
        council.privacy_page = privacy
        council.save()
    if not council.email:
        for field, value in {**council_data["settings"], **footer}.items():
            setattr(council, field, value)
        council.save()
    if not AlertBanner.objects.exists():
        AlertBanner.objects.create(**council_data["banner"])
    return f"home page, {len(journeys)} journey pages, {len(footer)} footer pages"


def page_translations(code):
    """Every app's demo strings in one language, {English: translation}: each app keeps
    those of the pages it makes in `<app>/demo/translations/<code>.yaml`."""
    words = {}
    for config in apps.get_app_configs():
        if (Path(config.path) / "demo" / "translations" / f"{code}.yaml").exists():
            words.update(load(config.label, f"translations/{code}"))
    return words


def translatable_snippets():
    """The models of the project's own apps, other than pages, that editors translate
    (TranslatableMixin): the alert banner, guidance's audiences and topics, training's
    audiences and any added later. A page's child objects translate with their page."""
    project = Path(settings.BASE_DIR).resolve()
    return [
        model
        for model in get_translatable_models()
        if not issubclass(model, Page)
        and Path(model._meta.app_config.path).resolve().parent == project
        and not any(isinstance(field, ParentalKey) for field in model._meta.get_fields())
    ]


def seed_home_tiles_and_translations():
    """Last of all, when every app has made its pages: the home page's tiles, then every
    public page in each language, through wagtail-localize (so editors keep them in step
    with the English pages), and every English snippet of translatable_snippets().
    Parents before children (tree order), since a translation goes under its parent's
    translation; a string missing from the files stays English."""
    home = _home_page()
    _set_tiles(home)
    pages = home.get_descendants(inclusive=True).live().order_by("path").specific()
    translated = 0
    for code, _name in settings.LANGUAGES:
        words = page_translations(code)
        if code != default_language() and words:
            translated += sum(translate_page(page, code, words) for page in pages)
            for model in translatable_snippets():
                english = model._default_manager.filter(locale__language_code=default_language())
                translated += sum(translate_page(snippet, code, words) for snippet in english)
    return f"{len(home.tiles)} tiles, {translated} new translations"
