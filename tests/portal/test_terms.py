"""The council's term dates and England's bank holidays (portal/terms.py)."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.terms import (
    england_bank_holidays,
    in_term,
    is_bank_holiday,
    is_school_day,
    next_school_day,
    next_working_day,
    parse_terms,
    previous_school_day,
    previous_working_day,
    school_weeks,
    working_day,
)

TERMS = parse_terms(
    [
        ("Autumn 2026", [("2026-09-02", "2026-10-23"), ("2026-11-02", "2026-12-18")]),
        ("Spring 2027", [("2027-01-04", "2027-02-12"), ("2027-02-22", "2027-03-25")]),
        ("Summer 2027", [("2027-04-12", "2027-05-28"), ("2027-06-07", "2027-07-21")]),
    ]
)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 12, 25),  # Christmas Day, a Friday
        date(2026, 12, 28),  # Boxing Day fell on the Saturday: the Monday instead
        date(2027, 1, 1),  # New Year's Day
        date(2027, 3, 26),  # Good Friday
        date(2027, 3, 29),  # Easter Monday
        date(2027, 5, 3),  # the early May bank holiday
        date(2027, 5, 31),  # the spring bank holiday
        date(2027, 8, 30),  # the summer bank holiday
        date(2027, 12, 27),  # Christmas Day fell on the Saturday: the Monday instead
        date(2027, 12, 28),  # and Boxing Day on the Sunday: the Tuesday
    ],
)
def test_bank_holidays_are_not_working_days(day):
    assert day.weekday() < 5
    assert is_bank_holiday(day)
    assert not working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 12, 24),  # Christmas Eve
        date(2026, 12, 29),  # the Tuesday after the substitute Boxing Day
        date(2027, 3, 25),  # the Thursday before Good Friday
        date(2027, 3, 30),  # the Tuesday after Easter Monday
        date(2027, 5, 4),
        date(2027, 12, 29),  # after both substitute days
    ],
)
def test_the_days_around_them_are_working_days(day):
    assert not is_bank_holiday(day)
    assert working_day(day)


def test_a_bank_holiday_at_a_weekend_is_a_bank_holiday_but_not_a_working_day_either_way():
    christmas_2027 = date(2027, 12, 25)  # a Saturday
    assert is_bank_holiday(christmas_2027)
    assert not working_day(christmas_2027)
    assert len(england_bank_holidays(2027)) == 10  # 8, and two substitute days


def test_weekends_are_not_working_days():
    assert not working_day(date(2027, 1, 2))  # Saturday
    assert not working_day(date(2027, 1, 3))  # Sunday
    assert working_day(date(2027, 1, 4))


@pytest.mark.parametrize(
    "day, moved_to",
    [
        (date(2026, 12, 24), date(2026, 12, 24)),  # already a working day
        (date(2026, 12, 25), date(2026, 12, 29)),  # Christmas, the weekend, Boxing Day's Monday
        (date(2026, 12, 31), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 1, 4)),  # New Year's Day, then the weekend
        (date(2027, 3, 26), date(2027, 3, 30)),  # Good Friday to the day after Easter Monday
        (date(2027, 12, 25), date(2027, 12, 29)),  # both substitute days passed
    ],
)
def test_next_working_day(day, moved_to):
    assert next_working_day(day) == moved_to


@pytest.mark.parametrize(
    "day, moved_to",
    [
        (date(2026, 12, 24), date(2026, 12, 24)),
        (date(2026, 12, 28), date(2026, 12, 24)),  # Boxing Day's Monday, the weekend, Christmas
        (date(2027, 1, 1), date(2026, 12, 31)),
        (date(2027, 3, 29), date(2027, 3, 25)),  # Easter Monday to the day before Good Friday
        (date(2027, 12, 28), date(2027, 12, 24)),
    ],
)
def test_previous_working_day(day, moved_to):
    assert previous_working_day(day) == moved_to


def test_the_early_may_bank_holiday_inside_a_half_term_is_not_a_school_day():
    may_day = date(2027, 5, 3)  # inside the summer term's first half
    assert TERMS[2].halves[0][0] < may_day < TERMS[2].halves[0][1]
    assert not TERMS[2].is_school_day(may_day)
    assert not is_school_day(may_day, TERMS)
    assert is_school_day(date(2027, 4, 30), TERMS)  # the Friday before
    assert is_school_day(date(2027, 5, 4), TERMS)  # the Tuesday after


def test_term_days_and_holidays():
    assert is_school_day(date(2026, 12, 18), TERMS)  # the last day of the autumn term
    assert not is_school_day(date(2026, 12, 21), TERMS)  # the Christmas holidays
    assert not is_school_day(date(2026, 10, 26), TERMS)  # half term
    assert not is_school_day(date(2026, 9, 5), TERMS)  # a Saturday in term


@pytest.mark.parametrize(
    "day, moved_to",
    [
        (date(2026, 12, 18), date(2026, 12, 18)),
        (date(2026, 12, 19), date(2027, 1, 4)),  # over the Christmas holidays
        (date(2027, 5, 3), date(2027, 5, 4)),  # over the May bank holiday
        (date(2027, 3, 26), date(2027, 4, 12)),  # Good Friday, in the Easter holidays
        (date(2026, 8, 1), date(2026, 9, 2)),  # before the first term known
        (date(2027, 7, 22), None),  # after the last term known
    ],
)
def test_next_school_day(day, moved_to):
    assert next_school_day(day, TERMS) == moved_to


@pytest.mark.parametrize(
    "day, moved_to",
    [
        (date(2027, 5, 3), date(2027, 4, 30)),  # back over the May bank holiday weekend
        (date(2026, 10, 28), date(2026, 10, 23)),  # half term, to the Friday before it
        (date(2027, 1, 2), date(2026, 12, 18)),  # over the Christmas holidays
        (date(2026, 9, 1), None),  # before the first term known
    ],
)
def test_previous_school_day(day, moved_to):
    assert previous_school_day(day, TERMS) == moved_to


def test_in_term_counts_half_term_but_not_the_holidays_between_terms():
    assert in_term(date(2026, 10, 28), TERMS)  # half term
    assert in_term(date(2026, 9, 2), TERMS) and in_term(date(2026, 12, 18), TERMS)
    assert not in_term(date(2026, 12, 24), TERMS)
    assert not in_term(date(2027, 4, 2), TERMS)  # the Easter holidays
    assert not in_term(date(2027, 7, 22), TERMS)


def test_a_week_of_school_days_is_a_school_week_and_a_holiday_week_is_not():
    weeks = school_weeks(TERMS)
    assert date(2027, 5, 3) in weeks  # the May bank holiday week has four school days
    assert date(2026, 10, 26) not in weeks  # half term
    assert date(2026, 12, 21) not in weeks
    assert weeks == sorted(weeks)
    assert all(monday.weekday() == 0 for monday in weeks)


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=date(2026, 8, 1), max_value=date(2027, 7, 31)))
def test_moved_days_are_the_first_fit_on_or_after(day):
    working = next_working_day(day)
    assert working >= day and working_day(working)
    assert all(not working_day(day + timedelta(n)) for n in range((working - day).days))
    school = next_school_day(day, TERMS)
    if school is not None:
        assert school >= day and is_school_day(school, TERMS) and working_day(school)
        assert all(not is_school_day(day + timedelta(n), TERMS) for n in range((school - day).days))
    else:
        assert day > TERMS[-1].ends
    working = previous_working_day(day)
    assert working <= day and working_day(working)
    assert all(not working_day(day - timedelta(n)) for n in range((day - working).days))
    school = previous_school_day(day, TERMS)
    if school is not None:
        assert school <= day and is_school_day(school, TERMS)
        assert all(not is_school_day(day - timedelta(n), TERMS) for n in range((day - school).days))
    else:
        assert day < TERMS[0].starts
