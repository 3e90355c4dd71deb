"""Site search: pages in the visitor's language and agency contacts, with the results
editors promote for a query shown first."""

from django.core.paginator import EmptyPage, Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.localize import active_locale

from .models import AgencyContact, GuidanceIndexPage, GuidancePage, StrategyPage

PER_PAGE = 10
# What a visitor can narrow the results to, and the page types each covers.
KINDS = {
    "guidance": (_("Guidance"), (GuidancePage, GuidanceIndexPage)),
    "strategy": (_("Strategy"), (StrategyPage,)),
    "contacts": (_("Agency contacts"), ()),
}


def _pages(query, kind):
    pages = Page.objects.live().public().filter(locale=active_locale(), depth__gt=1)
    if kind in KINDS and KINDS[kind][1]:
        pages = pages.type(*KINDS[kind][1])
    return pages.search(query)


def _specific_in_order(pages):
    """The pages of one results page as their specific types, in a query per type."""
    ids = [page.pk for page in pages]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [specific[pk] for pk in ids if pk in specific]


def search(query, kind="", page_number=1):
    query = query.strip()[:200]
    kind = kind if kind in KINDS else ""
    result = {"query": query, "kind": kind, "promoted": [], "pages": None, "contacts": []}
    if not query:
        return result
    if kind != "contacts":
        promoted = Query.get(query)
        promoted.add_hit()
        result["promoted"] = [
            promotion.page.specific
            for promotion in promoted.editors_picks.select_related("page").filter(page__live=True)
            if promotion.page is not None
        ]
        paginator = Paginator(_pages(query, kind), PER_PAGE)
        try:
            results_page = paginator.page(page_number)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages or 1)
        results_page.object_list = _specific_in_order(results_page.object_list)
        result["pages"] = results_page
    if kind in ("", "contacts"):
        limit = 50 if kind == "contacts" else 5
        result["contacts"] = list(get_search_backend().search(query, AgencyContact)[:limit])
    return result
