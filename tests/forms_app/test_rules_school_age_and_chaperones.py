"""The rules at, below and above each bound: compulsory school age around the prescribed
days and the school leaving date (Education Act 1996 s8; the 1998 Order), the day a child
came off roll, and a chaperone's DBS certificate by its age or the update service."""

from datetime import date, timedelta

import pytest

from forms_app.rules import home_education_messages, performance_messages
from forms_app.rules.home_education import (
    compulsory_school_age_ends,
    compulsory_school_age_starts,
    end_of_school_year,
    off_roll_problem,
    school_age_problem,
    school_leaving_date,
)
from forms_app.rules.performance import chaperone_findings, dbs_certificate_problem, years_before

DAY = timedelta(days=1)


def born_for_fifth_birthday(day):
    return day.replace(year=day.year - 5)


@pytest.mark.parametrize(
    "fifth_birthday, starts",
    [
        (date(2026, 12, 30), date(2026, 12, 31)),
        (date(2026, 12, 31), date(2026, 12, 31)),  # on a prescribed day: that day
        (date(2027, 1, 1), date(2027, 3, 31)),
        (date(2027, 3, 31), date(2027, 3, 31)),
        (date(2027, 4, 1), date(2027, 8, 31)),
        (date(2027, 8, 31), date(2027, 8, 31)),
        (date(2027, 9, 1), date(2027, 12, 31)),
    ],
)
def test_compulsory_school_age_starts_on_the_prescribed_day_on_or_after_the_5th_birthday(
    fifth_birthday, starts
):
    assert compulsory_school_age_starts(born_for_fifth_birthday(fifth_birthday)) == starts


def test_born_on_29_february_turns_5_on_1_march():
    assert compulsory_school_age_starts(date(2020, 2, 29)) == date(2025, 3, 31)


@pytest.mark.parametrize(
    "year, last_friday",
    [(2026, date(2026, 6, 26)), (2027, date(2027, 6, 25)), (2028, date(2028, 6, 30))],
)
def test_the_school_leaving_date_is_the_last_friday_in_june(year, last_friday):
    assert school_leaving_date(year) == last_friday
    assert last_friday.weekday() == 4 and (last_friday + 7 * DAY).month == 7


@pytest.mark.parametrize(
    "sixteenth_birthday, ends",
    [
        (date(2026, 1, 15), date(2026, 6, 26)),  # before the leaving date: that year's
        (date(2026, 6, 26), date(2026, 6, 26)),  # on it (s8(3)(b))
        (date(2026, 7, 20), date(2026, 6, 26)),  # after it, before September (s8(3)(a))
        (date(2026, 8, 31), date(2026, 6, 26)),
        (date(2026, 9, 1), date(2027, 6, 25)),  # the next school year: next year's
    ],
)
def test_compulsory_school_age_ends_on_the_leaving_date_of_the_school_year_they_turn_16(
    sixteenth_birthday, ends
):
    born = sixteenth_birthday.replace(year=sixteenth_birthday.year - 16)
    assert compulsory_school_age_ends(born) == ends


def test_the_school_year_ends_on_31_august():
    assert end_of_school_year(date(2026, 8, 31)) == date(2026, 8, 31)
    assert end_of_school_year(date(2026, 9, 1)) == date(2027, 8, 31)
    assert end_of_school_year(date(2027, 1, 10)) == date(2027, 8, 31)


TODAY = date(2026, 9, 1)  # the first day of the 2026 to 2027 school year


def codes(finding):
    return finding.code if finding else None


@pytest.mark.parametrize(
    "born, code",
    [
        # Turns 5 on 31 August 2027: of compulsory school age that day, this school year.
        (date(2022, 8, 31), None),
        # Turns 5 a day later: not until 31 December 2027, next school year.
        (date(2022, 9, 1), "below_school_age"),
        (date(2023, 3, 1), "below_school_age"),  # 3 years old
        (date(2015, 3, 14), None),  # 11
        # Turned 16 on 31 August 2026: compulsory school age ended on 26 June 2026.
        (date(2010, 8, 31), "past_school_age"),
        # Turned 16 on 1 September 2026: it ends on 25 June 2027.
        (date(2010, 9, 1), None),
        (date(2006, 5, 1), "past_school_age"),  # 20
    ],
)
def test_an_ehe_notice_is_for_a_child_of_compulsory_school_age_this_school_year(born, code):
    assert codes(school_age_problem(born, TODAY)) == code


def test_compulsory_school_age_ends_at_the_end_of_the_leaving_date():
    born = date(2010, 9, 1)  # 16 on 1 September 2026; leaving date 25 June 2027
    assert school_age_problem(born, date(2027, 6, 25)) is None
    assert codes(school_age_problem(born, date(2027, 6, 26))) == "past_school_age"


def test_the_school_age_messages_name_the_day_and_the_rule():
    too_young = school_age_problem(date(2023, 3, 1), TODAY)
    assert too_young.params == {"starts": date(2028, 3, 31)}
    said = home_education_messages.say(too_young)
    assert "31 March 2028" in said and "5th birthday" in said
    too_old = school_age_problem(date(2006, 5, 1), TODAY)
    said = home_education_messages.say(too_old)
    assert "24 June 2022" in said and "last Friday in June" in said and "16" in said


BORN = date(2015, 3, 14)  # 4 on 14 March 2019


@pytest.mark.parametrize(
    "off_roll, code",
    [
        (TODAY, None),
        (TODAY + DAY, "off_roll_in_future"),
        (TODAY - DAY, None),
        (date(2019, 3, 14), None),  # the 4th birthday
        (date(2019, 3, 13), "off_roll_before_4"),
        (date(2015, 3, 13), "off_roll_before_4"),  # before birth
    ],
)
def test_the_day_off_roll_is_not_after_today_nor_before_the_child_was_4(off_roll, code):
    assert codes(off_roll_problem(off_roll, BORN, TODAY)) == code


def test_without_a_date_of_birth_only_today_bounds_the_day_off_roll():
    assert off_roll_problem(date(1990, 1, 1), None, TODAY) is None
    assert codes(off_roll_problem(TODAY + DAY, None, TODAY)) == "off_roll_in_future"


def test_the_off_roll_message_names_the_4th_birthday():
    said = home_education_messages.say(off_roll_problem(date(2019, 1, 1), BORN, TODAY))
    assert "14 March 2019" in said and "turned 4" in said


# --- chaperones --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "issued, on_update_service, acceptable",
    [
        (date(2023, 9, 1), False, True),  # exactly 3 years
        (date(2023, 8, 31), False, False),  # a day over
        (date(2023, 9, 2), False, True),  # a day under
        (date(2023, 8, 31), True, True),  # on the update service, age does not matter
        (date(2015, 1, 1), True, True),
        (date(2015, 1, 1), False, False),
    ],
)
def test_a_dbs_certificate_is_at_most_3_years_old_or_on_the_update_service(
    issued, on_update_service, acceptable
):
    found = dbs_certificate_problem(issued, TODAY, on_update_service, max_age_years=3)
    assert (found is None) is acceptable


def test_the_dbs_limit_is_the_councils_and_named_in_the_message():
    issued = date(2024, 9, 1)
    assert dbs_certificate_problem(issued, TODAY, False, max_age_years=2) is None
    found = dbs_certificate_problem(issued - DAY, TODAY, False, max_age_years=2)
    assert found.params == {"years": 2}
    assert "more than 2 years ago" in performance_messages.say(found)
    one = performance_messages.say(dbs_certificate_problem(issued, TODAY, False, 1))
    assert "more than 1 year ago" in one


def test_three_years_before_29_february_is_28_february():
    assert years_before(date(2028, 2, 29), 3) == date(2025, 2, 28)
    assert years_before(date(2026, 9, 1), 3) == date(2023, 9, 1)


def test_the_officer_is_told_of_declared_convictions_and_the_update_service():
    assert chaperone_findings(False, False) == []
    found = chaperone_findings(True, True)
    assert [finding.code for finding in found] == ["convictions_declared", "dbs_update_service"]
    assert all(performance_messages.say(finding) for finding in found)
