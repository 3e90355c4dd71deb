"""Roll changes (rules/roll_changes.py): each ground of deletion in words, and why a date
cannot be right. The grounds are the 2024 Regulations' reg. 9(1), said in our own words."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from shared import times

from .messages import Catalogue

GROUND_LABELS = {
    "9_1_a": _("Registered at another school"),
    "9_1_b": _("Finished nursery education here and not expected to come back"),
    "9_1_c": _("Also registered at other schools, which agreed to this deletion"),
    "9_1_d": _("A school attendance order now names another school"),
    "9_1_e": _("A school attendance order was revoked: the child is educated otherwise"),
    "9_1_f": _("The parent wrote to say the child is educated otherwise than at school"),
    "9_1_g": _("Moved away, no longer within a reasonable distance of the school"),
    "9_1_h": _("Not back within 10 school days after a leave of absence, and not found"),
    "9_1_i": _("20 school days' continuous unauthorised absence, and not found"),
    "9_1_j": _("Certified by the school's medical officer as unlikely to be fit to attend"),
    "9_1_k": _("Detained in custody for at least 4 months and not expected back"),
    "9_1_l": _("Died"),
    "9_1_m": _("Leaves compulsory school age before the school next meets and is not staying"),
    "9_1_n": _("Permanently excluded"),
    "9_1_o": _("A boarder whose boarding charges were not paid"),
}


def ground_label(code):
    """The ground in words, with its paragraph: "9(1)(a): Registered at another school"."""
    label = GROUND_LABELS.get(code)
    if label is None:
        return code or ""
    # Lazy, as the radios' choices are made once: each reader sees the label in their own
    # language.
    return format_lazy("{}: {}", code.replace("_", "(", 1).replace("_", ")(", 1) + ")", label)


MESSAGES = {
    "before_birth": _("The date of deletion must be after the pupil's date of birth"),
    "too_far_ahead": _(
        "The date of deletion must be no later than %(latest)s: tell us about a deletion "
        "at most a week ahead"
    ),
    "absence_too_short": _(
        "The pupil must have been absent for at least 20 school days before the deletion: "
        "from the first day you gave there are %(days)s"
    ),
    "late": _("This notice is late: it was due by %(deadline)s"),
}

CATALOGUE = Catalogue(MESSAGES, readings={"latest": times.day, "deadline": times.day})
say = CATALOGUE.say
