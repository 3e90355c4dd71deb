"""The rules of targeting support meetings: a term's dates, and how an action names a
pupil (a UPN or 1 to 4 initials, never a name)."""

from datetime import date

import pytest

from attendance.meeting_rules import pupil_identifier
from attendance.periods import in_term, term_span


def valid_upn():
    from shared import upn

    rest = "820700125001"
    return upn.check_letter(rest) + rest


def test_a_term_runs_as_the_council_published_it_else_by_its_months(settings):
    assert term_span(2025, 1) == (date(2025, 9, 3), date(2025, 12, 19))  # PORTAL_TERMS
    assert term_span(2026, 2) == (date(2027, 1, 4), date(2027, 3, 25))
    assert in_term(date(2025, 10, 28), 2025, 1)  # half term is within the term
    assert not in_term(date(2025, 12, 22), 2025, 1)  # the Christmas holiday is not
    assert term_span(2030, 1) == (date(2030, 9, 1), date(2030, 12, 31))  # not published
    assert term_span(2030, 2) == (date(2031, 1, 1), date(2031, 3, 31))
    assert term_span(2030, 3) == (date(2031, 4, 1), date(2031, 8, 31))
    settings.PORTAL_TERMS = []  # a council that has published none
    assert term_span(2025, 1) == (date(2025, 9, 1), date(2025, 12, 31))


@pytest.mark.parametrize(
    "typed, stored",
    [("KL", "K.L."), ("k.l.", "K.L."), ("K. L.", "K.L."), ("A", "A."), ("ABCD", "A.B.C.D.")],
)
def test_initials_of_one_to_four_letters_are_kept_with_full_stops(typed, stored):
    assert pupil_identifier(typed) == (stored, None)


def test_a_upn_is_checked_and_kept_upper_case():
    good = valid_upn()
    assert pupil_identifier(good.lower()) == (good, None)
    wrong_letter = ("B" if good[0] != "B" else "C") + good[1:]
    assert pupil_identifier(wrong_letter)[1] == "upn_check_letter"
    assert pupil_identifier("A12345")[1] == "upn_length"


@pytest.mark.parametrize("typed", ["Kim Lee", "Kim", "Jo", "ABCDE", "Smith", "O'Neil", "Mary-Jo"])
def test_anything_that_looks_like_a_name_is_refused(typed):
    assert pupil_identifier(typed)[1] == "name"


@pytest.mark.parametrize("typed", ["...", "K&L", "Ł.Ś."])
def test_other_characters_are_refused(typed):
    assert pupil_identifier(typed)[1] in {"characters", "name"}
