"""Site search: pages in the visitor's language and agency contacts, with the results
editors promote for a query shown first.

What a search finds is the same for every anonymous visitor, so it is kept in the cache
until anything is published (the page cache's generation, home/page_cache.py), for at
most as long as a cached page: a popular query costs its search queries once, not once
per visitor. Queries that find the same ("Attendance", " attendance ") share what they
found, shown with each visitor's own words in the search box; a search page asked for
again at the same address is served as it was, with no query and no rendering. Signed-in
users are never served a copy. Every search is counted for the promotions report
(search_hits.py), from the cache too.
"""

import hashlib
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import EmptyPage, Paginator
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.localize import active_locale
from home.page_cache import generation, purge, served_from_cache

from .models import AgencyContact, GuidanceIndexPage, GuidancePage, StrategyPage
from .search_hits import count_cached_hit

PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# What a visitor can narrow the results to, and the page types each covers.
KINDS = {
    "guidance": (_("Guidance"), (GuidancePage, GuidanceIndexPage)),
    "strategy": (_("Strategy"), (StrategyPage,)),
    "contacts": (_("Agency contacts"), ()),
}


def normalise(query):
    """One form for the queries that find the same things: the search backends ignore
    case and spacing, so "Attendance" and " attendance " share one cached result. Also
    the form editors' promotions and the hit counts are kept under."""
    return " ".join(query.split()).casefold()[:MAX_QUERY_LENGTH]


def _words(query):
    """The query's words alone, as the backend is given them: both backends index words
    only, and SQLite's FTS5 reads punctuation as its own syntax ("&" fails with an error,
    a lone "*" too), so anything but letters, digits and their marks is a space."""
    kept = (c if unicodedata.category(c)[0] in "LNM" else " " for c in query)
    return " ".join("".join(kept).split())


@dataclass
class Result:
    """A page found, as the results list shows it: plain data the cache can keep."""

    title: str
    url: str
    summary: str


@dataclass
class ResultsPage:
    """One page of results, with what the pagination needs to know."""

    entries: list
    number: int
    count: int

    @property
    def num_pages(self):
        return max(1, -(-self.count // PER_PAGE))

    def has_previous(self):
        return self.number > 1

    def has_next(self):
        return self.number < self.num_pages

    def has_other_pages(self):
        return self.num_pages > 1

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1


def _pages(query, kind):
    pages = Page.objects.live().public().filter(locale=active_locale(), depth__gt=1)
    if kind in KINDS and KINDS[kind][1]:
        pages = pages.type(*KINDS[kind][1])
    return pages.search(query)


def _specific_in_order(pages):
    """The pages of one results page as their specific types, in a query per type."""
    ids = [page.pk for page in pages]
    specific = {
        page.pk: page for page in Page.objects.filter(pk__in=ids).defer_streamfields().specific()
    }
    return [specific[pk] for pk in ids if pk in specific]


def _result(request, page):
    summary = getattr(page, "summary", "") or page.search_description
    return Result(title=page.title, url=page.get_url(request), summary=summary)


def _find(request, query, kind, page_number):
    """What `query` (normalised) finds: the same for every visitor in one language."""
    found = {"query_id": None, "promoted": [], "pages": None, "contacts": []}
    words = _words(query)
    if kind != "contacts":
        promoted = Query.get(query)
        found["query_id"] = promoted.pk
        found["promoted"] = [
            _result(request, promotion.page.specific)
            for promotion in promoted.editors_picks.select_related("page").filter(page__live=True)
            if promotion.page is not None
        ]
        matches = _pages(words, kind) if words else Page.objects.none()
        paginator = Paginator(matches, PER_PAGE)
        try:
            results_page = paginator.page(page_number)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages or 1)
        found["pages"] = ResultsPage(
            entries=[_result(request, page) for page in _specific_in_order(results_page)],
            number=results_page.number,
            count=paginator.count,
        )
    if kind in ("", "contacts") and words:
        limit = 50 if kind == "contacts" else 5
        found["contacts"] = list(get_search_backend().search(words, AgencyContact)[:limit])
    return found


def _served_from_cache(request):
    return settings.PORTAL_PAGE_CACHE_SECONDS > 0 and not request.user.is_authenticated


def _key(request, kind, *parts):
    # Hashed: a key stays short whatever was typed (memcached takes 250).
    digest = hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()
    return f"{kind}:{generation()}:{request.get_host()}:{get_language()}:{digest}"


def search(request, query, kind="", page_number=1):
    """What the search page shows: the visitor's query as they typed it (trimmed), and
    what its normalised form finds, with `query_id`, the query whose hits to count
    (None when nothing was searched, or only contacts)."""
    shown = query.strip()[:MAX_QUERY_LENGTH]
    kind = kind if kind in KINDS else ""
    result = {"query": shown, "kind": kind}
    normalised = normalise(query)
    if not normalised:
        return {**result, "query_id": None, "promoted": [], "pages": None, "contacts": []}
    key = None
    if _served_from_cache(request):
        key = _key(request, "search", kind, page_number, normalised)
    found = cache.get(key) if key else None
    if found is None:
        found = _find(request, normalised, kind, page_number)
        if key:
            cache.set(key, found, settings.PORTAL_PAGE_CACHE_SECONDS)
    return {**found, **result}


def _purge(**kwargs):
    purge()


def connect_signals():
    """A promotion editors add or remove shows at once, as a publish does."""
    post_save.connect(_purge, sender=SearchPromotion, dispatch_uid="search_promotion_saved")
    post_delete.connect(_purge, sender=SearchPromotion, dispatch_uid="search_promotion_deleted")
    served_from_cache.connect(count_cached_hit, dispatch_uid="search_hit_from_page_cache")
