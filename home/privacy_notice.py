"""What the privacy notice says about each service and each cookie. Each app gives its
services' entries through the "register_privacy_notice" hook (shared.privacy_notice): the
forms for their journeys, the returns, self-assessments and bookings for theirs, the
portal for accounts, the audit log for itself. Their periods are worked out from the same
settings and facts the retention purges read, each time the page is shown, so the notice
and the purges never disagree."""

from django.conf import settings
from django.utils.translation import gettext as _

from shared.privacy_notice import duration, entries, shown


def services():
    """Each service with its text ready to show (the period worked out now)."""
    return [shown(entry) for entry in entries()]


def cookies():
    """The cookies the portal sets; all are needed for it to work."""
    return [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "purpose": _(
                "Remembers that you are signed in, or which form you are filling in so you "
                "can carry on."
            ),
            "expires": duration(settings.SESSION_COOKIE_AGE // (24 * 60 * 60)),
        },
        {
            "name": settings.CSRF_COOKIE_NAME,
            "purpose": _("Stops another website sending a form to this portal in your name."),
            "expires": duration(settings.CSRF_COOKIE_AGE // (24 * 60 * 60)),
        },
        {
            "name": settings.LANGUAGE_COOKIE_NAME,
            "purpose": _("Remembers the language you chose, so pages open in it."),
            "expires": duration(settings.LANGUAGE_COOKIE_AGE // (24 * 60 * 60)),
        },
        {
            "name": "messages",
            "purpose": _("Shows you a message, such as 'Saved', on the next page you see."),
            "expires": _("When the message has been shown"),
        },
        {
            "name": "wagtail_sidebar_collapsed",
            "purpose": _(
                "For council staff using the editing screens only: remembers whether the "
                "menu is folded away. It holds nothing about you."
            ),
            "expires": _("Set by the editing screens"),
        },
    ]
