"""Security middleware: the Content-Security-Policy and Permissions-Policy headers,
staff sign-out after inactivity, and the second factor that staff must give."""

import re
import time
from urllib.parse import quote

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from . import idle, kept_input, two_factor
from .idle import LAST_SEEN  # noqa: F401 (the tests set it)

# The Wagtail admin sets some styles inline from its own scripts (the rich text editor,
# the page explorer) and previews images from blobs. Its scripts stay 'self', but for the
# one fixed inline script of wagtail-localize's translation editor (it names the choosers'
# URLs), allowed by its hash; tests/browser/test_translation_moderation.py fails if it
# changes.
TRANSLATION_EDITOR_SCRIPT = "'sha256-lLVZz8vyF0vCZL3ZQcc+U/kumGW1SlEfDpwWrXLLSRw='"
ADMIN_POLICY_UPDATE = {
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "script-src": [TRANSLATION_EDITOR_SCRIPT],
}
ADMIN_PATH = re.compile(r"^/admin/")


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and ADMIN_PATH.match(request.path_info):
            parts.update = {**ADMIN_POLICY_UPDATE, **(parts.update or {})}
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PORTAL_PERMISSIONS_POLICY)
        return response


# What a signed-in person who still owes a second factor may reach (with or without a
# language prefix such as /cy/): everything else waits until they have given it, so
# officer pages outside the admin (a printable permit) are covered too. The idle
# warning's addresses (/portal/session/) are open too: it shows on the two-factor pages.
OPEN = re.compile(
    r"^/(?:(?:[a-z]{2}/)?(?:portal/(?:two-factor|sign-out|session)/|admin/logout/)"
    r"|static/|healthz/|robots\.txt|favicon\.ico)"
)
# The idle warning's own addresses: asking how long is left is not activity; staying
# signed in and signing out when the time is up are handled by their views (idle.py).
SESSION = re.compile(r"^/(?:[a-z]{2}/)?portal/session/")


class StaffIdleTimeoutMiddleware:
    """Staff are signed out after PORTAL_STAFF_IDLE_SECONDS without a request (idle.py),
    warned first by the page; what they had sent is kept for them (kept_input.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        path = request.path_info
        if SESSION.match(path):
            return self.get_response(request)
        if idle.applies_to(user):
            now = int(time.time())
            if idle.expired(request, now):
                page = idle.page_to_return_to(request)
                kept = None
                if kept_input.may_keep(request):
                    kept = kept_input.collect(
                        request, request.get_full_path(), page, check_csrf=True
                    )
                return idle.sign_out(request, page, kept)
            idle.seen(request, now)
            if user.is_verified():
                offer = kept_input.offer(request)
                if offer is not None:
                    return offer
        elif (
            not user.is_authenticated
            and request.method == "POST"
            and kept_input.NEEDS_SIGN_IN.match(path)
            and kept_input.owner(request) is not None
        ):
            # Signed out by the time limit from another tab: this one's form is kept too.
            return idle.keep_for_signed_out(request)
        return self.get_response(request)


class TwoFactorMiddleware:
    """A signed-in person who must give a second factor (all staff; school users who have
    turned it on) reaches nothing but the two-factor pages until they have."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        path = request.path_info
        if user.is_authenticated and not OPEN.match(path) and not user.is_verified():
            has_device = two_factor.has_device(user)
            if has_device or two_factor.required_for(user):
                name = "portal:two-factor-verify" if has_device else "portal:two-factor-set-up"
                return redirect(f"{reverse(name)}?next={quote(request.get_full_path())}")
        return self.get_response(request)
