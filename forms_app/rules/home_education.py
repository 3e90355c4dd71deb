"""Elective home education: whether the child is of compulsory school age, when they
can have been taken off a school's roll, and when the council's consent is needed.

Education (Pupil Registration) (England) Regulations 2006 reg. 9: consent is needed only
when the child attends a special school under arrangements made by the council, or is
under a school attendance order. The Children's Wellbeing and Schools Act 2026 adds a live
section 47 enquiry or child protection plan; that is switched on by a setting when it
comes into force (`wellbeing_act_in_force`)."""

from datetime import date, timedelta

from .employment import birthday
from .findings import Finding

# The Education (Start of Compulsory School Age) Order 1998: the prescribed days, as
# (month, day), on the first of which on or after their 5th birthday a child reaches
# compulsory school age (Education Act 1996 s8(2)).
PRESCRIBED_DAYS = ((3, 31), (8, 31), (12, 31))
FRIDAY = 4
# The school year runs from the first term to begin after July (Education Act 1996
# s579(1)): taken as from 1 September.
SCHOOL_YEAR_STARTS = (9, 1)
# A child is not taken off a school's roll before they are 4: schools admit children in
# the September after their 4th birthday (School Admissions Code 2021, para 2.17); a
# younger child in a nursery class is not of an age to be home educated instead.
YOUNGEST_ON_A_ROLL = 4


def compulsory_school_age_starts(born):
    """The first prescribed day on or after the 5th birthday: the day itself, when the
    birthday is one (the 1998 Order, art. 2)."""
    fifth = birthday(born, 5)
    return min(
        date(year, month, day)
        for year in (fifth.year, fifth.year + 1)
        for month, day in PRESCRIBED_DAYS
        if date(year, month, day) >= fifth
    )


def school_leaving_date(year):
    """The last Friday in June (Education (School Leaving Date) Order 1997)."""
    end_of_june = date(year, 6, 30)
    return end_of_june - timedelta(days=(end_of_june.weekday() - FRIDAY) % 7)


def compulsory_school_age_ends(born):
    """The last day of compulsory school age (Education Act 1996 s8(3)): the school
    leaving date of the school year in which the child turns 16. A 16th birthday from
    1 September on is in the next school year, so the next year's leaving date."""
    sixteenth = birthday(born, 16)
    turns_16_in_next_school_year = (sixteenth.month, sixteenth.day) >= SCHOOL_YEAR_STARTS
    return school_leaving_date(sixteenth.year + turns_16_in_next_school_year)


def end_of_school_year(today):
    """31 August of the school year `today` is in."""
    year = today.year + ((today.month, today.day) >= SCHOOL_YEAR_STARTS)
    return date(year, 8, 31)


def school_age_problem(born, today):
    """Can the council be told of this child's home education? Only a child of compulsory
    school age, or one who reaches it this school year, must be educated (Education Act
    1996 s7), so only their parents need tell the council. A Finding when not; else None."""
    ends = compulsory_school_age_ends(born)
    if today > ends:
        return Finding("past_school_age", {"ended": ends})
    starts = compulsory_school_age_starts(born)
    if starts > end_of_school_year(today):
        return Finding("below_school_age", {"starts": starts})
    return None


def off_roll_problem(off_roll, born, today):
    """The day the child was taken off a school's roll: not after today (the school takes
    the child off once it has the parent's written notice of home education, a ground for
    deletion in the School Attendance (Pupil Registration) (England) Regulations 2024, and
    tells the council), and not before the child was 4 (YOUNGEST_ON_A_ROLL).
    `born` may be None when the child's date of birth is not known yet."""
    if off_roll > today:
        return Finding("off_roll_in_future")
    youngest = born and birthday(born, YOUNGEST_ON_A_ROLL)
    if youngest and off_roll < youngest:
        return Finding("off_roll_before_4", {"fourth_birthday": youngest})
    return None


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
