"""A page cache for anonymous visitors, emptied whenever anything they see changes.

Most visitors are parents reading pages anonymously; serving them a stored copy keeps
the portal fast under load without a query per request. Only responses the page marks
as cacheable (CachedPageMixin) are stored, only for requests with no session cookie, and
never a response that sets a cookie. Every stored copy is keyed by a "generation";
publishing or unpublishing a page, or changing an alert banner or the council settings,
moves to a new generation, so every page is fresh at once, in every process sharing the
cache (Redis in production, the file cache on one machine).

(wagtail-cache does this job for older Wagtail releases but does not support Wagtail 8.)
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import AlertBanner, CouncilSettings

GENERATION_KEY = "pagecache:generation"


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        cache.add(GENERATION_KEY, value, None)
        value = cache.get(GENERATION_KEY, value)
    return value


def purge(**kwargs):
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _seconds_until_next_banner_change(request):
    """A banner that starts or ends soon must appear or go on time, so no copy may
    outlive the next start or end. The page's banners tag leaves them on the request."""
    banners = getattr(request, "portal_banners", None)
    if banners is None:
        banners = AlertBanner.objects.not_ended()
    now = timezone.now()
    upcoming = [
        moment
        for banner in banners
        for moment in (banner.starts_at, banner.ends_at)
        if moment and moment > now
    ]
    if not upcoming:
        return None
    return max(1, int((min(upcoming) - now).total_seconds()))


def key_for(host, full_path):
    # The address hashed: a key stays short whatever was asked for (memcached takes 250).
    address = hashlib.sha256(full_path.encode()).hexdigest()
    return f"pagecache:{generation()}:{host}:{address}"


def cacheable_request(request):
    """Whether a stored copy may be served for this request, and its response stored: a
    visitor with no session (so not signed in) and no message waiting to be shown."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and settings.PORTAL_PAGE_CACHE_SECONDS > 0
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = key_for(request.get_host(), request.get_full_path())
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if (
            getattr(response, "portal_cacheable", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            timeout = settings.PORTAL_PAGE_CACHE_SECONDS
            next_change = _seconds_until_next_banner_change(request)
            if next_change is not None:
                timeout = min(timeout, next_change)
            cache.set(key, response, timeout)
            response["X-Page-Cache"] = "miss"
        return response


def connect_signals():
    page_published.connect(purge, dispatch_uid="pagecache_published")
    page_unpublished.connect(purge, dispatch_uid="pagecache_unpublished")
    post_delete.connect(purge, sender=Page, dispatch_uid="pagecache_page_deleted")
    # A page moved, made private (or public again), or a site's address changed: pages
    # and the sitemap then show other addresses, or none, without a publish.
    post_page_move.connect(purge, dispatch_uid="pagecache_page_moved")
    for model in (AlertBanner, CouncilSettings, PageViewRestriction, Site):
        post_save.connect(purge, sender=model, dispatch_uid=f"pagecache_save_{model.__name__}")
        post_delete.connect(purge, sender=model, dispatch_uid=f"pagecache_delete_{model.__name__}")
