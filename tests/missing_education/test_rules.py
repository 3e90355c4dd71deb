"""Due and overdue next steps, and when a school may remove a pupil from its roll (20
school days of continuous unauthorised absence: the council's term dates count)."""

from datetime import date

from missing_education.rules import is_due, is_overdue, removal_allowed_from
from portal.terms import parse_terms

TODAY = date(2026, 3, 10)
TERMS = parse_terms([("Spring 2026", [("2026-01-05", "2026-02-13"), ("2026-02-23", "2026-03-27")])])


def test_due_on_its_day_and_overdue_after():
    assert not is_due("open", date(2026, 3, 11), TODAY)
    assert is_due("open", TODAY, TODAY) and not is_overdue("open", TODAY, TODAY)
    assert is_due("enquiries", date(2026, 3, 9), TODAY)
    assert is_overdue("enquiries", date(2026, 3, 9), TODAY)


def test_a_closed_case_or_no_date_is_never_due():
    assert not is_due("closed", date(2026, 3, 1), TODAY)
    assert not is_overdue("closed", date(2026, 3, 1), TODAY)
    assert not is_due("open", None, TODAY) and not is_overdue("open", None, TODAY)


def test_removal_after_twenty_school_days():
    # Monday 5 January: 20 school days are 5 Jan to 30 Jan; the 21st is Monday 2 Feb.
    assert removal_allowed_from(date(2026, 1, 5), TERMS) == date(2026, 2, 2)


def test_the_half_term_holiday_is_not_counted():
    # From Monday 2 February: 10 days to 13 Feb, the holiday week, then 10 more to 6 March.
    assert removal_allowed_from(date(2026, 2, 2), TERMS) == date(2026, 3, 9)


def test_past_the_term_dates_known_there_is_no_answer():
    assert removal_allowed_from(date(2026, 3, 16), TERMS) is None
