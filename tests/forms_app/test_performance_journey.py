"""The child performance licence journey: the exemption check and its exit page, the
producer's and the parent's parts, the school's part only when the child misses school, the
21-day warning, and the photo and birth certificate uploads."""

from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.test import Client

from forms_app.models import Attachment, FormPage, Submission

from .conftest import Applicant
from .licensing_fixtures import *  # noqa: F403  (the journey pages)
from .licensing_fixtures import (
    EXECUTABLE,
    PDF,
    date_fields,
    licence_answers,
    png_bytes,
    upload,
    walk,
)


def page_of(response):
    return response.content.decode().replace("&#x27;", "'")


def exemption(paid="no", misses_school="no", days="2", body_of_persons="no"):
    return {
        "paid": paid,
        "misses_school": misses_school,
        "days_performed": days,
        "body_of_persons": body_of_persons,
    }


def test_a_licence_for_a_child_who_misses_school(
    licence_applicant, django_capture_on_commit_callbacks
):
    walk(licence_applicant, licence_answers(misses_school=True))
    check = page_of(licence_applicant.get("check-your-answers/"))
    assert "The school's agreement" in check and "Helen Baker" in check
    assert "The child's education" in check and "Ruth Evans" in check
    assert "maja.png" in check and "birth.pdf" in check

    with django_capture_on_commit_callbacks(execute=True):
        licence_applicant.post("check-your-answers/", {})
    submission = Submission.objects.get()
    assert submission.reference.startswith("CPL-") and submission.service == "licensing"
    assert (submission.submitter_name, submission.submitter_email) == (
        "Anna Nowak",
        "anna@example.com",
    )
    assert submission.answers["dates"]["short_notice"] is False
    files = {a.question: a for a in submission.attachments.all()}
    assert set(files) == {"documents.photo", "documents.birth_certificate"}
    assert (files["documents.photo"].kind, files["documents.birth_certificate"].kind) == (
        "png",
        "pdf",
    )
    # Uploads are kept outside MEDIA_ROOT, where no URL can serve them.
    for attachment in files.values():
        stored = Path(attachment.file.path).resolve()
        assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
        assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
        assert attachment.original_name not in stored.name  # the name given is not used on disk


def test_the_schools_part_is_asked_only_when_the_child_misses_school(licence_applicant):
    answers = licence_answers(misses_school=False)
    assert "step/school/" not in dict(answers)
    walk(licence_applicant, answers)
    check = page_of(licence_applicant.get("check-your-answers/"))
    assert "The school's agreement" not in check and "The child's education" not in check
    assert licence_applicant.get("step/school/").status_code == 302


def test_the_last_part_goes_to_the_school_when_the_child_misses_school(licence_applicant):
    answers = licence_answers(misses_school=True)
    walk(licence_applicant, answers, until="step/documents/")
    location = licence_applicant.answer("step/documents/", dict(answers)["step/documents/"])
    assert location.endswith("step/school/")


# --- the exemption check ---------------------------------------------------------------


def test_a_child_who_is_not_paid_misses_no_school_and_performs_rarely_needs_no_licence(
    licence_applicant,
):
    response = licence_applicant.post("step/exemption/", exemption(days="2"))
    page = page_of(response)
    assert response.status_code == 200
    assert "The child does not need a licence" in page
    assert "is not paid, will not miss any school" in page
    assert f'href="{licence_applicant.base}"' in page and "Start again" in page
    # Going on is not possible: check answers sends the person back to the exemption step.
    assert licence_applicant.get("check-your-answers/")["Location"].endswith("step/exemption/")


def test_a_body_of_persons_approval_means_no_licence(licence_applicant):
    page = page_of(
        licence_applicant.post("step/exemption/", exemption(paid="yes", body_of_persons="yes"))
    )
    assert "covered by a body of persons approval" in page


def test_a_fifth_day_in_six_months_needs_a_licence(licence_applicant):
    assert "does not need a licence" in page_of(
        licence_applicant.post("step/exemption/", exemption(days="3"))
    )
    location = licence_applicant.answer("step/exemption/", exemption(days="4"))
    assert location.endswith("step/production/")


def test_the_exemption_questions_are_all_needed(licence_applicant):
    page = page_of(licence_applicant.post("step/exemption/", {"days_performed": "many"}))
    assert "Select yes if the child will be paid" in page
    assert "The number of days the child has performed must be a whole number, like 3" in page


# --- the 21-day warning --------------------------------------------------------------------


def test_a_first_performance_less_than_21_days_away_is_a_warning_not_an_error(licence_applicant):
    first = date.today() + timedelta(days=10)
    answers = licence_answers(first=first)
    walk(licence_applicant, answers, until="step/dates/")
    location = licence_applicant.answer("step/dates/", dict(answers)["step/dates/"])
    assert location.endswith("step/late/")
    page = page_of(licence_applicant.get("step/late/"))
    assert "The first performance is less than 21 days away" in page
    assert "govuk-warning-text" in page and "Error:" not in page
    assert f"{first:%-d %B %Y}" in page
    location = licence_applicant.answer("step/late/", {})  # the reason is optional
    assert location.endswith("step/places/")


def test_21_days_or_more_has_no_warning(licence_applicant):
    answers = licence_answers(first=date.today() + timedelta(days=21))
    walk(licence_applicant, answers, until="step/dates/")
    location = licence_applicant.answer("step/dates/", dict(answers)["step/dates/"])
    assert location.endswith("step/places/")


def test_the_last_performance_cannot_be_before_the_first(licence_applicant):
    walk(licence_applicant, licence_answers(), until="step/dates/")
    first = date.today() + timedelta(days=30)
    page = page_of(
        licence_applicant.post(
            "step/dates/",
            {**date_fields("first", first), **date_fields("last", first - timedelta(days=1))},
        )
    )
    assert "The date of the last performance must be on or after the first" in page


# --- the producer's confirmations and the tutor ---------------------------------------------------


def test_risk_assessment_and_safeguarding_policy_are_required(licence_applicant):
    walk(licence_applicant, licence_answers(), until="step/safeguarding/")
    page = page_of(
        licence_applicant.post(
            "step/safeguarding/", {"risk_assessment": "no", "safeguarding_policy": "no"}
        )
    )
    assert (
        "The producer must do a risk assessment for the child before we can grant a licence" in page
    )
    assert "The producer must have a safeguarding policy before we can grant a licence" in page


def test_a_tutor_teaches_at_least_3_hours_a_day(licence_applicant):
    walk(licence_applicant, licence_answers(), until="step/education/")
    page = page_of(
        licence_applicant.post(
            "step/education/", {"tutor": "yes", "tutor_name": "Ruth Evans", "tutor_hours": "2"}
        )
    )
    assert "A tutor must teach the child for at least 3 hours on each school day they miss" in page
    page = page_of(licence_applicant.post("step/education/", {"tutor": "no"}))
    assert "Tell us how the child will keep up with their education" in page


def test_night_work_needs_details(licence_applicant):
    walk(licence_applicant, licence_answers(), until="step/times/")
    page = page_of(
        licence_applicant.post("step/times/", {"times": "Evenings", "night_work": "yes"})
    )
    assert "Tell us when the child will work at night" in page


# --- uploads ---------------------------------------------------------------------------------


def at_documents(applicant):
    walk(applicant, licence_answers(), until="step/documents/")


def test_both_files_are_required(licence_applicant):
    at_documents(licence_applicant)
    page = page_of(licence_applicant.post("step/documents/", {}))
    assert page.count("Select a recent photo of the child") == 2  # summary and field, once each
    assert "Select a copy of the child's birth certificate" in page


def test_an_executable_named_pdf_is_refused(licence_applicant):
    at_documents(licence_applicant)
    page = page_of(
        licence_applicant.post(
            "step/documents/",
            {
                "photo": upload("maja.png", png_bytes(), "image/png"),
                "birth_certificate": upload("birth.pdf", EXECUTABLE, "application/pdf"),
            },
        )
    )
    assert "The selected file must be a PDF, JPG or PNG" in page
    assert Attachment.objects.filter(question="documents.birth_certificate").count() == 0
    # The good photo is kept: the page says so, and sending again needs only the certificate.
    assert "You have uploaded maja.png" in page
    location = licence_applicant.answer(
        "step/documents/",
        {
            "photo": Attachment.objects.get(question="documents.photo").pk,
            "birth_certificate": upload("birth.pdf", PDF, "application/pdf"),
        },
    )
    assert location.endswith("step/school/")


def test_a_file_over_the_limit_is_refused(licence_applicant, settings):
    settings.PORTAL_UPLOAD_MAX_BYTES = 1024
    at_documents(licence_applicant)
    page = page_of(
        licence_applicant.post(
            "step/documents/",
            {
                "photo": upload("big.png", png_bytes() + b"\x00" * 2048, "image/png"),
                "birth_certificate": upload("birth.pdf", PDF, "application/pdf"),
            },
        )
    )
    assert "The selected file must be smaller than 7MB" in page
    assert not Attachment.objects.filter(question="documents.photo").exists()


def test_the_photo_must_be_a_picture(licence_applicant):
    at_documents(licence_applicant)
    page = page_of(
        licence_applicant.post(
            "step/documents/",
            {
                "photo": upload("photo.pdf", PDF, "application/pdf"),
                "birth_certificate": upload("birth.pdf", PDF, "application/pdf"),
            },
        )
    )
    assert "The selected file must be a JPG or PNG" in page
    assert not Attachment.objects.filter(question="documents.photo").exists()


def test_going_back_to_the_documents_does_not_ask_for_them_again(licence_applicant):
    answers = licence_answers()
    walk(licence_applicant, answers, until="step/school/")
    page = page_of(licence_applicant.get("step/documents/"))
    assert "You have uploaded maja.png" in page and "You have uploaded birth.pdf" in page
    stored = dict(
        Attachment.objects.values_list("question", "pk")
    )  # what the page carries in hidden fields
    for pk in stored.values():
        assert f'value="{pk}"' in page
    location = licence_applicant.answer(
        "step/documents/",
        {
            "photo": stored["documents.photo"],
            "birth_certificate": stored["documents.birth_certificate"],
        },
    )
    assert location.endswith("step/school/")


def test_a_file_name_is_shown_escaped(licence_applicant):
    at_documents(licence_applicant)
    licence_applicant.post(
        "step/documents/",
        {
            "photo": upload('<b onmouseover="x">.png', png_bytes(), "image/png"),
            "birth_certificate": upload("birth.pdf", PDF, "application/pdf"),
        },
    )
    page = licence_applicant.get("step/documents/").content.decode()
    assert '<b onmouseover="x">' not in page
    assert "&lt;b onmouseover=&quot;x&quot;&gt;.png" in page


def test_a_file_from_someone_elses_application_cannot_be_claimed(licence_applicant):
    at_documents(licence_applicant)
    licence_applicant.post(
        "step/documents/",
        {
            "photo": upload("maja.png", png_bytes(), "image/png"),
            "birth_certificate": upload("birth.pdf", PDF, "application/pdf"),
        },
    )
    theirs = Attachment.objects.get(question="documents.photo").pk
    someone_else = Applicant(
        Client(HTTP_HOST="localhost"), FormPage.objects.get(slug="performance-licence")
    )
    at_documents(someone_else)
    page = page_of(
        someone_else.post(
            "step/documents/",
            {"photo": theirs, "birth_certificate": upload("birth.pdf", PDF, "application/pdf")},
        )
    )
    assert "Select a recent photo of the child" in page
    assert "maja.png" not in page


def test_a_replaced_file_is_deleted(licence_applicant):
    at_documents(licence_applicant)
    documents = dict(licence_answers())["step/documents/"]
    licence_applicant.answer("step/documents/", documents)
    first = Attachment.objects.get(question="documents.photo")
    licence_applicant.answer(
        "step/documents/",
        {
            "photo": upload("newer.png", png_bytes(), "image/png"),
            "birth_certificate": Attachment.objects.get(question="documents.birth_certificate").pk,
        },
    )
    assert Attachment.objects.get(question="documents.photo").original_name == "newer.png"
    assert not Path(first.file.path).exists()
