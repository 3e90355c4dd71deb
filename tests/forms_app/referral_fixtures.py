"""A referral page, school users, and a complete set of answers for the attendance
referral journey's tests. Dates sit in the council's autumn 2026 term (settings)."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from forms_app.factories import FormPageFactory
from forms_app.journeys.registry import Journey
from portal.factories import MembershipFactory

from .conftest import Applicant
from .licensing_fixtures import pdf_bytes

PDF = pdf_bytes("Register printout")
VALID_UPN = "H801200001001"  # the DfE guidance's worked example


def born_in_year(year, today=None, month=6, day_of_month=1):
    """An ISO date of birth that puts a pupil in Year `year` (0: Reception) this school
    year: aged year + 4 on the 31 August before it."""
    today = today or date.today()
    cutoff_year = today.year if today.month >= 9 else today.year - 1
    born_year = cutoff_year - (year + 4) - (1 if (month, day_of_month) > (8, 31) else 0)
    return date(born_year, month, day_of_month).isoformat()


def day(name, value):
    """A GOV.UK date input's three boxes, from "2026-10-05"."""
    year, month, day_of_month = value.split("-")
    return {f"{name}_0": day_of_month, f"{name}_1": month, f"{name}_2": year}


@pytest.fixture
def referral_page(home):
    return FormPageFactory(
        parent=home,
        slug="attendance-referral",
        journey=Journey.ATTENDANCE_REFERRAL,
        title="Refer a pupil to the attendance service",
    )


@pytest.fixture
def referrer(client, referral_page, school_user):
    client.force_login(school_user)
    return Applicant(client, referral_page)


@pytest.fixture
def other_school_user(other_school):
    return MembershipFactory(school=other_school, user__email="head@beechfield.example").user


def referral_answers(school):
    """Every step's answers, in order, for a pupil with 16 unauthorised sessions."""
    return [
        ("step/school/", {"school": str(school.pk)}),
        (
            "step/pupil/",
            {
                "first_name": "Kai",
                "last_name": "Morgan",
                **day("date_of_birth", born_in_year(6)),
                "upn": VALID_UPN.lower(),
                "year_group": "year_6",
            },
        ),
        (
            "step/pupil_address/",
            {"line_1": "9 Kiln Road", "town": "Wyvernton", "postcode": "WY1 4EF"},
        ),
        (
            "step/parents/add/",
            {
                "first_name": "Dana",
                "last_name": "Morgan",
                "relationship": "mother",
                "parental_responsibility": "yes",
                "phone": "01632 960 777",
            },
        ),
        ("step/parents/", {"add_another": "no"}),
        ("step/agencies/", {"agencies": ["early_help", "school_nurse"]}),
        (
            "step/absence/",
            {
                **day("period_from", "2026-09-07"),
                **day("period_to", "2026-11-20"),
                "possible": "100",
                "attended": "70",
                "code_g": "0",
                "code_n": "12",
                "code_o": "4",
                "code_u": "0",
            },
        ),
        (
            "step/absence_dates/add/",
            {
                **day("first_day", "2026-10-05"),
                **day("last_day", "2026-10-09"),
                "part": "both",
                "code": "N",
            },
        ),
        (
            "step/absence_dates/add/",
            {
                **day("first_day", "2026-10-12"),
                **day("last_day", "2026-10-12"),
                "part": "both",
                "code": "N",
            },
        ),
        (
            "step/absence_dates/add/",
            {
                **day("first_day", "2026-11-09"),
                **day("last_day", "2026-11-10"),
                "part": "both",
                "code": "O",
            },
        ),
        ("step/absence_dates/", {"add_another": "no"}),
        ("step/absence_result/", {}),
        ("step/support/", {"support": ["attendance_meeting", "warning_letter"]}),
        (
            "step/support_dates/",
            {
                **day("attendance_meeting_date", "2026-09-30"),
                **day("warning_letter_date", "2026-10-14"),
            },
        ),
        ("step/request/", {"request": "penalty_notice", "previous_notices": "0"}),
        ("step/outcome/", {}),
        (
            "step/safeguarding/",
            {
                "prevent": "no",
                "sexual_exploitation": "no",
                "criminal_exploitation": "no",
                "missing": "no",
                "social_care": "no",
                "sen": "no",
            },
        ),
        ("step/voice/", {"asked": "yes", "pupil_says": "Kai says mornings are hard at home."}),
        ("step/register/", {"printout": "register"}),  # the file is added by answer_all
        ("step/declaration/", {"confirm": "on"}),
    ]


def register_file():
    return SimpleUploadedFile("register.pdf", PDF, content_type="application/pdf")


def answer_all(referrer, answers):
    """Answer each step in turn; the register step gets a fresh PDF."""
    for path, data in answers:
        if path == "step/register/":
            data = {"printout": register_file()}
        referrer.answer(path, data)


@pytest.fixture
def at_register(referrer, school):
    """A referral answered up to its register step (the upload), ready to send a file."""
    for path, data in referral_answers(school):
        if path == "step/register/":
            return referrer
        referrer.answer(path, data)
