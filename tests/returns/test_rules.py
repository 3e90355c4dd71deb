from datetime import date

from portal.terms import parse_terms
from returns import rules

TERMS = parse_terms(
    [
        ("Autumn 2026", [("2026-09-02", "2026-10-23"), ("2026-11-02", "2026-12-18")]),
        ("Spring 2027", [("2027-01-04", "2027-02-12"), ("2027-02-22", "2027-03-25")]),
        ("Summer 2027", [("2027-04-12", "2027-05-28"), ("2027-06-07", "2027-07-21")]),
    ]
)


def codes(found):
    return [(problem.field, problem.code) for problem in found]


def test_an_end_date_is_required():
    assert codes(rules.problems(date(2026, 9, 7), date(2026, 10, 1), None)) == [
        ("ends_on", "end_required")
    ]


def test_the_end_must_be_after_the_start():
    found = rules.problems(date(2026, 9, 7), date(2026, 9, 7), date(2026, 9, 7))
    assert ("ends_on", "end_before_start") in codes(found)


def test_the_review_must_fall_between_start_and_end():
    start, end = date(2026, 9, 7), date(2026, 12, 1)
    assert codes(rules.problems(start, date(2026, 9, 1), end)) == [
        ("review_on", "review_before_start")
    ]
    assert codes(rules.problems(start, date(2026, 12, 2), end)) == [
        ("review_on", "review_after_end")
    ]
    assert rules.problems(start, start, end) == []
    assert rules.problems(start, end, end) == []


def test_a_review_more_than_8_weeks_after_the_start_is_flagged():
    start = date(2026, 9, 7)
    assert not rules.review_is_late(start, date(2026, 11, 2))  # exactly 8 weeks
    assert rules.review_is_late(start, date(2026, 11, 3))
    assert rules.flags(start, date(2026, 11, 3), date(2026, 12, 1), TERMS) == [rules.REVIEW_LATE]


def test_running_past_the_end_of_the_next_term_is_flagged():
    start = date(2026, 9, 7)  # autumn: may run to the end of spring
    assert rules.two_terms_end(start, TERMS) == date(2027, 3, 25)
    assert not rules.runs_past_two_terms(start, date(2027, 3, 25), TERMS)
    assert rules.runs_past_two_terms(start, date(2027, 3, 26), TERMS)
    assert rules.flags(start, date(2026, 10, 1), date(2027, 4, 20), TERMS) == [rules.PAST_TWO_TERMS]


def test_a_start_in_the_holidays_counts_from_the_next_term():
    assert rules.two_terms_end(date(2026, 12, 24), TERMS) == date(2027, 7, 21)


def test_no_flag_when_the_term_dates_do_not_reach_that_far():
    assert rules.two_terms_end(date(2027, 5, 1), TERMS) is None
    assert not rules.runs_past_two_terms(date(2027, 5, 1), date(2028, 5, 1), TERMS)


def test_review_overdue_and_response_rate():
    assert rules.review_overdue(date(2026, 11, 23), date(2026, 11, 24))
    assert not rules.review_overdue(date(2026, 11, 24), date(2026, 11, 24))
    assert rules.response_rate(returned=10, nil=5, total=45) == 33
    assert rules.response_rate(0, 0, 0) == 0
