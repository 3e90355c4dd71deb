"""Input purpose (WCAG 1.3.5) and redundant entry (3.3.7) in every journey.

The applicant's own name, email, phone, address and date of birth carry HTML's
autocomplete tokens, so a browser can fill them in; the same questions about anyone else
(the child, a parent in a list, an employer, a producer, a referee) carry none, so no
browser offers the applicant's own details there. What a person gave at an earlier step
is offered at a later one that asks for it again."""

import re

import pytest

from forms_app.engine import REGISTRY

# Every token a journey's questions carry, by journey, step and field: anything not listed
# must carry none. A date of birth carries one per input (day, month, year).
OWN_DETAILS = {
    "ehe_registration": {
        "contact": {"name": ("name",), "email": ("email",), "phone": ("tel",)},
    },
    "employment_permit": {
        "parent": {"name": ("name",), "email": ("email",), "phone": ("tel",)},
    },
    "performance_licence": {
        "parent": {"name": ("name",), "email": ("email",), "phone": ("tel",)},
    },
    "chaperone_approval": {
        "applicant": {
            "first_name": ("given-name",),
            "last_name": ("family-name",),
            "date_of_birth": ("bday-day", "bday-month", "bday-year"),
        },
        "address": {
            "line_1": ("address-line1",),
            "line_2": ("address-line2",),
            "town": ("address-level2",),
            "postcode": ("postal-code",),
        },
        "contact": {"email": ("email",), "phone": ("tel",)},
    },
    # A school's member of staff tells us about a pupil and the family: nothing is theirs.
    "attendance_referral": {},
    "roll_change": {},
}

# The steps about someone other than the applicant: none of their questions has a token.
ABOUT_OTHERS = {
    "ehe_registration": ["child", "address", "parents"],
    "employment_permit": ["child", "child_address", "employer", "business_address", "workplace", "supervisor"],
    "performance_licence": ["producer", "child", "safeguarding", "education", "child_address", "school"],
    "chaperone_approval": ["references"],
    "attendance_referral": ["pupil", "pupil_address", "parents"],
    "roll_change": ["pupil", "pupil_address", "parents", "other_school", "moved", "destination"],
}  # fmt: skip

TOKEN = re.compile(r'autocomplete="([^"]+)"')


def tokens(bound_field):
    """The autocomplete tokens the field's inputs render with, "off" aside (times and
    durations turn the browser's memory of answers off: that names no purpose)."""
    return tuple(token for token in TOKEN.findall(str(bound_field)) if token != "off")


def every_field():
    for journey, definition in REGISTRY.items():
        for step in definition.steps:
            form = step.form_class(values={})
            for name in form.fields:
                yield journey, step.slug, name, form[name]


@pytest.mark.django_db
def test_the_applicants_own_details_and_only_those_carry_autocomplete_tokens():
    found = {}
    for journey, step, name, bound_field in every_field():
        if tokens(bound_field):
            found.setdefault(journey, {}).setdefault(step, {})[name] = tokens(bound_field)
    assert set(REGISTRY) == set(OWN_DETAILS)
    for journey, steps in OWN_DETAILS.items():
        assert found.get(journey, {}) == steps, journey


@pytest.mark.django_db
def test_no_question_about_the_child_or_anyone_else_has_the_applicants_tokens():
    checked = 0
    for journey, step, name, bound_field in every_field():
        if step in ABOUT_OTHERS[journey]:
            assert tokens(bound_field) == (), (journey, step, name)
            checked += 1
    assert checked > 40  # the child's name, date of birth and address among them


def test_the_child_and_applicant_share_no_form_class():
    # The applicant's address form is its own class: the child's address (AddressForm)
    # cannot pick up the applicant's tokens from it.
    chaperone = REGISTRY["chaperone_approval"]
    ehe = REGISTRY["ehe_registration"]
    assert chaperone.step("address").form_class is not ehe.step("address").form_class
    assert issubclass(chaperone.step("address").form_class, ehe.step("address").form_class)
