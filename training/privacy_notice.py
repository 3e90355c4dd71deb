"""What the privacy notice says about training bookings ("register_privacy_notice")."""

from django.utils.translation import gettext_lazy as _

from shared.privacy_notice import NoticeEntry, kept_after

BOOKINGS = NoticeEntry(
    slug="bookings",
    name=_("Training bookings"),
    collected=_(
        "Your name, email address, role and school, any access or dietary needs you tell "
        "us about, whether you attended, and any feedback you give."
    ),
    why=_(
        "We need it to provide the training you booked (UK GDPR article 6(1)(b), a "
        "contract). We use access or dietary needs only with your consent (article "
        "9(2)(a)), and you can withdraw it by changing your booking."
    ),
    shared=_("The trainer, and the venue when it needs your access or dietary needs. Nobody else."),
    kept=kept_after(
        "bookings",
        _(
            "%(period)s after the session. Then your name, email address, needs and "
            "comments are removed: we keep only that a place was booked, attended and "
            "rated."
        ),
    ),
)


def entries():
    return [BOOKINGS]
