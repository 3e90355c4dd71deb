"""A roll-change page, term dates around today (so that a notice's deadline does not hang
on the day the tests run), and each step's answers for the roll-change journey's tests."""

from datetime import date, timedelta

import pytest

from forms_app.factories import FormPageFactory
from forms_app.journeys.registry import Journey

from .conftest import Applicant


def day(name, value):
    """A GOV.UK date input's three boxes."""
    return {
        f"{name}_0": str(value.day),
        f"{name}_1": str(value.month),
        f"{name}_2": str(value.year),
    }


def school_days_before(today, count):
    """The weekday `count` weekdays before `today` that is not a bank holiday."""
    from portal.terms import working_day

    found = today
    for _each in range(count):
        found -= timedelta(days=1)
        while not working_day(found):
            found -= timedelta(days=1)
    return found


@pytest.fixture
def terms_around_today(settings):
    """One long term from 200 days ago to 200 days ahead: every working day a school day."""
    today = date.today()
    first, last = today - timedelta(days=200), today + timedelta(days=200)
    settings.PORTAL_TERMS = [("This term", [(first.isoformat(), last.isoformat())])]
    return today


@pytest.fixture
def roll_change_page(home):
    return FormPageFactory(
        parent=home,
        slug="roll-change",
        journey=Journey.ROLL_CHANGE,
        title="Tell the council about a pupil leaving or joining your roll",
    )


@pytest.fixture
def sender(client, roll_change_page, school_user, terms_around_today):
    client.force_login(school_user)
    return Applicant(client, roll_change_page)


BORN = date(2016, 5, 14)


def start(school, kind):
    """The steps every notice answers."""
    return [
        ("step/school/", {"school": str(school.pk)}),
        ("step/kind/", {"kind": kind}),
        (
            "step/pupil/",
            {"first_name": "Ruby", "last_name": "Shaw", **day("date_of_birth", BORN), "upn": ""},
        ),
        (
            "step/pupil_address/",
            {"line_1": "3 Weir Cottages", "town": "Wyvernton", "postcode": "WY1 4EF"},
        ),
        (
            "step/parents/add/",
            {
                "first_name": "Nadia",
                "last_name": "Shaw",
                "relationship": "mother",
                "parental_responsibility": "yes",
                "phone": "01632 960 654",
                "email": "nadia@example.com",
            },
        ),
        ("step/parents/", {"add_another": "no"}),
    ]


NO_CONCERNS = ("step/safeguarding/", {"concerns": "no"})


def deletion(school, ground, deleted_on, *extra, destination=None):
    steps = start(school, "deletion") + [
        ("step/deletion/", {"ground": ground, **day("deleted_on", deleted_on)})
    ]
    steps += list(extra)
    if destination is not None:
        steps.append(("step/destination/", destination))
    return steps + [NO_CONCERNS]


NOT_KNOWN = {"destination": "not_known", "family_moved": "not_known"}


def send(sender, steps):
    """Answers every step, then sends the notice from check your answers."""
    for path, data in steps:
        sender.answer(path, data)
    response = sender.post("check-your-answers/", {})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"].endswith("confirmation/"), response["Location"]
    return response


# --- every kind of notice, for the fuzz test (tests/forms_app/test_fuzz.py) ------------------


def other_school_notice(school):
    other = {"school_name": "Beechfield Primary", "urn": "190002", **day("starts_on", date.today())}
    return deletion(school, "9_1_a", date.today(), ("step/other_school/", other))


def home_education_notice(school):
    notice = {**day("notice_on", date.today()), "ehc_plan": "no", "special_school": "no"}
    return deletion(school, "9_1_f", date.today(), ("step/home_education/", notice))


def moved_notice(school):
    moved = ("step/moved/", {"new_address": "Bristol"})
    return deletion(school, "9_1_g", date.today(), moved, destination=NOT_KNOWN)


def medical_notice(school):
    medical = {**day("certificate_on", date.today()), "parent_told": "on"}
    return deletion(
        school, "9_1_j", date.today(), ("step/medical/", medical), destination=NOT_KNOWN
    )


def absence_notice(school):
    today = date.today()
    absence = {
        **day("first_day", school_days_before(today, 25)),
        "only_codes": "on",
        "enquiries": "Calls, letters and home visits",
        **day("council_agreed_on", today),
    }
    return deletion(school, "9_1_i", today, ("step/absence/", absence), destination=NOT_KNOWN)


def exclusion_notice(school):
    exclusion = {**day("decided_on", date.today()), "review_over": "on"}
    return deletion(
        school, "9_1_n", date.today(), ("step/exclusion/", exclusion), destination=NOT_KNOWN
    )


def addition_notice(school):
    added = {**day("added_on", date.today()), "previous_school": "", "non_standard": "yes"}
    return start(school, "addition") + [("step/addition/", added)]


VARIANTS = [
    ("another school", other_school_notice),
    ("home education", home_education_notice),
    ("moved", moved_notice),
    ("medical", medical_notice),
    ("absence", absence_notice),
    ("exclusion", exclusion_notice),
    ("addition", addition_notice),
]
