"""Pages, answers and files for the licensing journeys' tests: the child employment permit,
the child performance licence and chaperone approval."""

import struct
import zlib
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF

from forms_app.factories import FormPageFactory
from forms_app.journeys.registry import Journey
from forms_app.models import Attachment

from .conftest import Applicant


def form_page(home, slug, journey, title):
    return FormPageFactory(parent=home, slug=slug, journey=journey, title=title)


@pytest.fixture
def permit_applicant(client, home):
    page = form_page(home, "child-work-permit", Journey.EMPLOYMENT_PERMIT, "Child work permit")
    return Applicant(client, page)


@pytest.fixture
def licence_applicant(client, home):
    page = form_page(
        home, "performance-licence", Journey.PERFORMANCE_LICENCE, "Child performance licence"
    )
    return Applicant(client, page)


@pytest.fixture
def chaperone_applicant(client, home):
    page = form_page(home, "chaperone-approval", Journey.CHAPERONE_APPROVAL, "Chaperone approval")
    return Applicant(client, page)


@pytest.fixture(autouse=True)
def remove_uploaded_files(db):
    """Uploads go to the private folder on disk; leave nothing behind."""
    yield
    for attachment in Attachment.objects.all():
        attachment.file.delete(save=False)


# --- dates -------------------------------------------------------------------------------


def born(years, on):
    """A date of birth that makes a child `years` old on `on` (and a while after)."""
    return date(on.year - years, on.month, 1) - timedelta(days=40)


def date_fields(name, value):
    return {
        f"{name}_0": str(value.day),
        f"{name}_1": str(value.month),
        f"{name}_2": str(value.year),
    }


# --- files -------------------------------------------------------------------------------


def png_bytes():
    """A real 1x1 pixel PNG."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def pdf_bytes(words="A letter"):
    """A real one-page PDF (uploads are read with a PDF parser: it needs a page)."""
    document = FPDF()
    document.add_page()
    document.set_font("helvetica")
    document.cell(text=words)
    return bytes(document.output())


PDF = pdf_bytes()
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def upload(name, content, kind="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=kind)


# --- the child employment permit -----------------------------------------------------------


def day(name, start, end, second=None):
    data = {"day": name, "start": start, "end": end}
    if second:
        data["second_start"], data["second_end"] = second
    return data


def permit_answers(age=14, start=None, when="both", term_days=None, holiday_days=None):
    """(path, data) pairs that walk the employment permit from start to check answers."""
    start = start or date.today() + timedelta(days=30)
    answers = [
        (
            "step/child/",
            {
                "first_name": "Jamie",
                "last_name": "Clarke",
                **date_fields("date_of_birth", born(age, start)),
            },
        ),
        (
            "step/child_address/",
            {"line_1": "12 Station Road", "town": "Wyvernton", "postcode": "WY2 3BD"},
        ),
        ("step/school/", {"school_name": "Wyvernton Academy"}),
        (
            "step/employer/",
            {
                "name": "Priya Shah",
                "business_name": "Shah's News",
                "phone": "01632 960 789",
                "email": "priya@shahsnews.example",
            },
        ),
        (
            "step/business_address/",
            {"line_1": "1 High Street", "town": "Wyvernton", "postcode": "WY1 1AB"},
        ),
        ("step/workplace_same/", {"same": "yes"}),
        ("step/supervisor/", {"name": "Priya Shah", "role": "Owner"}),
        ("step/start/", date_fields("start_date", start)),
        (
            "step/job/",
            {
                "job_type": "newspaper_delivery",
                "tasks": "Delivering newspapers to 40 houses",
                **({"light_work": "yes"} if age == 13 else {}),
            },
        ),
        ("step/when/", {"when": when}),
    ]
    if when in ("both", "term"):
        answers.append(("step/school_times/", {"starts": "08:45", "ends": "15:15"}))
        for item in term_days or [
            day("monday", "07:45", "08:30"),
            day("saturday", "08:00", "10:00"),
        ]:
            answers.append(("step/term_days/add/", item))
        answers.append(("step/term_days/", {"add_another": "no"}))
    if when in ("both", "holidays"):
        for item in holiday_days or [day("monday", "09:00", "12:00")]:
            answers.append(("step/holiday_days/add/", item))
        answers.append(("step/holiday_days/", {"add_another": "no"}))
    answers += [
        ("step/hours/", {"holiday_break": "yes"}),
        ("step/safety/", {"risk_assessment": "yes", "insurance": "yes"}),
        (
            "step/parent/",
            {
                "name": "Sam Clarke",
                "relationship": "mother",
                "email": "sam@example.com",
                "phone": "07700 900 123",
            },
        ),
        ("step/declaration/", {"health": "no", "consent": "on"}),
    ]
    return answers


def walk(applicant, answers, until=None):
    """Answer each step in turn, stopping before the step at `until` (a path)."""
    for path, data in answers:
        if path == until:
            return
        applicant.answer(path, data)


# --- the child performance licence ---------------------------------------------------------


def performance_day(first, last=None, arrives="17:30", leaves="21:30", **changes):
    """One entry of the days at the place of performance (a run when `last` is given)."""
    return {
        **date_fields("first_date", first),
        **(date_fields("last_date", last) if last else {}),
        "arrives": arrives,
        "leaves": leaves,
        "performing": "2:30",
        "longest": "1:30",
        "meal_break": "",
        "rest_breaks": "0",
        **changes,
    }


def licence_answers(misses_school=True, first=None, days=None, born=date(2015, 6, 9)):
    first = first or date.today() + timedelta(days=40)
    answers = [
        (
            "step/exemption/",
            {
                "paid": "yes",
                "misses_school": "yes" if misses_school else "no",
                "days_performed": "2",
                "body_of_persons": "no",
            },
        ),
        ("step/production/", {"name": "Wyvern Panto: Aladdin", "description": "A pantomime"}),
        (
            "step/producer/",
            {
                "name": "Ola Nowak",
                "organisation": "Wyvern Theatre Ltd",
                "email": "ola@wyverntheatre.example",
                "phone": "01632 960 321",
            },
        ),
        (
            "step/child/",
            {
                "first_name": "Maja",
                "last_name": "Nowak",
                **date_fields("date_of_birth", born),
            },
        ),
        (
            "step/dates/",
            {**date_fields("first", first), **date_fields("last", first + timedelta(days=20))},
        ),
        ("step/places/", {"places": "Wyvern Theatre, 3 Market Square, Wyvernton WY1 4EF"}),
        *(
            ("step/days/add/", entry)
            for entry in days or [performance_day(first, first + timedelta(days=5))]
        ),
        ("step/days/", {"add_another": "no"}),
        ("step/safeguarding/", {"risk_assessment": "yes", "safeguarding_policy": "yes"}),
    ]
    if misses_school:
        answers.append(
            ("step/education/", {"tutor": "yes", "tutor_name": "Ruth Evans", "tutor_hours": "3"})
        )
    answers += [
        (
            "step/child_address/",
            {"line_1": "8 Orchard Close", "town": "Wyvernton", "postcode": "WY3 5GH"},
        ),
        (
            "step/parent/",
            {
                "name": "Anna Nowak",
                "relationship": "mother",
                "email": "anna@example.com",
                "phone": "07700 900 456",
            },
        ),
        ("step/health/", {"health": "no", "consent": "on"}),
        (
            "step/documents/",
            {
                "photo": upload("maja.png", png_bytes(), "image/png"),
                "birth_certificate": upload("birth.pdf", PDF, "application/pdf"),
            },
        ),
    ]
    if misses_school:
        answers.append(
            (
                "step/school/",
                {
                    "head_name": "Helen Baker",
                    "school_name": "Orchard Primary School",
                    "days_absent": "4",
                },
            )
        )
    return answers


# --- chaperone approval ------------------------------------------------------------------------


def referee(name, **changes):
    return {
        "name": name,
        "relationship": "My manager at work",
        "email": f"{name.split()[0].lower()}@example.com",
        "related": "no",
        **changes,
    }


def chaperone_answers(age=40):
    today = date.today()
    return [
        (
            "step/applicant/",
            {
                "first_name": "Grace",
                "last_name": "Morgan",
                **date_fields("date_of_birth", born(age, today)),
            },
        ),
        ("step/address/", {"line_1": "5 Elm Grove", "town": "Wyvernton", "postcode": "WY4 6JL"}),
        ("step/contact/", {"email": "grace@example.com", "phone": "07700 900 789"}),
        (
            "step/dbs/",
            {
                "certificate_number": "0012 3456 7890",
                **date_fields("issue_date", today - timedelta(days=200)),
                "update_service": "no",
            },
        ),
        ("step/convictions/", {"convictions": "no"}),
        ("step/references/add/", referee("Tom Hughes")),
        ("step/references/", {"add_another": "yes"}),
        ("step/references/add/", referee("Leah Patel", relationship="Youth club leader")),
        ("step/references/", {}),
        ("step/experience/", {"experience": "I have run a youth drama club for 6 years."}),
    ]
