"""Home education (rules/home_education.py): the child's age, the day they came off roll,
and why the council must agree before a child is taken off roll."""

from django.utils.translation import gettext_lazy as _

from shared import times

from .messages import Catalogue

MESSAGES = {
    "special_school": _("The child attends a special school placed by the council."),
    "attendance_order": _("The child is under a school attendance order."),
    "child_protection": _(
        "There is a child protection enquiry or plan, so the council must agree first."
    ),
}

# Said to the parent, by the question they answered.
MESSAGES |= {
    "below_school_age": _(
        "The child is not of compulsory school age until %(starts)s, after this school year. "
        "It starts on the first 31 December, 31 March or 31 August on or after their 5th "
        "birthday"
    ),
    "past_school_age": _(
        "The child stopped being of compulsory school age on %(ended)s, the last Friday in "
        "June of the school year they turned 16. Check the date of birth"
    ),
    "off_roll_in_future": _(
        "The date the child was taken off the school's roll must be today or in the past"
    ),
    "off_roll_before_4": _(
        "The date the child was taken off the school's roll must be the same as or after "
        "%(fourth_birthday)s, when they turned 4"
    ),
}

CATALOGUE = Catalogue(
    MESSAGES,
    readings=dict.fromkeys(("starts", "ended", "fourth_birthday"), times.day),
)
say = CATALOGUE.say
