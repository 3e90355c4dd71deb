"""What a member of staff typed is never lost to the idle sign-out (WCAG 2.2.5): a form
sent after the time limit, or held on the page when the warning's time ran out, is kept
in the signed-out browser's session, for that person alone and for
PORTAL_KEPT_INPUT_SECONDS. Once the same person has signed in again (and given their
second factor), their next page is "You were signed out before your changes were saved":
what was kept, a button that sends it again to where it was going (with a fresh CSRF
token), and one to discard it. Anyone else who signs in on that browser gets nothing, and
it is gone.

Never kept: the CSRF token, passwords, codes, and files (the page names those dropped)."""

import logging
import re
import time
import uuid

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

KEY = "portal:kept_input"
# The fields the warning's script adds to a form's fields when the time is up (idle.end),
# and the one the "send again" button adds: none of them is kept as typed.
CONTROL = "portal-kept-"
ACTION, PAGE, REASON, DROPPED, SENT, DISCARD = (
    f"{CONTROL}{name}" for name in ("action", "page", "reason", "dropped", "sent", "discard")
)
NOT_KEPT = re.compile(
    r"csrfmiddlewaretoken|password|passwd|passphrase|secret|token|^otp|^code$", re.IGNORECASE
)
MAX_CHARACTERS = 1_000_000  # a page editor's whole form fits; anything bigger is refused
MAX_FORMS = 5
# A browser signed out by the time limit that then posts here (from another tab) had a
# signed-in page open: what it sends is kept for the same person. Never the sign-in and
# other pages anyone may post to.
NEEDS_SIGN_IN = re.compile(
    r"^/(?:[a-z]{2}/)?(?:admin/(?!login/|logout/|password_reset/)"
    r"|portal/(?!sign-in/|sign-out/|password-reset/|invitation/|password-set/|two-factor/"
    r"|session/|unsaved-changes/))"
)
SIGN_OUT = re.compile(r"^/(?:[a-z]{2}/)?(?:portal/sign-out/|admin/logout/)")
# Where the offer is not made: the offer itself, what a person who still owes a second
# factor may reach, and the warning's own addresses.
NOT_OFFERED = re.compile(
    r"^/(?:[a-z]{2}/)?(?:portal/(?:unsaved-changes|two-factor|sign-out|session)/|admin/logout/)"
)


def _keeps(name):
    return not name.startswith(CONTROL) and not NOT_KEPT.search(name)


def _csrf_passes(request):
    """A form from another site is never kept (nor offered back to be sent again)."""
    return CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {}) is None


def may_keep(request):
    return request.method == "POST" and not SIGN_OUT.match(request.path_info)


def collect(request, action, page, check_csrf=False):
    """What the request posted that is worth keeping, or None: its fields (not the CSRF
    token, passwords or codes), the names of any files (not kept), where it was going
    (`action`) and the page it was on."""
    if check_csrf and not _csrf_passes(request):
        return None
    fields = [
        [name, value] for name, values in request.POST.lists() if _keeps(name) for value in values
    ]
    dropped = [name for name in request.POST.getlist(DROPPED) if name] + [
        upload.name for _name, uploads in request.FILES.lists() for upload in uploads if upload.name
    ]
    if not dropped and not any(value.strip() for _name, value in fields):
        return None
    if sum(len(name) + len(value) for name, value in fields) > MAX_CHARACTERS:
        logger.warning("Not kept after a sign-out: over a million characters sent to %s", action)
        return None
    return {
        "id": uuid.uuid4().hex,
        "action": action,
        "page": page,
        "fields": fields,
        "dropped": dropped,
        "offered": False,
    }


def _valid(request):
    kept = request.session.get(KEY)
    if kept is None:
        return None
    if kept["until"] < time.time():
        del request.session[KEY]
        return None
    return kept


def before_sign_out(request):
    """What this person still had kept from an earlier sign-out, to carry over."""
    kept = _valid(request)
    return kept["forms"] if kept and kept["user"] == request.user.pk else []


def after_sign_out(request, user_pk, carried, form):
    """In the new, signed-out session: whose it was (so another tab's form is kept for
    them too) and what they typed. The session itself ends when this does."""
    forms = [*carried, form] if form else list(carried)
    request.session[KEY] = {
        "user": user_pk,
        "until": int(time.time()) + settings.PORTAL_KEPT_INPUT_SECONDS,
        "forms": forms[-MAX_FORMS:],
    }
    request.session.set_expiry(settings.PORTAL_KEPT_INPUT_SECONDS)


def owner(request):
    """Whose signed-out session this is (the pk), while what it keeps lasts."""
    kept = _valid(request)
    return kept["user"] if kept else None


def add(request, form):
    kept = _valid(request)
    request.session[KEY] = {**kept, "forms": [*kept["forms"], form][-MAX_FORMS:]}


def on_sign_in(sender, request, user, **kwargs):
    """Only the person who typed it gets it back; for anyone else it is gone. The session
    goes back to the usual length."""
    if request is None or KEY not in request.session:
        return
    request.session.set_expiry(None)
    kept = _valid(request)
    if kept and (kept["user"] != user.pk or not kept["forms"]):
        del request.session[KEY]


def forms_for(request, user):
    kept = _valid(request)
    if kept is None:
        return []
    if kept["user"] != user.pk:
        del request.session[KEY]
        return []
    return kept["forms"]


def _save(request, forms):
    if forms:
        request.session[KEY] = {**request.session[KEY], "forms": forms}
    else:
        del request.session[KEY]


def _navigation(request):
    return (
        request.method == "GET"
        and request.headers.get("Sec-Fetch-Dest", "document") == "document"
        and request.headers.get("X-Requested-With") != "XMLHttpRequest"
    )


def offer(request):
    """For a signed-in member of staff who has given their second factor: their first page
    is the offer of what was kept (a redirect), while anything waits; the form sent again
    from it is no longer kept."""
    if NOT_OFFERED.match(request.path_info):
        return None
    forms = forms_for(request, request.user)
    if not forms:
        return None
    sent = request.POST.get(SENT) if request.method == "POST" else None
    if sent:
        _save(request, [form for form in forms if form["id"] != sent])
        return None
    if _navigation(request) and not forms[0]["offered"]:
        return redirect("portal:unsaved-changes")
    return None


def _label(name):
    return name.replace("_", " ").replace("-", " ").strip().capitalize() or name


@never_cache
@login_required
def unsaved_changes(request):
    """ "You were signed out before your changes were saved": send them again, or discard."""
    forms = forms_for(request, request.user)
    if request.method == "POST":
        chosen = next((form for form in forms if form["id"] == request.POST.get(DISCARD)), None)
        _save(request, [form for form in forms if form is not chosen])
        return redirect(chosen["page"] if chosen else "portal:dashboard")
    if not forms:
        return redirect("portal:dashboard")
    form = forms[0]
    if not form["offered"]:
        form["offered"] = True
        _save(request, forms)
    return TemplateResponse(
        request,
        "portal/account/unsaved_changes.html",
        {
            "kept": form,
            "rows": [(_label(name), value) for name, value in form["fields"] if value.strip()],
            "sent_field": SENT,
            "discard_field": DISCARD,
            "more": len(forms) - 1,
        },
    )
