"""Roll changes' rules (forms_app/rules/roll_changes.py): the grounds of deletion and the
deadline of five school days, counted by the council's term dates (settings.PORTAL_TERMS:
autumn 2026's half term is 26 to 30 October; May Day 2027 falls in the summer term)."""

from datetime import date

import pytest

from forms_app.rules import roll_changes as rules
from forms_app.rules.roll_changes_messages import GROUND_LABELS, ground_label
from portal.terms import parse_terms

TERMS = parse_terms(
    [
        ("Autumn 2026", [("2026-09-02", "2026-10-23"), ("2026-11-02", "2026-12-18")]),
        ("Spring 2027", [("2027-01-04", "2027-02-12"), ("2027-02-22", "2027-03-25")]),
        ("Summer 2027", [("2027-04-12", "2027-05-28"), ("2027-06-07", "2027-07-21")]),
    ]
)


def test_every_ground_of_regulation_9_1_a_to_o_once():
    assert [ground.code for ground in rules.GROUNDS] == [
        f"9_1_{letter}" for letter in "abcdefghijklmno"
    ]
    assert set(GROUND_LABELS) == set(rules.BY_CODE)
    assert ground_label("9_1_i").startswith("9(1)(i): ")


def test_what_each_ground_asks_for():
    assert rules.needs("9_1_f", rules.HOME_EDUCATION)
    assert rules.needs("9_1_i", rules.ABSENCE)
    assert rules.needs("9_1_j", rules.MEDICAL)
    assert rules.needs("9_1_n", rules.EXCLUSION)
    assert rules.needs("9_1_a", rules.OTHER_SCHOOL)
    assert rules.needs("9_1_g", rules.MOVED)
    assert not rules.needs("9_1_l", rules.MOVED)
    assert not rules.needs("nonsense", rules.MOVED)
    # Where the pupil went is said by the ground itself for another school, home
    # education and a death: nobody is asked, and nobody goes looking.
    assert rules.ground("9_1_l").destination_known and rules.ground("9_1_f").destination_known
    assert not rules.ground("9_1_i").destination_known


def test_a_deletion_on_the_friday_before_half_term_is_due_the_friday_after_it():
    friday = date(2026, 10, 23)
    assert rules.deadline_for(friday, TERMS) == date(2026, 11, 6)
    assert not rules.is_late(date(2026, 11, 6), friday, TERMS)  # the fifth school day: on time
    assert rules.is_late(date(2026, 11, 9), friday, TERMS)  # the sixth: late
    # A notice sent in the half term itself is early, not late.
    assert not rules.is_late(date(2026, 10, 28), friday, TERMS)


def test_a_bank_holiday_is_not_a_school_day():
    # Wednesday 28 April 2027: Thursday, Friday, (May Day), Tuesday, Wednesday, Thursday.
    assert rules.deadline_for(date(2027, 4, 28), TERMS) == date(2027, 5, 6)
    assert not rules.is_late(date(2027, 5, 6), date(2027, 4, 28), TERMS)
    assert rules.is_late(date(2027, 5, 7), date(2027, 4, 28), TERMS)


@pytest.mark.parametrize(
    ("day", "due"),
    [
        (date(2026, 11, 2), date(2026, 11, 9)),  # a Monday: the Monday after
        (date(2026, 11, 7), date(2026, 11, 13)),  # a Saturday: five school days from Monday
        (date(2026, 12, 14), date(2027, 1, 4)),  # across the Christmas holiday
    ],
)
def test_five_school_days_after(day, due):
    assert rules.deadline_for(day, TERMS) == due


def test_past_the_published_terms_there_is_no_deadline_and_nothing_is_late():
    assert rules.deadline_for(date(2027, 7, 20), TERMS) is None
    assert not rules.is_late(date(2027, 9, 30), date(2027, 7, 20), TERMS)


def test_a_deadline_follows_the_term_dates_it_is_given():
    """Deadlines are remembered by day and term dates: the same day under other dates (the
    council moves its half term) is counted again, not read back."""
    friday = date(2026, 10, 23)
    assert rules.deadline_for(friday, TERMS) == date(2026, 11, 6)
    half_term_a_week_later = parse_terms(
        [("Autumn 2026", [("2026-09-02", "2026-10-30"), ("2026-11-09", "2026-12-18")])]
    )
    assert rules.deadline_for(friday, half_term_a_week_later) == date(2026, 10, 30)
    assert rules.deadline_for(friday, list(TERMS)) == date(2026, 11, 6)  # any sequence


def test_school_days_absent_count_to_the_day_before_the_deletion():
    # 2 to 27 November 2026: four weeks of five school days.
    assert rules.school_days_absent(date(2026, 11, 2), date(2026, 11, 30), TERMS) == 20
    assert rules.school_days_absent(date(2026, 11, 3), date(2026, 11, 30), TERMS) == 19


def test_a_deletion_date_is_after_birth_and_at_most_a_week_ahead():
    today = date(2026, 11, 10)
    born = date(2016, 5, 1)
    assert rules.deletion_date_problem(date(2026, 11, 17), born, today) is None
    assert rules.deletion_date_problem(date(2026, 11, 18), born, today) == "too_far_ahead"
    assert rules.deletion_date_problem(date(2016, 4, 30), born, today) == "before_birth"
    assert rules.deletion_date_problem(date(2026, 11, 9), None, today) is None
