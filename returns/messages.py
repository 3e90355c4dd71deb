"""What the rules' findings say, to the school and to the officer."""

from django.utils.translation import gettext_lazy as _

from . import rules

PROBLEM_MESSAGES = {
    "end_required": _("Enter the planned end date"),
    "end_before_start": _("The planned end date must be after the start date"),
    "review_before_start": _("The review date must be on or after the start date"),
    "review_after_end": _("The review date must be on or before the planned end date"),
}

FLAG_MESSAGES = {
    rules.REVIEW_LATE: _("The review is more than 8 weeks after the start"),
    rules.PAST_TWO_TERMS: _("The timetable runs past two terms"),
}
