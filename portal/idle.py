"""Staff are signed out after PORTAL_STAFF_IDLE_SECONDS without a request (a staff session
opens children's records, and screens get left unlocked), but warned first (WCAG 2.2.1):
a dialog PORTAL_STAFF_IDLE_WARNING_SECONDS before, with "Stay signed in".

The warning's script (portal/static_src/js/idle-warning.js) talks to three addresses
under /portal/session/, which the idle middleware leaves alone: asking how long is left
is not activity (else the warning would keep the session alive by itself), staying
signed in is, and signing out when the time is up keeps what was typed on the page
(kept_input.py)."""

import json
import math
import time
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import kept_input, two_factor
from .addresses import same_site_path

LAST_SEEN = "portal:last_seen"
SEEN_EVERY = 30  # write the session at most twice a minute


def applies_to(user):
    return user.is_authenticated and two_factor.required_for(user)


def seconds_left(request, now=None):
    """How long until the idle sign-out, as the middleware will judge it."""
    last = request.session.get(LAST_SEEN)
    if last is None:
        return settings.PORTAL_STAFF_IDLE_SECONDS
    now = int(time.time()) if now is None else now
    return settings.PORTAL_STAFF_IDLE_SECONDS - (now - last)


def expired(request, now):
    return seconds_left(request, now) < 0


def seen(request, now, always=False):
    last = request.session.get(LAST_SEEN)
    if always or last is None or now - last >= SEEN_EVERY:
        request.session[LAST_SEEN] = now


def sign_in_url(page):
    return f"{reverse('portal:sign-in')}?next={quote(page)}"


def page_to_return_to(request):
    """Where to come back to after signing in again: the page itself; for a form sent, the
    page the form was on (the Referer, from this site), else the address it was sent to if
    that shows a page. (Going back to an address that only takes a form, a status change,
    was the "you do not have permission" after signing in again.)"""
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    referer = same_site_path(request, request.headers.get("Referer"))
    if referer:
        return referer
    if _shows_a_page(request.path_info):
        return request.get_full_path()
    if request.path_info.startswith("/admin/"):
        return reverse("wagtailadmin_home")
    return reverse("portal:dashboard")


def _shows_a_page(path):
    try:
        view_class = getattr(resolve(path).func, "view_class", None)
    except Resolver404:
        return False
    return (
        view_class is not None
        and "get" in view_class.http_method_names
        and hasattr(view_class, "get")
    )


def _signed_out_message(request, kept, chosen=False):
    if chosen:
        if kept:
            messages.info(
                request, _("You have signed out. What you typed is kept: sign in again to send it.")
            )
    elif kept:
        messages.info(
            request,
            _(
                "You were signed out because you had not used the portal for a while. What "
                "you typed is kept: sign in again to send it."
            ),
        )
    else:
        messages.info(
            request, _("You were signed out because you had not used the portal for a while.")
        )


def sign_out(request, page, kept=None, chosen=False):
    """Sign out, keeping what was typed (if anything) for this user alone, and send them to
    sign in again, then back to `page`."""
    user_pk = request.user.pk
    carried = kept_input.before_sign_out(request)
    logout(request)
    kept_input.after_sign_out(request, user_pk, carried, kept)
    _signed_out_message(request, kept, chosen)
    return redirect(sign_in_url(page))


def keep_for_signed_out(request, action=None, page=None):
    """A browser already signed out by the time limit (in another tab) sends what a page
    still held: kept for the same person, who is asked to sign in again."""
    page = page or page_to_return_to(request)
    kept = kept_input.collect(
        request, action or request.get_full_path(), page, check_csrf=action is None
    )
    if kept:
        kept_input.add(request, kept)
        _signed_out_message(request, kept)
    return redirect(sign_in_url(page))


# --- the warning ----------------------------------------------------------------------


def countdown_texts():
    """Every sentence the dialog's countdown shows, in the reader's language, as the script
    cannot make plurals itself: whole minutes (rounded up) down to one, then seconds."""
    warning = settings.PORTAL_STAFF_IDLE_WARNING_SECONDS
    minutes = {
        n: ngettext(
            "You will be signed out in %(count)s minute.",
            "You will be signed out in %(count)s minutes.",
            n,
        )
        % {"count": n}
        for n in range(1, max(1, math.ceil(warning / 60)) + 1)
    }
    seconds = {
        n: ngettext(
            "You will be signed out in %(count)s second.",
            "You will be signed out in %(count)s seconds.",
            n,
        )
        % {"count": n}
        for n in range(1, 60)
    }
    return {"minutes": minutes, "seconds": seconds}


def warning_context(request, admin=False):
    """What templates/portal/includes/idle_warning.html needs; empty for anyone the idle
    sign-out does not apply to, and on a page refused before anyone is known (a 400 or
    404 for an unusable address, which middleware answers before authentication)."""
    user = getattr(request, "user", None)
    if user is None or not applies_to(user):
        return {}
    left = max(0, seconds_left(request))
    warning = settings.PORTAL_STAFF_IDLE_WARNING_SECONDS
    texts = countdown_texts()
    return {
        "idle": {
            "remaining": left,
            "warning": warning,
            "countdown": json.dumps(texts),
            "first": texts["minutes"][max(1, math.ceil(min(left, warning) / 60))],
            "status_url": reverse("portal:session-status"),
            "keep_alive_url": reverse("portal:session-keep-alive"),
            "end_url": reverse("portal:session-end"),
        },
        "admin": admin,
        "csrf_token": get_token(request),
    }


# --- the addresses the warning's script talks to ----------------------------------------


def _state(request):
    if not applies_to(request.user):
        return {"signed_in": False, "remaining": 0}
    return {"signed_in": True, "remaining": max(0, seconds_left(request))}


@never_cache
@require_GET
def status(request):
    """How long is left, for the warning to ask before it shows and before it signs out:
    work in another tab of the same session postpones both. Not itself activity. With the
    CSRF token as it is now: signing in again in another tab changes it, and the page's
    own would then be refused."""
    return JsonResponse({**_state(request), "csrf": get_token(request)})


@never_cache
@require_POST
def keep_alive(request):
    """ "Stay signed in": counts as activity, unless the time is already up."""
    now = int(time.time())
    if applies_to(request.user) and not expired(request, now):
        seen(request, now, always=True)
    return JsonResponse(_state(request))


@never_cache
@require_POST
def end(request):
    """The time is up (or the person chose "Sign out" in the warning): sign out, keeping
    what they typed into a form on the page. The script sends its fields, the address it
    was to be sent to, and the page."""
    page = same_site_path(request, request.POST.get(kept_input.PAGE)) or (
        same_site_path(request, request.headers.get("Referer")) or reverse("portal:dashboard")
    )
    action = same_site_path(request, request.POST.get(kept_input.ACTION))
    chosen = request.POST.get(kept_input.REASON) == "chosen"
    if applies_to(request.user):
        kept = kept_input.collect(request, action, page) if action else None
        return sign_out(request, page, kept, chosen=chosen)
    if action and kept_input.owner(request) is not None:
        return keep_for_signed_out(request, action, page)
    return redirect(sign_in_url(page))


@never_cache
@require_GET
def warning(request):
    """The dialog, for pages that cannot render it themselves (the Wagtail admin, whose
    hooks have no request): its script fetches it. Nothing for anyone else."""
    context = warning_context(request, admin=request.GET.get("admin") == "1")
    if not context:
        return HttpResponse(status=204)
    return HttpResponse(render_to_string("portal/includes/idle_warning.html", context, request))
