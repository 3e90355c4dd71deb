"""Why a submission must be kept rather than erased (rules/erasure.py)."""

from django.utils.translation import gettext_lazy as _

from shared import times

from .messages import Catalogue

MESSAGES = {
    "enforcement": _(
        "It records enforcement action (Education Act 1996 s444, penalty notices) and "
        "is kept as evidence until %(date)s."
    ),
    "open": _("The case is still open: close, refuse or withdraw it first."),
    "approval": _("It records an approval the council gave, which it must keep until %(date)s."),
    "home_education_register": _(
        "The council must know which children are educated at home (Education Act 1996 "
        "s436A); the record is kept until %(date)s."
    ),
}


def day(when):
    return times.day(when)


CATALOGUE = Catalogue(MESSAGES, readings={"date": day})
say = CATALOGUE.say
