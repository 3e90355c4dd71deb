"""A page cache for anonymous visitors, emptied whenever anything they see changes.

Most visitors are parents reading pages anonymously; serving them a stored copy keeps
the portal fast under load without a query per request. Only responses the page marks
as cacheable (CachedPageMixin) are stored, only for requests with no session cookie, and
never a response that sets a cookie. Every stored copy is keyed by a "generation";
publishing or unpublishing a page, or changing an alert banner or the council settings,
moves to a new generation, so every page is fresh at once, in every process sharing the
cache (Redis in production, the file cache on one machine). A page that shows something
changing without publishing (a course's places left) names it, and a change to it empties
only the copies that named it (home/page_versions.py).

A page with a form (a journey's first step, before the visitor has a session) is the
same for every new visitor but for the form's CSRF token, which must be each visitor's
own. Its copy is stored with a placeholder where the token goes, and every response made
from it gets a fresh token of this visitor's own, with the matching CSRF cookie, from
Django's CSRF middleware itself (share_form_with_new_visitors).

(wagtail-cache does this job for older Wagtail releases but does not support Wagtail 8.)
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils import timezone
from django.utils.cache import patch_cache_control
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_versions
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


def changes_at(request, *moments):
    """The page being worked out changes by itself at these moments (a session's booking
    closes, say): no copy of it may outlive the next of them."""
    known = [moment for moment in moments if moment is not None]
    request.portal_page_changes = [*getattr(request, "portal_page_changes", []), *known]


def _seconds_until_next_change(request):
    """A banner that starts or ends soon must appear or go on time, so no copy may
    outlive the next start or end (the page's banners tag leaves them on the request),
    nor the next moment the page said it changes by itself (changes_at)."""
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
    upcoming += [moment for moment in getattr(request, "portal_page_changes", []) if moment > now]
    if not upcoming:
        return None
    return max(1, int((min(upcoming) - now).total_seconds()))


# Sent when a stored copy is served, with what the page asked to have counted on each
# view (`portal_counted` on its response, say a search's query): its view does not run.
served_from_cache = Signal()


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


# Where a stored form's CSRF token goes. Not a token Django accepts (tokens are letters
# and digits only), so a copy that somehow went out unfilled has its POST refused.
FORM_TOKEN_PLACEHOLDER = "portal-form-token-goes-here"


def share_form_with_new_visitors(request, response):
    """Store this page, whose form is the same for every visitor with no session, with a
    placeholder for the CSRF token (a TemplateResponse, not yet rendered). Only when the
    page cache handles the request: any other visitor gets the page as it is made.

    Why it is safe: the stored copy holds no one's token. Each response made from it
    (the first included) is given a token of its own visitor's secret, with the CSRF
    cookie holding that secret, by Django's CsrfViewMiddleware and get_token themselves
    (_fill_form_token); the form's POST is never served from the cache and is checked by
    CsrfViewMiddleware as any other. So one visitor's token never reaches another, and a
    POST with another visitor's token, or none, is refused as before."""
    if not getattr(request, "portal_page_cache", False) or settings.CSRF_USE_SESSIONS:
        return
    response.context_data["csrf_token"] = FORM_TOKEN_PLACEHOLDER
    response.portal_cacheable = True
    response.portal_form_token = True


def _fill_form_token(request, response):
    csrf = CsrfViewMiddleware(lambda request: None)
    # The visitor's own secret, from their CSRF cookie if they have a good one, else new.
    csrf.process_request(request)
    token = get_token(request).encode()
    response.content = response.content.replace(FORM_TOKEN_PLACEHOLDER.encode(), token)
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    csrf.process_response(request, response)  # the cookie, and Vary: Cookie
    # A response that sets a cookie is for this visitor alone, never a shared cache's.
    patch_cache_control(response, private=True)


def _stored(key):
    """The stored copy at key, if it is still current."""
    entry = cache.get(key)
    if not isinstance(entry, dict):  # none (or one stored by an older release)
        return None
    if not page_versions.still_current(entry["versions"]):
        return None
    return entry


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = key_for(request.get_host(), request.get_full_path())
        entry = _stored(key)
        if entry is not None:
            response = entry["response"]
            response["X-Page-Cache"] = "hit"
            if entry["form_token"]:
                _fill_form_token(request, response)
            if entry.get("counted") is not None:
                served_from_cache.send(AnonymousPageCacheMiddleware, counted=entry["counted"])
            return response
        request.portal_page_cache = True  # share_form_with_new_visitors may store a form
        response = self.get_response(request)
        form_token = getattr(response, "portal_form_token", False)
        if (
            getattr(response, "portal_cacheable", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            timeout = settings.PORTAL_PAGE_CACHE_SECONDS
            next_change = _seconds_until_next_change(request)
            if next_change is not None:
                timeout = min(timeout, next_change)
            entry = {
                "response": response,
                "versions": getattr(response, "portal_versions", {}),
                "form_token": form_token,
                "counted": getattr(response, "portal_counted", None),
            }
            cache.set(key, entry, timeout)
            response["X-Page-Cache"] = "miss"
        if form_token:  # stored or not, this visitor gets a token of their own
            _fill_form_token(request, response)
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
