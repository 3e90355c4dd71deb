"""The people's details in the EHE and chaperone journeys, by property: each step is
answered through the engine as the flow answers it (JourneyDefinition.bind, with the
answers before it). Answers that are right are always taken; each kind of wrong answer is
always refused, by the question it is about, with its message. Then a few walks through
the pages, for what only the whole journey shows."""

from datetime import date, timedelta

from django.test import override_settings
from django.utils.datastructures import MultiValueDict
from hypothesis import given, settings
from hypothesis import strategies as st

from forms_app.engine import journey_for
from forms_app.journeys.registry import Journey
from forms_app.models import Submission
from forms_app.rules.employment import birthday

from ..shared.people_strategies import inward_codes, names, outward_codes, uk_numbers
from .licensing_fixtures import *  # noqa: F403  (the journey pages)
from .licensing_fixtures import chaperone_answers, date_fields, walk

QUICK = settings(max_examples=40, deadline=None)
EHE = journey_for(Journey.EHE_REGISTRATION)
CHAPERONE = journey_for(Journey.CHAPERONE_APPROVAL)


def answer(definition, slug, data, values=None):
    """The step's form as the flow binds it: each field's values a list."""
    raw = MultiValueDict({key: [value] for key, value in data.items() if value is not None})
    return definition.bind(definition.step(slug), raw, values or {})


def errors(form):
    assert not form.is_valid()
    return {name: list(messages) for name, messages in form.errors.items()}


def years_ago(years):
    today = date.today()
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return date(today.year - years, 2, 28)


def aged(years, days):
    """A date of birth for someone `years` old today, whose birthday was `days` ago (under
    a year)."""
    return years_ago(years) - timedelta(days=days)


def child(first="Amira", last="Khan", born=date(2015, 3, 14)):
    return {"first_name": first, "last_name": last, **date_fields("date_of_birth", born)}


# --- EHE: the child ----------------------------------------------------------------------------


@QUICK
@given(names(), names(), st.integers(5, 14), st.integers(0, 300))
def test_a_child_of_compulsory_school_age_is_taken(first, last, years, days):
    born = aged(years, days)
    form = answer(EHE, "child", child(first, last, born))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["date_of_birth"] == born


@QUICK
@given(st.integers(0, 3), st.integers(1, 300))
def test_a_child_too_young_for_school_is_refused_naming_the_rule(years, days):
    found = errors(answer(EHE, "child", child(born=aged(years, days))))
    [message] = found["date_of_birth"]
    assert message.startswith("The child is not of compulsory school age until")
    assert "5th birthday" in message


@QUICK
@given(st.integers(0, 300))
def test_a_child_past_school_age_is_refused_naming_the_rule(days):
    found = errors(answer(EHE, "child", child(born=aged(17, days))))
    [message] = found["date_of_birth"]
    assert message.startswith("The child stopped being of compulsory school age on")
    assert "the last Friday in June of the school year they turned 16" in message


@QUICK
@given(st.integers(18, 80), st.integers(0, 300))
def test_an_adult_is_not_a_child(years, days):
    found = errors(answer(EHE, "child", child(born=aged(years, days))))
    assert found["date_of_birth"] == ["A child must be 17 or younger: check the date of birth"]


def test_a_child_born_in_1990_is_refused():
    found = errors(answer(EHE, "child", child(born=date(1990, 5, 1))))
    assert found["date_of_birth"] == ["A child must be 17 or younger: check the date of birth"]


@QUICK
@given(st.sampled_from(["R2D2", "<script>", "Amira1", "@mira", "!!"]), st.booleans())
def test_a_childs_name_that_is_not_a_name_is_refused(wrong, first):
    data = child(first=wrong) if first else child(last=wrong)
    field, label = ("first_name", "First name") if first else ("last_name", "Last name")
    assert errors(answer(EHE, "child", data))[field] == [
        f"{label} must only include letters, spaces, hyphens, apostrophes and full stops"
    ]


# --- EHE: the address --------------------------------------------------------------------------


def address(postcode):
    return {"line_1": "4 Mill Lane", "town": "Wyvernton", "postcode": postcode}


@QUICK
@given(outward_codes(), inward_codes)
def test_a_real_postcode_is_kept_in_capitals_with_one_space(outward, inward):
    form = answer(EHE, "address", address(f"{outward}{inward}".lower()))
    assert form.is_valid() and form.cleaned_data["postcode"] == f"{outward} {inward}"


@QUICK
@given(st.sampled_from(["WY1", "12345", "WY1 2AB WY1", "WY1 2CB", "N/A", "WY1 2AB" * 20]))
def test_a_postcode_that_is_not_one_is_refused_not_cut_short(wrong):
    assert errors(answer(EHE, "address", address(wrong)))["postcode"] == [
        "Enter a real UK postcode, like SW1A 1AA"
    ]


# --- EHE: the school and the day off roll ------------------------------------------------------


def school(off_roll, status="left"):
    return {
        "school_status": status,
        "school_name": "Alderbrook Primary",
        **(date_fields("off_roll_date", off_roll) if off_roll else {}),
    }


BORN = date(2015, 3, 14)
WITH_CHILD = {"child": {"date_of_birth": BORN}}


@QUICK
@given(st.dates(birthday(BORN, 4), date.today()))
def test_a_day_off_roll_between_the_4th_birthday_and_today_is_taken(off_roll):
    form = answer(EHE, "school", school(off_roll), WITH_CHILD)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["off_roll_date"] == off_roll


@QUICK
@given(st.integers(1, 3000))
def test_a_day_off_roll_after_today_is_refused(days):
    off_roll = date.today() + timedelta(days=days)
    assert errors(answer(EHE, "school", school(off_roll), WITH_CHILD))["off_roll_date"] == [
        "The date the child was taken off the school's roll must be today or in the past"
    ]


@QUICK
@given(st.dates(date(1990, 1, 1), birthday(BORN, 4) - timedelta(days=1)))
def test_a_day_off_roll_before_the_child_was_4_is_refused_naming_the_day(off_roll):
    assert errors(answer(EHE, "school", school(off_roll), WITH_CHILD))["off_roll_date"] == [
        "The date the child was taken off the school's roll must be the same as or after "
        "14 March 2019, when they turned 4"
    ]


@QUICK
@given(st.sampled_from(["on_roll", "never"]), st.dates(birthday(BORN, 4), date.today()))
def test_a_day_off_roll_is_only_for_a_child_who_has_left(status, off_roll):
    assert errors(answer(EHE, "school", school(off_roll, status), WITH_CHILD))["off_roll_date"] == [
        "Give a date only if the child has been taken off a school's roll"
    ]


# --- EHE: how to contact you -------------------------------------------------------------------

WITH_ADDRESS = {"address": {"line_1": "4 Mill Lane", "town": "Wyvernton", "postcode": "WY1 2AB"}}


def contact(contact_by, phone=None, name="Sara Khan"):
    return {"name": name, "email": "sara@example.com", "phone": phone, "contact_by": contact_by}


@QUICK
@given(names(), uk_numbers(), st.sampled_from(["email", "phone", "letter"]), st.booleans())
def test_a_way_to_contact_you_with_what_it_needs_is_taken(name, number, contact_by, with_phone):
    typed, kept = number
    phone = typed if with_phone or contact_by == "phone" else None
    form = answer(EHE, "contact", contact(contact_by, phone, name), WITH_ADDRESS)
    assert form.is_valid(), form.errors
    if phone:
        assert form.cleaned_data["phone"].replace(" ", "") == kept.replace(" ", "")


@QUICK
@given(st.sampled_from([None, ""]))
def test_contact_by_phone_needs_a_phone_number(phone):
    assert errors(answer(EHE, "contact", contact("phone", phone), WITH_ADDRESS)) == {
        "phone": ["Enter a phone number, so that we can phone you"]
    }


def test_contact_by_letter_needs_the_address():
    assert errors(answer(EHE, "contact", contact("letter"))) == {
        "contact_by": ["Enter the child's address first: we will write to you there"]
    }


@QUICK
@given(st.sampled_from(["call me", "0770O 900 982", "07700 9OO 982", "phone", "+44 abc"]))
def test_a_phone_number_of_letters_is_refused(phone):
    assert errors(answer(EHE, "contact", contact("email", phone), WITH_ADDRESS)) == {
        "phone": ["Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"]
    }


# --- chaperones --------------------------------------------------------------------------------


def applicant(born):
    return {"first_name": "Grace", "last_name": "Morgan", **date_fields("date_of_birth", born)}


@QUICK
@given(st.sampled_from([18, 21]), st.integers(0, 40), st.integers(0, 300))
def test_a_chaperone_is_taken_from_the_councils_minimum_age(minimum, over, days):
    with override_settings(PORTAL_CHAPERONE_MINIMUM_AGE=minimum):
        assert answer(CHAPERONE, "applicant", applicant(aged(minimum + over, days))).is_valid()


@QUICK
@given(st.sampled_from([18, 21]), st.integers(1, 17), st.integers(0, 300))
def test_a_chaperone_under_the_minimum_age_is_refused_naming_it(minimum, under, days):
    with override_settings(PORTAL_CHAPERONE_MINIMUM_AGE=minimum):
        found = errors(answer(CHAPERONE, "applicant", applicant(aged(minimum - under, days))))
    assert found == {"date_of_birth": [f"You must be {minimum} or older to be a chaperone"]}


def dbs(issued, update_service):
    return {
        "certificate_number": "001234567890",
        **date_fields("issue_date", issued),
        "update_service": "yes" if update_service else "no",
    }


@QUICK
@given(st.sampled_from([1, 3, 5]), st.integers(0, 2000), st.booleans())
def test_a_dbs_certificate_within_the_limit_or_on_the_update_service_is_taken(
    limit, days, update_service
):
    # From exactly `limit` years ago (the day itself counts) to yesterday.
    issued = min(years_ago(limit) + timedelta(days=days), date.today() - timedelta(days=1))
    with override_settings(PORTAL_CHAPERONE_DBS_MAX_AGE_YEARS=limit):
        assert answer(CHAPERONE, "dbs", dbs(issued, update_service)).is_valid()
        older = years_ago(limit) - timedelta(days=days + 1)
        assert answer(CHAPERONE, "dbs", dbs(older, True)).is_valid()


@QUICK
@given(st.sampled_from([1, 3, 5]), st.integers(1, 5000))
def test_an_older_dbs_certificate_not_on_the_update_service_is_refused_naming_the_limit(
    limit, days
):
    with override_settings(PORTAL_CHAPERONE_DBS_MAX_AGE_YEARS=limit):
        found = errors(answer(CHAPERONE, "dbs", dbs(years_ago(limit) - timedelta(days), False)))
    years = "1 year" if limit == 1 else f"{limit} years"
    assert found == {
        "issue_date": [
            f"Your DBS certificate was issued more than {years} ago. We accept an enhanced "
            f"certificate from the last {years}, or one on the DBS update service"
        ]
    }


@QUICK
# What the flow keeps of an answer: no control characters (engine.plain_text).
@given(st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=200).filter(str.strip))
def test_declared_convictions_are_taken_and_flagged_for_the_officer(details):
    form = answer(CHAPERONE, "convictions", {"convictions": "yes", "details": details})
    assert form.is_valid(), form.errors
    values = {"convictions": form.cleaned_data, "dbs": {"update_service": False}}
    assert CHAPERONE.flags(values) == ["safeguarding"]
    assert CHAPERONE.findings(values) == [
        "The applicant declared convictions or cautions: read the details before approving"
    ]


def test_no_convictions_is_not_flagged_and_yes_needs_the_details():
    form = answer(CHAPERONE, "convictions", {"convictions": "no"})
    assert form.is_valid() and CHAPERONE.flags({"convictions": form.cleaned_data}) == []
    assert errors(answer(CHAPERONE, "convictions", {"convictions": "yes", "details": " "})) == {
        "details": ["Tell us about your convictions or cautions"]
    }
    assert errors(answer(CHAPERONE, "convictions", {})) == {
        "convictions": ["Select yes if you have convictions or cautions to tell us about"]
    }


# --- walks through the pages -------------------------------------------------------------------


def page_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode().replace("&#x27;", "'")


def test_ehe_contact_by_phone_without_a_number_is_an_error_by_the_phone_field(
    applicant, ehe_answers
):
    for path, data in list(ehe_answers.items())[:-1]:
        applicant.answer(path, data)
    page = page_of(
        applicant.post("step/contact/", {**ehe_answers["step/contact/"], "contact_by": "phone"})
    )
    assert 'id="id_phone_1_error"' in page  # by the phone field, not the choice
    assert "Enter a phone number, so that we can phone you" in page
    location = applicant.answer(
        "step/contact/",
        {**ehe_answers["step/contact/"], "contact_by": "phone", "phone": "+44 7700 900 982"},
    )
    assert location.endswith("check-your-answers/")
    assert "07700 900982" in page_of(applicant.get("check-your-answers/"))


def test_a_chaperone_who_declares_convictions_is_sent_to_the_officer_flagged(
    chaperone_applicant, django_capture_on_commit_callbacks
):
    answers = [
        (path, {"convictions": "yes", "details": "A caution for shoplifting in 2019."})
        if path == "step/convictions/"
        else (path, data)
        for path, data in chaperone_answers()
    ]
    walk(chaperone_applicant, answers)
    check = page_of(chaperone_applicant.get("check-your-answers/"))
    assert "Convictions and cautions" in check and "A caution for shoplifting" in check
    with django_capture_on_commit_callbacks(execute=True):
        chaperone_applicant.post("check-your-answers/", {})
    submission = Submission.objects.get()
    assert submission.flagged
    assert submission.findings == [
        "The applicant declared convictions or cautions: read the details before approving"
    ]
    assert submission.schema_version == 2
