from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control

from .search import KINDS, search


def search_view(request):
    try:
        page_number = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        page_number = 1
    results = search(request.GET.get("q", ""), request.GET.get("type", ""), page_number)
    kinds = [{"value": value, "label": label} for value, (label, _types) in KINDS.items()]
    return render(request, "guidance/search.html", {**results, "kinds": kinds})


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
