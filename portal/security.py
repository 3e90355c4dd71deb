"""Security middleware: the Content-Security-Policy and Permissions-Policy headers,
staff sign-out after inactivity, and the second factor that staff must give."""

import re
import time
from urllib.parse import quote

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import two_factor

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
# officer pages outside the admin (a printable permit) are covered too.
OPEN = re.compile(
    r"^/(?:(?:[a-z]{2}/)?(?:portal/(?:two-factor|sign-out)/|admin/logout/)"
    r"|static/|healthz/|robots\.txt|favicon\.ico)"
)
LAST_SEEN = "portal:last_seen"


class StaffIdleTimeoutMiddleware:
    """Staff are signed out after PORTAL_STAFF_IDLE_SECONDS without a request: a staff
    session opens children's records, and screens get left unlocked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and two_factor.required_for(user):
            now = int(time.time())
            last = request.session.get(LAST_SEEN)
            if last is not None and now - last > settings.PORTAL_STAFF_IDLE_SECONDS:
                logout(request)
                messages.info(
                    request,
                    _("You were signed out because you had not used the portal for a while."),
                )
                return redirect(
                    f"{reverse('portal:sign-in')}?next={quote(request.get_full_path())}"
                )
            if last is None or now - last >= 30:  # write the session at most twice a minute
                request.session[LAST_SEEN] = now
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
