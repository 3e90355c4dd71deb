"""Every child employment limit at, below and above its bound, by age. A breach is a code
and the facts its message names; the words are the catalogue's (employment_messages). By
hypothesis: lawful school days always pass, too long before school or into school hours never."""

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms_app.rules.employment import (
    DayKind,
    EmploymentLimits,
    Shift,
    WorkDay,
    age_on,
    check_age,
    check_job,
    check_week,
)
from forms_app.rules.employment_messages import say

SCHOOL = {"school_start": time(8, 45), "school_end": time(15, 15)}


def rules(breaches):
    return [breach.code for breach in breaches]


def day(kind, *shifts, name="Day", **extra):
    return WorkDay(name, kind, tuple(Shift(time(*a), time(*b)) for a, b in shifts), **extra)


def school_day(*shifts):
    return day(DayKind.SCHOOL_DAY, *shifts, name="Monday", **SCHOOL)


def test_age_on_the_start_date():
    assert age_on(date(2012, 6, 1), date(2026, 5, 31)) == 13
    assert age_on(date(2012, 6, 1), date(2026, 6, 1)) == 14


@pytest.mark.parametrize(
    "age, light_work, found",
    [
        (12, True, ["too_young"]),
        (13, False, ["light_work_only"]),
        (13, True, []),
        (14, False, []),
        (15, False, []),
    ],
)
def test_minimum_age(age, light_work, found):
    born = date(2010, 6, 1)
    assert rules(check_age(born, date(2010 + age, 6, 1), light_work)) == found


def test_too_young_names_the_day_the_child_turns_13():
    [breach] = check_age(date(2012, 6, 1), date(2025, 5, 31), light_work=True)
    assert breach.params == {"age": 12, "youngest": 13, "birthday": date(2025, 6, 1)}
    assert "enter a start date on or after 1 June 2025, when they turn 13" in say(breach)
    [leap] = check_age(date(2012, 2, 29), date(2025, 1, 1), light_work=True)
    assert leap.params["birthday"] == date(2025, 3, 1)


def test_at_13_only_light_work():
    [breach] = check_age(date(2012, 6, 1), date(2025, 6, 1), light_work=False)
    assert breach.params == {"age": 13, "minimum": 14}
    assert say(breach).startswith("A child of 13 may only do light work")


def test_prohibited_work_is_refused_and_ordinary_work_allowed():
    assert rules(check_job("commercial_kitchen")) == ["prohibited_job"]
    assert check_job("newspaper_delivery") == []


@pytest.mark.parametrize("start, ok", [((6, 59), False), ((7, 0), True), ((7, 1), True)])
def test_earliest_start_is_7am(start, ok):
    breaches = check_week([day(DayKind.SATURDAY, (start, (9, 0)))], 14, term_time=False)
    assert ("earliest" in rules(breaches)) is not ok


@pytest.mark.parametrize("end, ok", [((18, 59), True), ((19, 0), True), ((19, 1), False)])
def test_latest_finish_is_7pm(end, ok):
    breaches = check_week([day(DayKind.SATURDAY, ((17, 0), end))], 14, term_time=False)
    assert ("latest" in rules(breaches)) is not ok


def test_latest_finish_moves_with_the_settings():
    later = EmploymentLimits(latest=time(20, 0))
    shift = day(DayKind.SATURDAY, ((17, 0), (19, 30)))
    assert "latest" in rules(check_week([shift], 14, term_time=False))
    assert "latest" not in rules(check_week([shift], 14, term_time=False, limits=later))
    [breach] = check_week([day(DayKind.SATURDAY, ((18, 0), (20, 30)))], 14, False, later)
    assert breach.code == "latest" and breach.params["latest"] == time(20, 0)
    assert "may not work after 8pm" in say(breach)


@pytest.mark.parametrize("end, ok", [((17, 59), True), ((18, 0), True), ((18, 1), False)])
def test_two_hours_on_a_school_day(end, ok):
    breaches = check_week([school_day(((16, 0), end))], 14, term_time=True)
    assert ("school_day_hours" in rules(breaches)) is not ok


def test_no_work_in_school_hours():
    breaches = check_week([school_day(((12, 0), (13, 0)))], 14, term_time=True)
    assert "school_hours" in rules(breaches)
    assert "school_hours" not in rules(check_week([school_day(((15, 15), (16, 0)))], 14, True))


@pytest.mark.parametrize(
    "shifts, ok",
    [
        ([((7, 0), (8, 0))], True),  # an hour, ending 45 minutes before the bell
        ([((7, 45), (8, 45))], True),  # an hour, ending as school starts
        ([((7, 0), (8, 1))], False),  # an hour and a minute
        ([((7, 0), (8, 30))], False),  # an hour and a half
        ([((6, 45), (7, 15)), ((7, 30), (8, 15))], False),  # two periods adding up to 1h15
        ([((7, 0), (7, 30)), ((8, 0), (8, 30))], True),  # two half hours
    ],
)
def test_at_most_one_hour_worked_before_school(shifts, ok):
    breaches = check_week([school_day(*shifts)], 14, term_time=True)
    assert ("before_school" in rules(breaches)) is not ok
    assert "school_hours" not in rules(breaches)


def test_work_running_into_school_hours_is_refused_as_such():
    breaches = check_week([school_day(((7, 30), (8, 50)))], 14, term_time=True)
    assert "school_hours" in rules(breaches)
    assert "before_school" not in rules(breaches)


@pytest.mark.parametrize("hours, ok", [(11, True), (12, True), (13, False)])
def test_twelve_hours_in_a_school_week(hours, ok):
    # Saturdays count towards the school week; spread the hours over weekdays and Saturday.
    weekdays = [school_day(((16, 0), (18, 0))) for _ in range(4)]  # 8 hours
    saturday = day(DayKind.SATURDAY, ((9, 0), (9 + hours - 8, 0)))
    breaches = check_week([*weekdays, saturday], 14, term_time=True)
    assert ("school_week_hours" in rules(breaches)) is not ok


@pytest.mark.parametrize("end, ok", [((10, 59), True), ((11, 0), True), ((11, 1), False)])
def test_two_hours_on_a_sunday(end, ok):
    breaches = check_week([day(DayKind.SUNDAY, ((9, 0), end))], 14, term_time=False)
    assert ("sunday_hours" in rules(breaches)) is not ok


def test_sunday_rule_can_be_switched_off():
    limits = EmploymentLimits(sunday_hours=None)
    sunday = day(DayKind.SUNDAY, ((9, 0), (12, 0)))
    assert "sunday_hours" not in rules(check_week([sunday], 14, False, limits))
    assert "other_day_hours" not in rules(check_week([sunday], 14, False, limits))


@pytest.mark.parametrize(
    "age, hours, ok",
    [(14, 4, True), (14, 5, True), (14, 6, False), (15, 7, True), (15, 8, True), (15, 9, False)],
)
def test_saturday_and_holiday_day_limits_by_age(age, hours, ok):
    # Stretches of at most 4 hours with an hour's break between, so the break rule is kept.
    shifts, start, left = [], 7, hours
    while left:
        stretch = min(left, 4)
        shifts.append(((start, 0), (start + stretch, 0)))
        start, left = start + stretch + 1, left - stretch
    for kind in (DayKind.SATURDAY, DayKind.HOLIDAY):
        breaches = check_week([day(kind, *shifts)], age, term_time=False)
        assert ("other_day_hours" in rules(breaches)) is not ok
        assert "break" not in rules(breaches)


@pytest.mark.parametrize(
    "age, hours, ok",
    [
        (14, 24, True),
        (14, 25, True),
        (14, 26, False),
        (15, 34, True),
        (15, 35, True),
        (15, 36, False),
    ],
)
def test_holiday_week_limits_by_age(age, hours, ok):
    whole, rest = divmod(hours, 4)
    days = [day(DayKind.HOLIDAY, ((9, 0), (13, 0))) for _ in range(whole)]
    if rest:
        days.append(day(DayKind.HOLIDAY, ((9, 0), (9 + rest, 0))))
    breaches = check_week(days, age, term_time=False)
    assert ("holiday_week_hours" in rules(breaches)) is not ok


@pytest.mark.parametrize(
    "shifts, ok",
    [
        ([((9, 0), (13, 0))], True),  # exactly 4 hours
        ([((9, 0), (13, 1))], False),  # over 4 hours without a break
        ([((9, 0), (13, 0)), ((14, 0), (15, 0))], True),  # an hour's break
        ([((9, 0), (13, 0)), ((13, 30), (14, 30))], False),  # only half an hour
    ],
)
def test_a_break_after_four_hours(shifts, ok):
    breaches = check_week([day(DayKind.HOLIDAY, *shifts)], 15, term_time=False)
    assert ("break" in rules(breaches)) is not ok


def test_each_breach_names_its_rule_once():
    breaches = check_week([school_day(((6, 0), (8, 45)), ((12, 0), (13, 0)))], 14, True)
    found = rules(breaches)
    assert {"earliest", "before_school", "school_hours", "school_day_hours"} <= set(found)
    assert len(found) == len(set(breaches))
    assert all(breach.params["day"] == "Monday" for breach in breaches)
    assert all(say(breach).startswith("Monday: ") for breach in breaches)


def test_end_before_start_is_its_own_error():
    assert rules(check_week([day(DayKind.SATURDAY, ((10, 0), (9, 0)))], 14, False)) == [
        "shift_order"
    ]


# --- by hypothesis: school days and their hours ---------------------------------------------


def at(minutes):
    return time(minutes // 60, minutes % 60)


@st.composite
def lawful_school_days(draw):
    """Up to an hour before school (ending by the bell, starting at 7am or later) and up to
    the rest of the day's two hours after school, ending by 7pm."""
    school_start = draw(st.integers(min_value=8 * 60, max_value=9 * 60))
    before = draw(st.integers(min_value=0, max_value=60))
    end = draw(st.integers(min_value=7 * 60 + before, max_value=school_start))
    after_start = draw(st.integers(min_value=15 * 60 + 15, max_value=17 * 60))
    after = draw(st.integers(min_value=0, max_value=min(120 - before, 19 * 60 - after_start)))
    shifts = []
    if before:
        shifts.append(((end - before) // 60, (end - before) % 60, end))
    if after:
        shifts.append((after_start // 60, after_start % 60, after_start + after))
    day = WorkDay(
        "Monday",
        DayKind.SCHOOL_DAY,
        tuple(Shift(time(h, m), at(finish)) for h, m, finish in shifts),
        school_start=at(school_start),
        school_end=time(15, 15),
    )
    return day


@settings(max_examples=40, deadline=None)
@given(lawful_school_days())
def test_a_lawful_school_day_is_always_accepted(day):
    assert check_week([day], 14, term_time=True) == []


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=8 * 60, max_value=9 * 60),
    st.integers(min_value=61, max_value=100),
    st.integers(min_value=0, max_value=30),
)
def test_more_than_an_hour_before_school_is_always_refused(school_start, worked, early):
    end = school_start - early
    day = WorkDay(
        "Monday",
        DayKind.SCHOOL_DAY,
        (Shift(at(end - worked), at(end)),),
        school_start=at(school_start),
        school_end=time(15, 15),
    )
    found = [breach for breach in check_week([day], 14, True) if breach.code == "before_school"]
    assert found
    assert say(found[0]).startswith("Monday: a child may work for at most 1 hour in all before")


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=8 * 60, max_value=9 * 60), st.integers(min_value=1, max_value=60))
def test_work_past_the_bell_is_always_refused_as_school_hours(school_start, past):
    day = WorkDay(
        "Monday",
        DayKind.SCHOOL_DAY,
        (Shift(at(school_start - 30), at(school_start + past)),),
        school_start=at(school_start),
        school_end=time(15, 15),
    )
    found = rules(check_week([day], 14, True))
    assert "school_hours" in found and "before_school" not in found
