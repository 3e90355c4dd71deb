"""The rules for a pupil on a reduced (part-time) timetable, as a council's return asks.

DfE, Working together to improve school attendance (2024): a reduced timetable is
temporary, agreed with the parent, reviewed regularly and has a clear end date. Local
practice: a review within 6-8 weeks of the start, and no timetable running past two terms
without the council knowing. Plain functions, no Django: they read like the rule.
"""

from dataclasses import dataclass
from datetime import timedelta

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
