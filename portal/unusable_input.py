"""Requests no page can use, answered at one place before any view or query sees them.

PostgreSQL stores no NUL character: a value holding one, looked up or saved, is a server
error there (SQLite takes it). Browsers never send one from what a person types, and no
address of ours is thousands of characters long; both come from tools probing the site."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from home.views import page_not_found

NUL = "\x00"
# Longer than any address of ours or any search a person types, far shorter than what
# servers and caches choke on.
MAX_PATH = 1000
MAX_QUERY = 4000
ADMIN = "/admin/"
ID_NAMES = ("pk", "object_id")


def _holds_nul(query_dict):
    return any(
        NUL in key or any(NUL in value for value in values) for key, values in query_dict.lists()
    )


class UnusableInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path or len(request.path) > MAX_PATH:
            return page_not_found(request)
        # A cookie holding NUL is treated as never sent; the session's is read already (by
        # SessionMiddleware, before the language is known), so it becomes a fresh one.
        for name in [name for name, value in request.COOKIES.items() if NUL in name + value]:
            del request.COOKIES[name]
            if name == settings.SESSION_COOKIE_NAME and hasattr(request, "session"):
                request.session = request.session.__class__()
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY:
            return self._refuse(request, _("The web address is too long. Go back and try again."))
        # A form's NUL is left to the form: its fields refuse it (Django's CharField) or
        # the journeys strip it (forms_app.engine.plain_text), and what was typed is kept.
        if _holds_nul(request.GET):
            return self._refuse(
                request,
                _(
                    "What you sent contains a character that cannot be used (a null character, "
                    "sometimes copied in from another program). Go back, remove it and try again."
                ),
            )
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Every record the admin shows has a number for its id; Wagtail's choosers take
        # the id as text and fail on one that is not a number, where it simply does not
        # exist.
        if request.path_info.startswith(ADMIN):
            for name in ID_NAMES:
                value = view_kwargs.get(name)
                if isinstance(value, str) and not value.isdigit():
                    raise Http404
        return None

    def _refuse(self, request, problem):
        return render(request, "400.html", {"problem": problem}, status=400)
