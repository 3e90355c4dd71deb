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

# What is wrong with the UPN or initials given for a pupil (rules.pupil_identifier).
IDENTIFIER_MESSAGES = {
    "identifier_name": _(
        "Do not give the pupil's name: give their UPN or their initials only (2 or 3 "
        "letters, like A.B.)"
    ),
    "initials_too_few": _("Initials must be 2 or 3 letters, like A.B."),
    "identifier_characters": _(
        "Give the pupil's UPN (13 characters, like H801200001001) or their initials only "
        "(2 or 3 letters, like A.B.)"
    ),
    "upn_length": _("The UPN must be 13 characters, like H801200001001"),
    "upn_format": _("The UPN must be a letter, then 11 numbers, then a number or a letter"),
    "upn_check_letter": _(
        "This is not a valid UPN: check each character against the pupil's record"
    ),
}
