"""The sitemap crawlers read (robots.txt names /sitemap.xml): every live public page of
the site, in each language, with when it was last published.

/sitemap.xml is always an index of sections, one per language, each split into pages of
at most LIMIT addresses (/sitemap-en.xml, /sitemap-en.xml?p=2, /sitemap-cy.xml). Always an
index, whatever the site's size: the address keeps one kind of content as a council's
site grows past a section's size, and crawlers take an index at the address robots.txt
names as they take a list of pages.

Each part is built once and kept until anything is published (the page cache's
generation, home/page_cache.py), so a crawler asking again costs no query.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.utils.translation import override
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from home.localize import default_language
from home.page_cache import generation

# Search engines take up to 50,000 addresses a file; smaller files are quicker to build
# when the cache is empty, and a crawler fetches only the ones that changed.
LIMIT = 1000
# Anything published starts a new generation sooner; this only bounds what the cache
# keeps of generations gone by.
CACHE_SECONDS = 24 * 60 * 60


class LanguageSitemap(Sitemap):
    """The live public pages under the site's root page in one language."""

    limit = LIMIT

    def __init__(self, request, root):
        super().__init__(request)
        self.root = root

    def _pages(self):
        return Page.objects.descendant_of(self.root, inclusive=True).live().public()

    def items(self):
        # In tree order, which every page has once: each page lands in one file only.
        return self._pages().order_by("path").defer_streamfields().specific()

    def get_latest_lastmod(self):
        # One aggregate: the default would load every page to find the latest.
        latest = Coalesce("last_published_at", "latest_revision_created_at")
        return self._pages().aggregate(latest=Max(latest))["latest"]


def sections(request):
    """A LanguageSitemap per language the site's root page is in, by language code, in
    the order of LANGUAGES; a language with no live public page has none."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    roots = {
        root.locale.language_code: root
        for root in Page.objects.filter(
            translation_key=site.root_page.translation_key
        ).select_related("locale")
    }
    found = {}
    for code, _name in settings.LANGUAGES:
        if code in roots:
            sitemap = LanguageSitemap(request, roots[code])
            if sitemap.paginator.count:
                found[code] = sitemap
    return found


def cached(request, part, build):
    """The response `build(sections)` gives for `part` of the sitemap, kept in the cache
    for this generation, host and scheme (the addresses in it are absolute)."""
    digest = hashlib.sha256(part.encode()).hexdigest()
    key = f"sitemap:{generation()}:{request.scheme}:{request.get_host()}:{digest}"
    response = cache.get(key)
    if response is None:
        # Each page's address in its own language, whatever the crawler's language is.
        with override(default_language()):
            response = build(sections(request))
            response.render()
        if response.status_code == 200:
            cache.set(key, response, CACHE_SECONDS)
    # Also in the page cache, whose copies are served before any view runs (it keeps
    # them for less long; a miss there is a hit here).
    response.portal_cacheable = True
    return response
