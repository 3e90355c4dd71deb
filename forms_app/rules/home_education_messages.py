"""Why the council must agree before a child is taken off roll for home education
(rules/home_education.py)."""

from django.utils.translation import gettext_lazy as _

from .messages import Catalogue

MESSAGES = {
    "special_school": _("The child attends a special school placed by the council."),
    "attendance_order": _("The child is under a school attendance order."),
    "child_protection": _(
        "There is a child protection enquiry or plan, so the council must agree first."
    ),
}

CATALOGUE = Catalogue(MESSAGES)
say = CATALOGUE.say
