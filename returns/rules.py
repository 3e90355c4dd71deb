"""The rules for a pupil on a reduced (part-time) timetable, as a council's return asks.

DfE, Working together to improve school attendance (2024): a reduced timetable is
temporary, agreed with the parent, reviewed regularly and has a clear end date. Local
practice: a review within 6-8 weeks of the start, and no timetable running past two terms
without the council knowing. Plain functions, no Django: they read like the rule.
"""

from dataclasses import dataclass
from datetime import timedelta

from shared import upn

REVIEW_WITHIN = timedelta(weeks=8)

# Flags: things the officer should look at. They do not stop a school making its return.
REVIEW_LATE = "review_late"
PAST_TWO_TERMS = "past_two_terms"


@dataclass(frozen=True)
class Problem:
    field: str  # the answer that is wrong
    code: str


def problems(starts_on, review_on, ends_on):
    """What makes the dates impossible: the school must correct these (errors)."""
    found = []
    if ends_on is None:
        found.append(Problem("ends_on", "end_required"))
    elif starts_on and ends_on <= starts_on:
        found.append(Problem("ends_on", "end_before_start"))
    if review_on and starts_on and review_on < starts_on:
        found.append(Problem("review_on", "review_before_start"))
    elif review_on and ends_on and starts_on and ends_on > starts_on and review_on > ends_on:
        found.append(Problem("review_on", "review_after_end"))
    return found


def review_is_late(starts_on, review_on):
    return review_on - starts_on > REVIEW_WITHIN


def two_terms_end(starts_on, terms):
    """The last day a timetable starting on `starts_on` may run without passing two
    terms: the end of the term after the one the start falls in (a start in a holiday
    counts from the next term). None when the council's term dates do not reach that far."""
    for index, term in enumerate(terms):
        if starts_on <= term.ends:
            following = index + 1
            return terms[following].ends if following < len(terms) else None
    return None


def runs_past_two_terms(starts_on, ends_on, terms):
    last_day = two_terms_end(starts_on, terms)
    return last_day is not None and ends_on > last_day


def flags(starts_on, review_on, ends_on, terms):
    """The flags for one pupil's dates (assumes problems() found none)."""
    found = []
    if review_is_late(starts_on, review_on):
        found.append(REVIEW_LATE)
    if runs_past_two_terms(starts_on, ends_on, terms):
        found.append(PAST_TWO_TERMS)
    return found


def review_overdue(review_on, today):
    return review_on < today


def response_rate(returned, nil, total):
    """Share of schools that have made their return (a nil return counts), in percent."""
    return round(100 * (returned + nil) / total) if total else 0


# --- the pupil, named by a UPN or initials only -------------------------------------------
# The return names no pupil: officers follow a pupil from one return to the next by the
# UPN (DfE, "Unique Pupil Numbers (UPN): A guide for schools and local authorities": its
# check letter, shared/upn.py) or by initials, and governors read the return beside the
# reason. Collecting only what the purpose needs is UK GDPR article 5(1)(c).
INITIALS = range(2, 4)  # 2 or 3 letters


def pupil_identifier(value):
    """(the identifier as stored, None) for a valid UPN or initials, else (the value
    tidied, the problem's code). A UPN is stored upper case without spaces; initials as
    letters each followed by a full stop, "A.B."."""
    compact = upn.normalise(value)
    if any(character.isdigit() for character in compact):
        return compact, upn.problem(compact)
    letters = compact.replace(".", "")
    if not letters.isalpha():
        return compact, "identifier_characters"
    if len(letters) > INITIALS[-1]:
        return compact, "identifier_name"
    if len(letters) < INITIALS[0]:
        return compact, "initials_too_few"
    return "".join(f"{letter}." for letter in letters), None


# --- late returns -----------------------------------------------------------------------
# Local practice: the council needs a return, a nil one included, from every school, so a
# late one is better than none. After the due date a school that has not made its return
# can still make and send it, marked late: until the date the officers set (late_until),
# or, with none set, until the next period opens and the school's work moves to that one.
# A return already made is changed after the due date by the officers, as before.


def takes_late_returns(today, due_on, late_until, later_period_opened):
    if today <= due_on:
        return False
    if late_until is not None:
        return today <= late_until
    return not later_period_opened


def sent_late(sent_on, due_on):
    return sent_on > due_on


# --- what governors see -----------------------------------------------------------------
# Governors hold the school to account for its use of reduced timetables (DfE, Working
# together to improve school attendance, 2024: the governing body's role); counts do that,
# and a governor needs no pupil's identifier for it.


def counts_for_governors(pupils, today):
    """How many pupils, by reason, and how many need attention. `pupils` have the
    ReturnPupil fields reason, review_on, review_late, past_two_terms, parental_agreement."""
    pupils = list(pupils)
    by_reason = {}
    for pupil in pupils:
        by_reason[pupil.reason] = by_reason.get(pupil.reason, 0) + 1
    return {
        "total": len(pupils),
        "by_reason": by_reason,
        "review_overdue": sum(review_overdue(pupil.review_on, today) for pupil in pupils),
        "review_late": sum(pupil.review_late for pupil in pupils),
        "past_two_terms": sum(pupil.past_two_terms for pupil in pupils),
        "no_agreement": sum(not pupil.parental_agreement for pupil in pupils),
    }
