"""The hours at the place of performance (rules/performance.py): every limit in
PerformanceLimits at, below and above its bound, each age band from the birthday, and, by
hypothesis, every lawful schedule accepted and each kind of unlawful one refused."""

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms_app.rules.performance import (
    PerformanceDay,
    PerformanceLimits,
    age_on,
    band_for,
    check_days,
    days_from,
    night_work,
)
from forms_app.rules.performance_messages import say

LIMITS = PerformanceLimits()
BORN = date(2018, 6, 15)  # 8 on 15 June 2026, 9 on 15 June 2027
ON = date(2026, 12, 12)  # aged 8


def a_day(on=ON, arrives=(10, 0), leaves=(13, 0), performing=60, longest=30, meal=0, rests=0):
    return PerformanceDay(on, time(*arrives), time(*leaves), performing, longest, meal, rests)


def codes(days, born=BORN):
    return [finding.code for finding in check_days(days, born)]


def born_aged(age, on=ON):
    return date(on.year - age, on.month, on.day)


# --- the bands ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "age, earliest, latest, at_place, performing, continuous",
    [
        (0, time(7), time(22), 5, 2, 30),
        (4, time(7), time(22), 5, 2, 30),
        (5, time(7), time(23), 8, 3, 150),
        (8, time(7), time(23), 8, 3, 150),
        (9, time(7), time(23), 9.5, 5, 150),
        (15, time(7), time(23), 9.5, 5, 150),
    ],
)
def test_each_age_has_its_band(age, earliest, latest, at_place, performing, continuous):
    band = band_for(age)
    assert (band.earliest, band.latest) == (earliest, latest)
    assert (band.hours_at_place, band.hours_performing, band.continuous_minutes) == (
        at_place,
        performing,
        continuous,
    )


@pytest.mark.parametrize("birthday_age", [5, 9])
def test_the_band_changes_on_the_birthday_not_the_day_before(birthday_age):
    born = date(2016, 3, 10)
    birthday = date(born.year + birthday_age, 3, 10)
    assert age_on(born, birthday - timedelta(days=1)) == birthday_age - 1
    assert age_on(born, birthday) == birthday_age
    # A 9-year-old's 4 hours performing is over an 8-year-old's 3.
    before = a_day(
        birthday - timedelta(days=1), performing=band_for(birthday_age).hours_performing * 60
    )
    on = a_day(birthday, performing=band_for(birthday_age).hours_performing * 60)
    assert "hours_performing" in codes([before], born)
    assert "hours_performing" not in codes([on], born)


# --- reg. 21: earliest and latest times (night work) --------------------------------------


@pytest.mark.parametrize(
    "age, leaves, night",
    [
        (4, (21, 59), False),
        (4, (22, 0), False),
        (4, (22, 1), True),
        (5, (22, 1), False),
        (7, (23, 0), False),
        (7, (23, 1), True),
        (7, (0, 30), True),  # after midnight
    ],
)
def test_leaving_after_the_latest_time_is_night_work(age, leaves, night):
    day = a_day(arrives=(19, 0), leaves=leaves)
    assert night_work(day, age) is night


@pytest.mark.parametrize("arrives, night", [((6, 59), True), ((7, 0), False), ((7, 1), False)])
def test_arriving_before_the_earliest_time_is_night_work(arrives, night):
    assert night_work(a_day(arrives=arrives, leaves=(9, 0)), 10) is night


def test_night_work_is_not_itself_a_breach():
    assert codes([a_day(arrives=(20, 0), leaves=(23, 30), performing=60)]) == []


# --- reg. 22: hours at the place, performing, without a break ----------------------------


@pytest.mark.parametrize(
    "age, hours, ok",
    [
        (4, 5, True),
        (4, 5.02, False),
        (8, 8, True),
        (8, 8.02, False),
        (9, 9.5, True),
        (9, 9.52, False),
    ],
)
def test_most_hours_at_the_place(age, hours, ok):
    arrives = datetime(2026, 12, 12, 9, 0)
    leaves = (arrives + timedelta(minutes=round(hours * 60))).time()
    day = a_day(arrives=(9, 0), leaves=(leaves.hour, leaves.minute), meal=45, rests=2)
    assert ("hours_at_place" in codes([day], born_aged(age))) is not ok


@pytest.mark.parametrize(
    "age, minutes, ok",
    [
        (4, 119, True),
        (4, 120, True),
        (4, 121, False),
        (6, 180, True),
        (6, 181, False),
        (12, 300, True),
        (12, 301, False),
    ],
)
def test_most_time_performing(age, minutes, ok):
    day = a_day(arrives=(9, 0), leaves=(14, 0), performing=minutes, longest=30, meal=45, rests=1)
    assert ("hours_performing" in codes([day], born_aged(age))) is not ok


@pytest.mark.parametrize(
    "age, minutes, ok",
    [
        (3, 29, True),
        (3, 30, True),
        (3, 31, False),
        (7, 150, True),
        (7, 151, False),
        (14, 151, False),
    ],
)
def test_longest_time_without_a_break(age, minutes, ok):
    day = a_day(arrives=(9, 0), leaves=(13, 0), performing=minutes, longest=minutes)
    assert ("continuous" in codes([day], born_aged(age))) is not ok


# --- reg. 23: breaks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "leaves, meal, rests, expected",
    [
        ((13, 0), 0, 0, set()),  # exactly 4 hours: no break rule
        ((13, 1), 44, 1, {"meal_break"}),
        ((13, 1), 45, 0, {"rest_break"}),
        ((13, 1), 45, 1, set()),
        ((17, 0), 45, 1, set()),  # exactly 8 hours: one other break is enough
        ((17, 1), 45, 1, {"second_rest_break"}),
        ((17, 1), 45, 2, set()),
    ],
)
def test_breaks_by_hours_at_the_place(leaves, meal, rests, expected):
    day = a_day(arrives=(9, 0), leaves=leaves, performing=60, meal=meal, rests=rests)
    found = set(codes([day], born_aged(12)))
    assert found & {"meal_break", "rest_break", "second_rest_break"} == expected


# --- reg. 24: the rest overnight -------------------------------------------------------------


@pytest.mark.parametrize("arrives, ok", [((9, 59), False), ((10, 0), True), ((10, 1), True)])
def test_twelve_hours_between_leaving_and_coming_back(arrives, ok):
    evening = a_day(ON, arrives=(19, 0), leaves=(22, 0))
    morning = a_day(ON + timedelta(days=1), arrives=arrives, leaves=(arrives[0] + 1, arrives[1]))
    assert ("overnight" in codes([evening, morning])) is not ok


def test_leaving_after_midnight_counts_from_then():
    late = a_day(ON, arrives=(20, 0), leaves=(0, 30))
    assert "overnight" in codes(
        [late, a_day(ON + timedelta(days=1), arrives=(12, 0), leaves=(14, 0))]
    )


# --- reg. 26: days in a row ------------------------------------------------------------------


@pytest.mark.parametrize("days, ok", [(5, True), (6, True), (7, False)])
def test_at_most_six_days_in_a_row(days, ok):
    run = [a_day(on) for on in days_from(ON, ON + timedelta(days=days - 1))]
    assert ("consecutive_days" in codes(run)) is not ok


def test_a_day_off_starts_the_count_again():
    run = [a_day(on) for on in days_from(ON, ON + timedelta(days=5))]
    again = [a_day(on) for on in days_from(ON + timedelta(days=7), ON + timedelta(days=12))]
    assert "consecutive_days" not in codes(run + again)


def test_the_same_date_twice_is_refused():
    assert "same_date" in codes([a_day(), a_day(arrives=(15, 0), leaves=(16, 0))])


# --- the messages -----------------------------------------------------------------------------


def test_a_breach_on_a_run_of_days_is_said_once_naming_the_run_and_the_regulation():
    run = [
        a_day(on, performing=200, longest=30, leaves=(14, 0), meal=45, rests=1)
        for on in days_from(ON, ON + timedelta(days=2))
    ]
    [breach] = check_days(run, BORN)
    assert say(breach) == (
        "12 December 2026 to 14 December 2026: a child aged 8 may perform or rehearse for "
        "at most 3 hours a day (regulation 22)"
    )


def test_a_birthday_in_a_run_splits_the_message_by_age():
    born = date(2018, 12, 13)  # 8 on 13 December 2026
    run = [
        a_day(on, arrives=(9, 0), leaves=(14, 0), performing=200, meal=45, rests=1)
        for on in days_from(ON, ON + timedelta(days=1))
    ]
    assert [say(breach) for breach in check_days(run, born)] == [
        "12 December 2026: a child aged 7 may perform or rehearse for at most 3 hours a day "
        "(regulation 22)",
        "13 December 2026: a child aged 8 may perform or rehearse for at most 3 hours a day "
        "(regulation 22)",
    ]


# --- by hypothesis: lawful schedules pass, each kind of breach is refused ------------------

ages = st.integers(min_value=0, max_value=15)
starts = st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 1))


@st.composite
def lawful_schedules(draw):
    """Days within every limit for the child's age on each of them."""
    age = draw(ages)
    first = draw(starts)
    born = born_aged(age, first)  # `age` throughout a run of weeks
    days = []
    on = first
    for _ in range(draw(st.integers(min_value=1, max_value=10))):
        band = band_for(age)
        arrives = datetime.combine(
            on, time(draw(st.integers(9, 11)), draw(st.sampled_from([0, 15, 30])))
        )
        # Leaving by 8:30pm, so a 9am start the next day has 12 hours' rest.
        most = min(band.hours_at_place, 9)
        hours = draw(st.integers(min_value=1, max_value=int(most * 4))) / 4
        leaves = arrives + timedelta(hours=hours)
        performing = draw(
            st.integers(min_value=0, max_value=int(min(band.hours_performing * 60, hours * 60)))
        )
        longest = min(performing, band.continuous_minutes)
        days.append(PerformanceDay(on, arrives.time(), leaves.time(), performing, longest, 45, 2))
        # A day off after every sixth day in a row.
        on += timedelta(days=draw(st.integers(min_value=1, max_value=3)))
        run = [day.on for day in days]
        if len(run) >= 6 and run[-6] == on - timedelta(days=6):
            on += timedelta(days=1)
    return born, days


@settings(max_examples=40, deadline=None)
@given(lawful_schedules())
def test_a_lawful_schedule_is_always_accepted(schedule):
    born, days = schedule
    assert check_days(days, born) == []


BREACHES = {
    "hours_performing": lambda day, band: PerformanceDay(
        day.on, time(9), time(18), int(band.hours_performing * 60) + 1, 30, 45, 2
    ),
    "continuous": lambda day, band: PerformanceDay(
        day.on, time(9), time(13), band.continuous_minutes + 1, band.continuous_minutes + 1, 45, 2
    ),
    "hours_at_place": lambda day, band: PerformanceDay(
        day.on,
        time(7),
        (datetime(2000, 1, 1, 7) + timedelta(hours=band.hours_at_place, minutes=1)).time(),
        30,
        30,
        45,
        2,
    ),
    "meal_break": lambda day, band: PerformanceDay(day.on, time(9), time(13, 30), 30, 30, 30, 2),
    "rest_break": lambda day, band: PerformanceDay(day.on, time(9), time(13, 30), 30, 30, 45, 0),
}


@settings(max_examples=40, deadline=None)
@given(lawful_schedules(), st.sampled_from(sorted(BREACHES)), st.data())
def test_each_kind_of_breach_is_always_refused_with_its_message(schedule, kind, data):
    born, days = schedule
    index = data.draw(st.integers(min_value=0, max_value=len(days) - 1))
    band = band_for(age_on(born, days[index].on))
    changed = BREACHES[kind](days[index], band)
    days = [*days[:index], changed, *days[index + 1 :]]
    found = [breach for breach in check_days(days, born) if breach.code == kind]
    assert found, kind
    assert "(regulation 2" in say(found[0])
    assert changed.on.strftime("%-d %B %Y") in say(found[0])
