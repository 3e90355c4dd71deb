"""Why a child does or does not need a performance licence, and what a chaperone's
application needs (rules/performance.py)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .messages import Catalogue

MESSAGES = {
    # Worded as the "licence not needed" page words them, so one translation serves both.
    "body_of_persons": _(
        "The performance is covered by a body of persons approval, so the organiser is "
        "responsible for the child instead."
    ),
    "within_exempt_days": _(
        "The child is not paid, will not miss any school, and with this performance will have "
        "performed on no more than %(days)s days in 6 months."
    ),
    "paid": _("The child is paid, so a licence is needed."),
    "misses_school": _("The child will miss school, so a licence is needed."),
    "too_many_days": _(
        "With this performance the child would have performed on more than %(days)s days in "
        "6 months, so a licence is needed."
    ),
}

# Chaperones: said to the applicant (dbs_too_old) and to the officer (the others).
MESSAGES |= {
    "dbs_too_old": _(
        "Your DBS certificate was issued more than %(years)s ago. We accept an enhanced "
        "certificate from the last %(years)s, or one on the DBS update service"
    ),
    "convictions_declared": _(
        "The applicant declared convictions or cautions: read the details before approving"
    ),
    "dbs_update_service": _(
        "The DBS certificate is on the update service: check its status online"
    ),
}


def years(count):
    return ngettext("%(count)d year", "%(count)d years", count) % {"count": count}


CATALOGUE = Catalogue(MESSAGES, readings={"years": years})
say = CATALOGUE.say
