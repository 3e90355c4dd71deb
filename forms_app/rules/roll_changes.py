"""Roll changes: the grounds on which a school deletes a pupil from its admission register,
what each ground asks the school to tell the council, and when a notice is due.

School Attendance (Pupil Registration) (England) Regulations 2024: reg. 9(1) lists the
grounds of deletion for a pupil of compulsory school age; reg. 13 asks the school for a
return to the council when it adds a pupil other than at the start of its youngest year
(by the end of the fifth day after) and when it deletes a pupil. The deadline is counted
in the council's school days (portal.terms), so holidays and bank holidays never count.
Plain Python: the labels are in roll_changes_messages.py."""

from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

DELETION, ADDITION = "deletion", "addition"
# Reg. 13(1): "by the end of the fifth day after the day" the pupil was added. The council
# counts school days, and holds deletion returns to the same five days (local practice:
# the regulation asks for them no later than the deletion itself).
NOTICE_SCHOOL_DAYS = 5
# Reg. 9(1)(i): continuous unauthorised absence of at least 20 school days.
ABSENCE_SCHOOL_DAYS = 20
# A deletion is told no more than a week ahead: a date further on is a mistake, not a plan.
MOST_DAYS_AHEAD = 7

# What a ground asks for besides the pupil's details (each is a step of the journey).
OTHER_SCHOOL = "other_school"
HOME_EDUCATION = "home_education"
MOVED = "moved"
MEDICAL = "medical"
ABSENCE = "absence"
EXCLUSION = "exclusion"


@dataclass(frozen=True)
class Ground:
    code: str  # stored in the notice's answers: never change it
    paragraph: str  # "9(1)(a)"
    needs: tuple = ()  # the extra questions it asks (the names above)
    # Where the pupil goes is known from the ground itself (another school, home, nowhere
    # after a death): the destination question is not asked.
    destination_known: bool = False


GROUNDS = (
    Ground("9_1_a", "9(1)(a)", (OTHER_SCHOOL,), destination_known=True),
    Ground("9_1_b", "9(1)(b)"),
    Ground("9_1_c", "9(1)(c)", destination_known=True),
    Ground("9_1_d", "9(1)(d)", (OTHER_SCHOOL,), destination_known=True),
    Ground("9_1_e", "9(1)(e)", destination_known=True),
    Ground("9_1_f", "9(1)(f)", (HOME_EDUCATION,), destination_known=True),
    Ground("9_1_g", "9(1)(g)", (MOVED,)),
    Ground("9_1_h", "9(1)(h)"),
    Ground("9_1_i", "9(1)(i)", (ABSENCE,)),
    Ground("9_1_j", "9(1)(j)", (MEDICAL,)),
    Ground("9_1_k", "9(1)(k)"),
    Ground("9_1_l", "9(1)(l)", destination_known=True),
    Ground("9_1_m", "9(1)(m)"),
    Ground("9_1_n", "9(1)(n)", (EXCLUSION,)),
    Ground("9_1_o", "9(1)(o)"),
)
BY_CODE = {ground.code: ground for ground in GROUNDS}
HOME_EDUCATION_GROUND = "9_1_f"
ABSENCE_GROUND = "9_1_i"


def ground(code):
    return BY_CODE.get(code)


def needs(code, requirement):
    """Does the ground `code` ask for `requirement`?"""
    found = BY_CODE.get(code)
    return found is not None and requirement in found.needs


def deadline_for(event_day, terms):
    """The last day a notice of a roll change on `event_day` is on time: the fifth school
    day after it. None when the council's term dates do not reach that far."""
    if not terms:
        return None
    # The officers' CSV and the school's list ask this (twice a notice: its deadline, and
    # whether it was late) of thousands of notices that share a few dozen days, and each
    # answer walks the calendar a day at a time: it hangs on the day and the term dates
    # alone (frozen, hashable), so each (day, terms) is counted once.
    return _deadline_for(event_day, tuple(terms))


@lru_cache(maxsize=1024)
def _deadline_for(event_day, terms):
    # Before the first published term nothing is a school day: count from just before it.
    first = min(term.starts for term in terms)
    day, counted = max(event_day, first - timedelta(days=1)), 0
    last = max(term.ends for term in terms)
    while counted < NOTICE_SCHOOL_DAYS:
        day += timedelta(days=1)
        if day > last:
            return None
        if any(term.is_school_day(day) for term in terms):
            counted += 1
    return day


def is_late(sent_on, event_day, terms):
    """Was a notice sent on `sent_on` after its deadline? Never late when the deadline
    cannot be worked out (no term dates published that far)."""
    deadline = deadline_for(event_day, terms)
    return deadline is not None and sent_on > deadline


def school_days_absent(first_day, deleted_on, terms):
    """School days from the first day of absence to the day before the deletion."""
    # None before the first published term: start there (a date in year 1 is not a loop
    # of 700,000 days).
    earliest = min((term.starts for term in terms), default=deleted_on)
    day, count = max(first_day, earliest), 0
    while day < deleted_on:
        count += any(term.is_school_day(day) for term in terms)
        day += timedelta(days=1)
    return count


def deletion_date_problem(deleted_on, born, today):
    """Why a deletion date cannot be right, as a code, or None."""
    if born and deleted_on <= born:
        return "before_birth"
    if deleted_on > today + timedelta(days=MOST_DAYS_AHEAD):
        return "too_far_ahead"
    return None
