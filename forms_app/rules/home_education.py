"""Elective home education: when the council's consent is needed to take a child off roll.

Education (Pupil Registration) (England) Regulations 2006 reg. 9: consent is needed only
when the child attends a special school under arrangements made by the council, or is
under a school attendance order. The Children's Wellbeing and Schools Act 2026 adds a live
section 47 enquiry or child protection plan; that is switched on by a setting when it
comes into force (`wellbeing_act_in_force`)."""

from .findings import Finding


def consent_reasons(
    special_school_placed_by_council,
    school_attendance_order,
    child_protection,
    wellbeing_act_in_force=False,
):
    """Why the council's consent is needed before the school may take the child off roll
    (an empty list: no consent needed). Words: home_education_messages.py."""
    reasons = []
    if special_school_placed_by_council:
        reasons.append(Finding("special_school"))
    if school_attendance_order:
        reasons.append(Finding("attendance_order"))
    if wellbeing_act_in_force and child_protection:
        reasons.append(Finding("child_protection"))
    return reasons
