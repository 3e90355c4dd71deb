"""What the privacy notice says about the audit log ("register_privacy_notice")."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from shared.privacy_notice import NoticeEntry, duration


def _kept():
    return _("%(period)s after each entry is made.") % {
        "period": duration(settings.PORTAL_AUDIT_RETENTION_DAYS)
    }


AUDIT_LOG = NoticeEntry(
    slug="audit",
    name=_("The record of who saw or changed information"),
    collected=_(
        "Each time someone looks at, changes, exports or deletes one of the records "
        "above: who it was, when, from which internet address, what they did and which "
        "record (by its reference, not by anyone's name)."
    ),
    why=_(
        "{public}The law also requires us to keep personal data secure (UK GDPR articles "
        "5(1)(f) and 32), and this record lets us find and stop misuse."
    ),
    shared=_("No one outside the council, unless the law requires it."),
    kept=_kept,
)


def entries():
    return [AUDIT_LOG]
