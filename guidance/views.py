from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control

from . import sitemap
from .search import KINDS, search
from .search_hits import count_hit


def search_view(request):
    try:
        page_number = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        page_number = 1
    query, kind = request.GET.get("q", ""), request.GET.get("type", "")
    results = search(request, query, kind, page_number)
    kinds = [{"value": value, "label": label} for value, (label, _types) in KINDS.items()]
    response = render(request, "guidance/search.html", {**results, "kinds": kinds})
    if results["query_id"] is not None:
        count_hit(results["query_id"])
    # The page cache keeps it for anonymous visitors until the next publish; each repeat
    # served from there is still counted (search_hits.count_cached_hit).
    response.portal_cacheable = True
    response.portal_counted = results["query_id"]
    return response


@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /portal/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def sitemap_index(request):
    return sitemap.cached(
        request,
        "index",
        lambda sections: sitemap_views.index(request, sections, sitemap_url_name="sitemap-section"),
    )


def sitemap_section(request, section):
    # "?p=2" and "?p=02" are one page; anything else is refused (404) and never kept.
    try:
        number = int(request.GET.get("p", 1))
    except ValueError:
        number = None
    return sitemap.cached(
        request,
        f"{section}:{number}",
        lambda sections: sitemap_views.sitemap(request, sections, section=section),
    )
