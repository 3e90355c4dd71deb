"""Unique pupil numbers: the DfE's check letter, for known good and bad numbers."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared import upn

VALID = [
    "H801200001001",  # the DfE guide's worked example
    "B801200005001",
    "J803212345018",  # the demo returns'
]


@pytest.mark.parametrize("number", VALID)
def test_known_valid_numbers(number):
    assert upn.problem(number) is None
    assert upn.problem(number.lower()) is None
    assert upn.problem(f" {number[:4]} {number[4:8]} {number[8:]} ") is None  # in groups


@pytest.mark.parametrize(
    "number, problem",
    [
        ("A801200001001", "upn_check_letter"),
        ("K803212345018", "upn_check_letter"),  # the old demo number: wrong letter
        ("H80120000100", "upn_length"),
        ("H8012000010011", "upn_length"),
        ("1801200001001", "upn_format"),
        ("I801200001001", "upn_format"),  # I is not a check letter
        ("H8012000A1001", "upn_format"),
        ("H80120000100I", "upn_format"),
    ],
)
def test_known_invalid_numbers(number, problem):
    assert upn.problem(number) == problem


def test_a_temporary_upn_ends_in_a_letter():
    rest = "80120000100A"
    assert upn.problem(upn.check_letter(rest) + rest) is None


rests = st.tuples(
    st.text("0123456789", min_size=11, max_size=11),
    st.sampled_from(list("0123456789" + upn.CHECK_LETTERS)),
).map("".join)


@settings(max_examples=40, deadline=None)
@given(rest=rests, wrong=st.sampled_from(upn.CHECK_LETTERS))
def test_property_the_right_letter_and_only_it(rest, wrong):
    right = upn.check_letter(rest)
    assert upn.problem(right + rest) is None
    if wrong != right:
        assert upn.problem(wrong + rest) == "upn_check_letter"
    # Any single digit changed changes the letter: the weights 2 to 13 are below 23.
    changed = str((int(rest[0]) + 1) % 10) + rest[1:]
    assert upn.problem(right + changed) == "upn_check_letter"
