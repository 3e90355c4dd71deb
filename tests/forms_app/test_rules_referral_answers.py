"""The referral's answers that must make sense together: the possible sessions against the
school days in the council's term dates, and the year group against the date of birth."""

from datetime import date, timedelta

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from forms_app.rules.attendance import (
    SESSIONS_PER_DAY,
    outside_age_group,
    period_outside_terms,
    possible_sessions_problem,
    school_year_cutoff,
    year_by_age,
    year_group_problem,
)
from forms_app.rules.attendance_messages import say
from forms_app.rules.findings import Finding
from portal.terms import council_terms, parse_terms, published_span, school_days

# One school year of terms, Monday 1 September 2025 to Friday 17 July 2026.
TERMS = parse_terms(
    [
        ("Autumn", [("2025-09-03", "2025-10-24"), ("2025-11-03", "2025-12-19")]),
        ("Spring", [("2026-01-05", "2026-02-13"), ("2026-02-23", "2026-03-27")]),
        ("Summer", [("2026-04-13", "2026-05-22"), ("2026-06-01", "2026-07-17")]),
    ]
)
FAST = settings(max_examples=40, deadline=None)

# --- school days and possible sessions --------------------------------------------------


def test_school_days_counts_term_weekdays_only():
    assert school_days(date(2025, 9, 1), date(2025, 9, 7), TERMS) == 3  # Wed to Fri
    assert school_days(date(2025, 10, 25), date(2025, 11, 2), TERMS) == 0  # half term
    assert school_days(date(2025, 9, 3), date(2025, 9, 3), TERMS) == 1
    assert school_days(date(2025, 9, 4), date(2025, 9, 3), TERMS) == 0  # last before first


def test_the_brief_example_in_the_councils_terms():
    first, last = date(2025, 9, 1), date(2025, 10, 24)
    days = school_days(first, last, council_terms())
    assert days == 38
    assert possible_sessions_problem(76, days, first, last) is None  # exactly 2 a day
    problem = possible_sessions_problem(77, days, first, last)  # one more
    assert problem == Finding(
        "possible_above_school_days", {"days": 38, "first": first, "last": last, "most": 76}
    )
    assert say(problem) == (
        "There are 38 school days from 1 September 2025 to 24 October 2025 in the "
        "council's term dates. A school day has 2 sessions, so there can be at most 76 "
        "possible sessions"
    )


def test_sessions_at_below_and_above_the_bound():
    first, last = date(2025, 9, 8), date(2025, 9, 12)
    days = school_days(first, last, TERMS)
    assert days == 5
    assert possible_sessions_problem(9, days, first, last) is None
    assert possible_sessions_problem(10, days, first, last) is None
    assert possible_sessions_problem(11, days, first, last).params["most"] == 10
    # No school days at all: not one possible session.
    assert possible_sessions_problem(1, 0, first, last).params["most"] == 0


def test_a_period_outside_the_published_term_dates():
    span = published_span(TERMS)
    assert span == (date(2025, 9, 1), date(2026, 8, 31))  # the school year, summers too
    assert period_outside_terms(date(2025, 9, 1), date(2026, 8, 31), span) is None
    outside = period_outside_terms(date(2025, 8, 31), date(2025, 10, 1), span)
    assert outside == Finding("period_outside_terms", {"from": span[0], "to": span[1]})
    assert (
        "outside the term dates the council has published, which cover 1 September 2025 to 31 August 2026"
        in say(outside)
    )
    assert period_outside_terms(date(2026, 6, 1), date(2026, 9, 1), span) is not None
    assert period_outside_terms(date(2025, 8, 1), date(2025, 8, 2), None) is None  # no terms


def brute_school_days(first, last):
    """Counted day by day from the term dates and the holidays package itself."""
    bank_holidays = holidays.country_holidays("GB", subdiv="ENG", years=range(2025, 2027))
    days, day = 0, first
    while day <= last:
        in_term = any(a <= day <= b for term in TERMS for a, b in term.halves)
        days += day.weekday() < 5 and in_term and day not in bank_holidays
        day += timedelta(days=1)
    return days


periods = st.tuples(
    st.dates(date(2025, 9, 1), date(2026, 8, 31)), st.integers(min_value=0, max_value=120)
).map(lambda pair: (pair[0], min(pair[0] + timedelta(days=pair[1]), date(2026, 8, 31))))


@FAST
@given(period=periods, extra=st.integers(min_value=1, max_value=50))
def test_property_sessions_up_to_two_a_school_day_and_never_more(period, extra):
    first, last = period
    days = school_days(first, last, TERMS)
    assert days == brute_school_days(first, last)
    most = SESSIONS_PER_DAY * days
    for possible in range(max(1, most - 3), most + 1):
        assert possible_sessions_problem(possible, days, first, last) is None
    problem = possible_sessions_problem(most + extra, days, first, last)
    assert problem.code == "possible_above_school_days"
    assert f"There are {days} school days" in say(problem)
    assert f"at most {most} possible sessions" in say(problem)


# --- the year group ---------------------------------------------------------------------

TODAY = date(2026, 12, 3)  # the school year from 1 September 2026: cutoff 31 August 2026


def test_the_cutoff_is_the_31_august_before_the_school_year():
    assert school_year_cutoff(date(2026, 9, 1)) == date(2026, 8, 31)
    assert school_year_cutoff(date(2026, 8, 31)) == date(2025, 8, 31)
    assert school_year_cutoff(date(2027, 1, 10)) == date(2026, 8, 31)


def test_birthdays_on_31_august_and_1_september():
    # Born 31 August 2021: 5 on the cutoff, so Year 1, the youngest in it.
    assert year_by_age(date(2021, 8, 31), TODAY) == (5, 1)
    # Born a day later: 4 on the cutoff, so Reception, the oldest in it.
    assert year_by_age(date(2021, 9, 1), TODAY) == (4, 0)
    assert year_group_problem(date(2021, 8, 31), 1, TODAY, False) is None
    assert year_group_problem(date(2021, 9, 1), 0, TODAY, False) is None
    wrong = year_group_problem(date(2021, 9, 1), 1, TODAY, False)
    assert wrong.code == "year_group_not_age_group"
    assert say(wrong).startswith(
        "By this date of birth the pupil was 4 on 31 August 2026, so their age group is "
        "Reception, not Year 1."
    )


def test_each_age_to_its_year():
    for age, year in [(4, 0), (5, 1), (10, 6), (15, 11), (16, 12), (17, 13)]:
        born = date(2026 - age, 6, 1)
        assert year_by_age(born, TODAY) == (age, year)
        assert year_group_problem(born, year, TODAY, False) is None


def test_outside_the_age_group_only_with_a_reason():
    born = date(2020, 7, 20)  # summer born: Year 2 by age
    assert year_group_problem(born, 1, TODAY, False).params["expected"] == 2
    assert year_group_problem(born, 1, TODAY, True) is None  # the school said why
    found = outside_age_group(born, 1, TODAY, "Started Reception a year late")
    assert say(found) == (
        "Taught outside their age group: in Year 1, where their age puts them in Year 2. "
        "The school says: Started Reception a year late"
    )
    assert outside_age_group(born, 2, TODAY, "") is None


def test_too_young_for_reception_is_refused_whatever_the_reason():
    found = year_group_problem(date(2022, 9, 1), 0, TODAY, True)
    assert found.code == "too_young_for_reception"
    assert "too young for Reception this school year" in say(found)


def test_older_than_year_13():
    found = year_group_problem(date(2007, 6, 1), 13, TODAY, False)
    assert "so their age group is beyond Year 13, not Year 13" in say(found)


cohort_years = st.integers(min_value=2007, max_value=2021)


@FAST
@given(
    start=cohort_years,
    offset=st.integers(min_value=0, max_value=365),
    today=st.dates(date(2025, 1, 1), date(2028, 12, 31)),
    given_year=st.integers(min_value=0, max_value=13),
    reason=st.booleans(),
)
def test_property_a_cohort_runs_1_september_to_31_august(start, offset, today, given_year, reason):
    # Everyone born from 1 September to the next 31 August is in one year group.
    first = date(start, 9, 1)
    born = min(first + timedelta(days=offset), date(start + 1, 8, 31))
    age, year = year_by_age(born, today)
    assert (age, year) == year_by_age(first, today) == year_by_age(date(start + 1, 8, 31), today)
    assert year_by_age(date(start + 1, 9, 1), today)[1] == year - 1
    problem = year_group_problem(born, given_year, today, reason)
    if year < 0:
        assert problem.code == "too_young_for_reception"
    elif given_year == year or reason:
        assert problem is None
    else:
        assert problem.code == "year_group_not_age_group"
        assert f"the pupil was {age} on 31 August" in say(problem)
