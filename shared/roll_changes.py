"""A school's roll-change notice that says a pupil left with nowhere known to go: the
council must look for the child (Education Act 1996 s436A). forms_app takes the notice
and asks this hook; missing_education answers, opening a case for the pupil tracking
officer. The hook runs inside the transaction that saves the notice, so a notice is never
kept without its case, and the case is never opened for a notice that was not kept:

    @hooks.register(HOOK_NAME)
    def open_case(pupil):  # a PupilLeft
        ...

A function may be given the same notice twice (a retried task, a repeated submit): it
opens one case per notice reference.
"""

from dataclasses import dataclass
from datetime import date

HOOK_NAME = "register_pupil_left_without_destination"


@dataclass(frozen=True)
class PupilLeft:
    reference: str  # the notice's reference (the submission's)
    school_id: int  # portal.School
    first_name: str
    last_name: str
    date_of_birth: date | None
    upn: str  # "" when not given
    left_on: date  # the day the school deleted the pupil from its admission register
    ground: str  # the ground of deletion's code (forms_app.rules.roll_changes)
    ground_label: str  # in words, in the language of the officer's record
    last_address: str  # as the school holds it, lines joined with ", "
    parents: str  # names and how to reach them, as the school gave them
    family_moved: str  # "yes", "no" or "not_known"
    safeguarding: str  # the concerns the school gave, or ""
    submitted_by_id: int | None = None  # the school user who sent the notice
