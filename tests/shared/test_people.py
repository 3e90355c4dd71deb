"""People's details (shared/people.py), by property: a name, a postcode, a telephone number
and a date of birth that are right are always taken, put in one form; each kind of wrong
answer is always refused with its own GOV.UK message, and nothing is cut short."""

import unicodedata
from datetime import date, timedelta

import pytest
from django import forms
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.fields import DateField
from shared.people import (
    NAME_MAX_LENGTH,
    age_on,
    date_of_birth,
    normal_postcode,
    person_name,
    phone_number,
    postcode,
)

from .people_strategies import ABROAD, inward_codes, names, outward_codes, uk_numbers, written

QUICK = settings(max_examples=40, deadline=None)


def refused(field, value):
    """The messages a field gives for `value` (none: it is taken)."""
    try:
        field.clean(value)
    except forms.ValidationError as error:
        return [str(message) for message in error.messages]
    return []


# --- names -------------------------------------------------------------------------------

NAME = person_name("First name", "Enter the first name")
NAME_INVALID = "First name must only include letters, spaces, hyphens, apostrophes and full stops"


def tidy(name):
    return unicodedata.normalize("NFC", " ".join(name.split()))


@QUICK
@given(names())
def test_a_name_in_any_script_is_taken_tidied(name):
    if len(tidy(name)) > NAME_MAX_LENGTH:
        return  # a long name is its own case, below
    assert NAME.clean(name) == tidy(name)


@pytest.mark.parametrize(
    "name", ["Zoë", "Łukasz", "Ștefan", "محمد علی", "Mary-Jane O'Neil", "J. R. Hartley", "Siân"]
)
def test_names_people_have(name):
    assert NAME.clean(name) == name


def test_a_name_is_kept_composed_and_with_single_spaces():
    assert NAME.clean("  Zoe\u0308   Smith ") == "Zoë Smith"


NOT_IN_A_NAME = list('0123456789<>@#$%&*_=+/\\|{}[]();:!?"~^`') + ["٣", "\u202e", "\U0001f600"]


@QUICK
@given(names(), st.sampled_from(NOT_IN_A_NAME), st.integers(0, 200))
def test_a_name_with_a_digit_symbol_or_markup_is_refused(name, wrong, where):
    where = where % (len(name) + 1)
    assert refused(NAME, name[:where] + wrong + name[where:]) == [NAME_INVALID]


@QUICK
@given(st.text(st.sampled_from(" -'.’"), min_size=1, max_size=10).filter(str.strip))
def test_a_name_needs_a_letter(value):
    assert refused(NAME, value) == [NAME_INVALID]


@QUICK
@given(st.integers(NAME_MAX_LENGTH + 1, 5000))
def test_a_long_name_is_an_error_not_cut_short(length):
    assert refused(NAME, "a" * length) == [
        f"First name must be {NAME_MAX_LENGTH} characters or fewer"
    ]


def test_a_name_field_has_no_maxlength_for_the_browser_to_cut_with():
    assert "maxlength" not in NAME.widget_attrs(NAME.widget)
    assert "maxlength" not in NAME.widget.render("name", "")


# --- postcodes ---------------------------------------------------------------------------

POSTCODE = postcode()
POSTCODE_INVALID = "Enter a real UK postcode, like SW1A 1AA"


@QUICK
@given(st.data(), outward_codes(), inward_codes)
def test_a_real_postcode_is_taken_in_capitals_with_one_space(data, outward, inward):
    typed = data.draw(written(outward, inward))
    assert POSTCODE.clean(typed) == f"{outward} {inward}"


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("sw1a1aa", "SW1A 1AA"),
        ("ec1a 1bb", "EC1A 1BB"),
        ("w1a 0ax", "W1A 0AX"),
        ("m1 1ae", "M1 1AE"),
        ("dn55 1pt", "DN55 1PT"),
        ("gir0aa", "GIR 0AA"),
        ("bfpo 801", "BFPO 801"),
    ],
)
def test_postcodes_people_have(typed, kept):
    assert POSTCODE.clean(typed) == kept


@QUICK
@given(
    outward_codes(),
    inward_codes,
    st.sampled_from(["unit letter", "first letter", "second letter", "extra", "markup"]),
    st.sampled_from("CIKMOV"),  # never in the inward code
    st.sampled_from("QVX"),  # never first
    st.sampled_from("IJZ"),  # never second
)
def test_a_postcode_out_of_the_format_is_refused(outward, inward, wrong, unit, first, second):
    typed = {
        "unit letter": f"{outward} {inward[:2]}{unit}",
        "first letter": f"{first}1 {inward}",
        "second letter": f"{outward[0]}{second}1 {inward}",
        "extra": f"{outward} {inward} {outward}",
        "markup": f"<b>{outward} {inward}</b>",
    }[wrong]
    assert refused(POSTCODE, typed) == [POSTCODE_INVALID]


@QUICK
@given(outward_codes(), inward_codes, st.text(min_size=1, max_size=5000))
def test_a_long_answer_is_refused_never_cut_short_to_a_postcode(outward, inward, tail):
    typed = f"{outward} {inward}{tail}"
    if normal_postcode(typed) is None:
        assert refused(POSTCODE, typed) == [POSTCODE_INVALID]
    else:  # only spacing after it, which is tidied away
        assert not tail.strip()


def test_the_postcode_field_lets_the_browser_cut_nothing():
    assert "maxlength" not in POSTCODE.widget.render("postcode", "")


def test_a_postcode_says_it_is_one_only_when_it_is_the_persons_own():
    # Someone else's (a business's) is not filled in with the browser's owner's.
    assert "autocomplete" not in POSTCODE.widget.render("postcode", "")
    own = postcode(autocomplete="postal-code")
    assert 'autocomplete="postal-code"' in own.widget.render("postcode", "")


# --- telephone numbers -------------------------------------------------------------------

PHONE = phone_number(required_message="Enter your phone number")
PHONE_INVALID = "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"


@QUICK
@given(uk_numbers())
def test_a_uk_number_is_taken_and_kept_as_it_is_dialled_here(number):
    typed, kept = number
    cleaned = PHONE.clean(typed)
    assert cleaned.replace(" ", "") == kept.replace(" ", "")
    assert PHONE.clean(cleaned) == cleaned  # the same again: one form


@QUICK
@given(st.sampled_from(ABROAD), st.integers(0, 999))
def test_a_number_abroad_is_kept_with_its_country_code(number, last):
    template, kept = number
    typed = template.format(f"{last:03d}")
    cleaned = PHONE.clean(typed.replace(" ", ""))
    assert cleaned.startswith("+") and cleaned.replace(" ", "") == typed.replace(" ", "")


@QUICK
@given(uk_numbers(), st.text(st.characters(categories=["Lu", "Ll"]), min_size=1, max_size=6))
def test_a_number_with_letters_is_refused(number, letters):
    typed, _kept = number
    assert refused(PHONE, typed + letters) == [PHONE_INVALID]
    assert refused(PHONE, letters) == [PHONE_INVALID]


@QUICK
@given(st.text("0123456789", min_size=1, max_size=5))
def test_too_few_digits_is_refused(digits):
    assert refused(PHONE, digits) == [PHONE_INVALID]


def test_phone_numbers_that_are_not_ones():
    for typed in ["0800 FLOWERS", "n/a", "07700 900 982 ext", "+", "12345678901234567890123"]:
        assert refused(PHONE, typed) == [PHONE_INVALID], typed
    assert refused(PHONE, "") == ["Enter your phone number"]
    assert phone_number(required=False).clean("") == ""


def test_the_phone_field_is_a_telephone_input():
    html = PHONE.widget.render("phone", "")
    assert 'type="tel"' in html and "autocomplete" not in html and "maxlength" not in html
    own = phone_number(autocomplete="tel").widget.render("phone", "")
    assert 'autocomplete="tel"' in own


# --- dates of birth and date bounds ------------------------------------------------------

ON = date(2026, 5, 1)


def typed(day):
    return [str(day.day), str(day.month), str(day.year)]


def years_ago(years, on=ON):
    try:
        return on.replace(year=on.year - years)
    except ValueError:
        return date(on.year - years, 2, 28)


ADULT = date_of_birth(
    "your date of birth", min_age=18, on=ON, too_young="You must be %(age)s or older"
)


def test_18_on_the_birthday_and_not_the_day_before():
    assert ADULT.clean(typed(date(2008, 5, 1))) == date(2008, 5, 1)
    assert refused(ADULT, typed(date(2008, 5, 2))) == ["You must be 18 or older"]
    assert ADULT.clean(typed(date(2008, 4, 30))) == date(2008, 4, 30)


def test_born_on_29_february_is_a_year_older_on_1_march():
    field = date_of_birth("your date of birth", min_age=18, on=date(2026, 3, 1))
    assert field.clean(typed(date(2008, 2, 29))) == date(2008, 2, 29)
    on_28th = date_of_birth("your date of birth", min_age=18, on=date(2026, 2, 28))
    assert refused(on_28th, typed(date(2008, 2, 29))) == [
        "Enter a date of birth for someone aged 18 or older"
    ]


@QUICK
@given(st.dates(date(1900, 1, 1), ON - timedelta(days=1)), st.integers(0, 30), st.integers(0, 30))
def test_a_date_of_birth_is_taken_exactly_when_the_age_is_allowed(born, low, span):
    field = date_of_birth("the date of birth", min_age=low, max_age=low + span, on=ON)
    age = age_on(born, ON)
    messages = refused(field, typed(born))
    if age < low:
        assert messages == [f"Enter a date of birth for someone aged {low} or older"]
    elif age > low + span:
        assert messages == [f"Enter a date of birth for someone aged {low + span} or younger"]
    else:
        assert messages == []


@QUICK
@given(st.dates(date.today(), date(9999, 12, 31)))
def test_a_date_of_birth_must_be_in_the_past(born):
    field = date_of_birth("the child's date of birth")
    assert refused(field, typed(born)) == ["The child's date of birth must be in the past"]


def test_an_age_limit_can_come_from_a_setting_read_when_checked():
    limit = {"age": 18}
    field = date_of_birth("your date of birth", min_age=lambda: limit["age"], on=ON)
    born = years_ago(19)
    assert refused(field, typed(born)) == []
    limit["age"] = 21
    assert refused(field, typed(born)) == ["Enter a date of birth for someone aged 21 or older"]


WINDOW = DateField(what="the date", not_before=date(2025, 9, 1), not_after=date(2026, 7, 22))


@QUICK
@given(st.dates(date(2000, 1, 1), date(2030, 12, 31)))
def test_a_date_window_names_the_bound_it_is_outside(day):
    messages = refused(WINDOW, typed(day))
    if day < date(2025, 9, 1):
        assert messages == ["The date must be the same as or after 1 September 2025"]
    elif day > date(2026, 7, 22):
        assert messages == ["The date must be the same as or before 22 July 2026"]
    else:
        assert messages == []


def test_a_number_with_no_country_code_is_a_uk_one_unless_told_otherwise():
    assert refused(PHONE, "512 345 678") == [PHONE_INVALID]  # not a UK number
    assert phone_number(region="PL").clean("512 345 678") == "+48 512 345 678"
