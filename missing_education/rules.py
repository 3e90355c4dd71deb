"""The rules of a children missing education case, as plain functions.

- A next step is due on its due date and overdue the day after, until the case closes.
- A school may remove a pupil who has been continuously absent without authorisation
  for 20 school days, once the school and the council have both made reasonable
  enquiries (Pupil Registration Regulations 2006 reg 9(1)(h)(iii); DfE statutory
  guidance "Children missing education", 2024, paragraphs on deletion from the roll).
"""

from datetime import timedelta

from portal.terms import next_school_day

ABSENCE_SCHOOL_DAYS = 20  # reg 9(1)(h)(iii)


def is_due(status, due_on, today, closed="closed"):
    """A next step is due (or overdue) from its due date while the case is open."""
    return due_on is not None and status != closed and due_on <= today


def is_overdue(status, due_on, today, closed="closed"):
    return due_on is not None and status != closed and due_on < today


def removal_allowed_from(absent_since, terms):
    """The first school day after 20 school days of continuous unauthorised absence from
    `absent_since`; None when the council's term dates do not reach that far."""
    day = next_school_day(absent_since, terms)
    for _counted in range(ABSENCE_SCHOOL_DAYS):
        if day is None:
            return None
        day = next_school_day(day + timedelta(days=1), terms)
    return day
