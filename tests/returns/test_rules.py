from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.terms import parse_terms
from returns import rules
from returns.messages import IDENTIFIER_MESSAGES
from shared import upn

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


# --- the pupil's identifier -------------------------------------------------------------


@pytest.mark.parametrize(
    "given, stored",
    [
        ("H801200001001", "H801200001001"),
        (" h801 2000 01001 ", "H801200001001"),
        ("AB", "A.B."),
        ("a.b.", "A.B."),
        ("A. B.", "A.B."),
        ("a b c", "A.B.C."),
        ("Ł.Ś.", "Ł.Ś."),
    ],
)
def test_a_upn_or_initials_is_accepted_and_tidied(given, stored):
    assert rules.pupil_identifier(given) == (stored, None)


@pytest.mark.parametrize(
    "given, problem",
    [
        ("A", "initials_too_few"),  # 1 letter
        ("A.", "initials_too_few"),
        ("ABCD", "identifier_name"),  # 4 letters
        ("A.B.C.D.", "identifier_name"),
        ("John Smith", "identifier_name"),
        ("Smith", "identifier_name"),
        ("O'B", "identifier_characters"),
        ("A-B", "identifier_characters"),
        ("A801200001001", "upn_check_letter"),
        ("H80120000100", "upn_length"),
        ("Smith 2", "upn_length"),
    ],
)
def test_a_name_or_a_bad_identifier_is_refused(given, problem):
    assert rules.pupil_identifier(given)[1] == problem
    assert problem in IDENTIFIER_MESSAGES


def test_the_name_message_says_what_to_give():
    message = str(IDENTIFIER_MESSAGES["identifier_name"])
    assert "Do not give the pupil's name" in message and "UPN or their initials only" in message


letters = st.characters(whitelist_categories=("Lu", "Ll"), max_codepoint=0x17F).filter(
    lambda c: len(c.upper()) == 1 and c.upper().isalpha()
)
separators = st.sampled_from(["", ".", ". ", " "])


def written(chosen, separator):
    return separator.join(chosen) + (separator.strip() if separator.strip() else "")


@settings(max_examples=40, deadline=None)
@given(
    chosen=st.lists(letters, min_size=2, max_size=3),
    separator=separators,
    rest=st.text("0123456789", min_size=12, max_size=12),
)
def test_property_valid_identifiers_are_always_accepted(chosen, separator, rest):
    stored, problem = rules.pupil_identifier(written(chosen, separator))
    assert problem is None
    assert stored == "".join(f"{letter.upper()}." for letter in chosen)
    number = upn.check_letter(rest) + rest
    assert rules.pupil_identifier(number.lower()) == (number, None)


@settings(max_examples=40, deadline=None)
@given(
    too_few=st.lists(letters, min_size=1, max_size=1),
    too_many=st.lists(letters, min_size=4, max_size=12),
    separator=separators,
    first=st.text("ABCDEFGH", min_size=1, max_size=1),
    digits=st.text("0123456789", min_size=1, max_size=20),
)
def test_property_each_kind_of_invalid_is_refused_with_its_message(
    too_few, too_many, separator, first, digits
):
    assert rules.pupil_identifier(written(too_few, separator))[1] == "initials_too_few"
    assert rules.pupil_identifier(written(too_many, separator))[1] == "identifier_name"
    name = "".join(too_many[:2]) + " " + "".join(too_many[2:])
    assert rules.pupil_identifier(name)[1] == "identifier_name"
    number_problem = rules.pupil_identifier(first + digits)[1]
    if len(digits) != 12:
        assert number_problem == "upn_length"
    else:
        assert number_problem in (None, "upn_check_letter")
        assert (number_problem is None) == (upn.check_letter(digits) == first)
    for code in ("initials_too_few", "identifier_name", "upn_length"):
        assert str(IDENTIFIER_MESSAGES[code])


# --- late returns and governors' counts -------------------------------------------------


def test_late_returns_until_the_officers_date_or_the_next_period():
    due = date(2026, 11, 20)
    assert not rules.takes_late_returns(due, due, None, False)  # on the day: on time
    assert rules.takes_late_returns(due + timedelta(days=1), due, None, False)
    assert not rules.takes_late_returns(due + timedelta(days=1), due, None, True)
    until = due + timedelta(days=7)
    assert rules.takes_late_returns(until, due, until, True)
    assert not rules.takes_late_returns(until + timedelta(days=1), due, until, False)
    assert not rules.sent_late(due, due) and rules.sent_late(due + timedelta(days=1), due)


def test_governors_counts():
    class Pupil:
        def __init__(self, reason, review_on, late=False, past=False, agreed=True):
            self.reason, self.review_on = reason, review_on
            self.review_late, self.past_two_terms, self.parental_agreement = late, past, agreed

    today = date(2026, 12, 3)
    counts = rules.counts_for_governors(
        [
            Pupil("send", today - timedelta(days=1), late=True),
            Pupil("send", today, agreed=False),
            Pupil("mental_health", today + timedelta(days=5), past=True),
        ],
        today,
    )
    assert counts == {
        "total": 3,
        "by_reason": {"send": 2, "mental_health": 1},
        "review_overdue": 1,
        "review_late": 1,
        "past_two_terms": 1,
        "no_agreement": 1,
    }
