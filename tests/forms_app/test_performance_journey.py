"""The child performance licence journey: the exemption check and its exit page, the
producer's and the parent's parts, the school's part only when the child misses school, the
21-day warning, and the photo and birth certificate uploads."""

from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.test import Client

from forms_app.demo_submissions import seed_submissions
from forms_app.engine import journey_for, summary_of_answers
from forms_app.journeys.registry import Journey
from forms_app.models import Attachment, FormPage, Submission

from .conftest import Applicant
from .licensing_fixtures import *  # noqa: F403  (the journey pages)
from .licensing_fixtures import (
    EXECUTABLE,
    PDF,
    date_fields,
    licence_answers,
    performance_day,
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


# --- the days at the place of performance ------------------------------------------------


def at_days(applicant, born=date(2019, 3, 1), first=None):
    """On the days step, for a child born on `born`; the performances run 20 days."""
    answers = licence_answers(born=born, first=first)
    walk(applicant, answers, until="step/days/add/")
    return dict(answers)["step/dates/"]


def first_of(dates):
    return date(int(dates["first_2"]), int(dates["first_1"]), int(dates["first_0"]))


def test_the_days_are_asked_after_the_childs_date_of_birth(licence_applicant):
    answers = [path for path, _data in licence_answers()]
    assert answers.index("step/child/") < answers.index("step/days/add/")


def test_the_probes_evenings_are_refused_for_a_child_of_7(licence_applicant):
    """6pm to 11:30pm every day with nothing else said: each rule broken is its own error."""
    first = first_of(at_days(licence_applicant))
    entry = performance_day(
        first,
        first + timedelta(days=9),
        arrives="18:00",
        leaves="23:30",
        performing="5:30",
        longest="5:30",
    )
    page = page_of(licence_applicant.post("step/days/add/", entry))
    run = f"{first:%-d %B %Y} to {first + timedelta(days=9):%-d %B %Y}"
    for message in (
        f"{run}: a child aged 7 may perform or rehearse for at most 3 hours a day (regulation 22)",
        "a child aged 7 may perform or rehearse for at most 150 minutes without a break",
        "must have a meal break of at least 45 minutes (regulation 23)",
        "may perform or rehearse on at most 6 days in a row (regulation 26)",
    ):
        assert message in page, message
    assert licence_applicant.get("step/days/").status_code == 302  # nothing was added


def test_evenings_past_the_latest_time_are_night_work_and_need_reasons(licence_applicant):
    first = first_of(at_days(licence_applicant))
    entry = performance_day(first, arrives="19:30", leaves="23:30", performing="2:00")
    licence_applicant.answer("step/days/add/", entry)
    location = licence_applicant.answer("step/days/", {"add_another": "no"})
    assert location.endswith("step/night_work/")
    page = page_of(licence_applicant.get("step/night_work/"))
    assert f"{first:%-d %B %Y}" in page and "This is night work" in page
    page = page_of(licence_applicant.post("step/night_work/", {}))
    assert "Tell us why the child must be there at these times, and how they will rest" in page


def test_days_within_the_hours_need_no_night_work_page(licence_applicant):
    first = first_of(at_days(licence_applicant))
    licence_applicant.answer(
        "step/days/add/", performance_day(first, arrives="10:00", leaves="13:00", performing="2:00")
    )
    location = licence_applicant.answer("step/days/", {"add_another": "no"})
    assert location.endswith("step/safeguarding/")


def test_a_day_outside_the_performance_dates_is_refused(licence_applicant):
    first = first_of(at_days(licence_applicant))
    page = page_of(
        licence_applicant.post("step/days/add/", performance_day(first - timedelta(days=1)))
    )
    assert "The dates must be within the dates of the performances" in page


def test_the_list_as_a_whole_is_checked(licence_applicant):
    """Two entries, each lawful alone, that add up to seven days in a row and a short night."""
    first = first_of(at_days(licence_applicant, born=date(2012, 1, 1)))
    licence_applicant.answer(
        "step/days/add/", performance_day(first, first + timedelta(days=3), leaves="21:00")
    )
    licence_applicant.answer("step/days/", {"add_another": "yes"})
    licence_applicant.answer(
        "step/days/add/",
        performance_day(
            first + timedelta(days=4), first + timedelta(days=6), arrives="07:00", leaves="10:00"
        ),
    )
    page = page_of(licence_applicant.post("step/days/", {"add_another": "no"}))
    fifth = f"{first + timedelta(days=4):%-d %B %Y}"
    assert f"{fifth}: a child must have at least 12 hours between leaving" in page
    assert "on at most 6 days in a row (regulation 26)" in page


def test_the_age_on_each_date_decides_the_limits(licence_applicant):
    """A child turning 9 during the run: 4 hours performing is refused before the birthday
    and allowed from it."""
    first = date.today() + timedelta(days=40)
    born = date(first.year - 9, first.month, first.day) + timedelta(days=2)
    first = first_of(at_days(licence_applicant, born=born, first=first))
    entry = performance_day(
        first,
        first + timedelta(days=3),
        arrives="10:00",
        leaves="16:00",
        performing="4:00",
        longest="2:00",
        meal_break="0:45",
        rest_breaks="1",
    )
    page = page_of(licence_applicant.post("step/days/add/", entry))
    assert (
        f"{first:%-d %B %Y} to {first + timedelta(days=1):%-d %B %Y}: a child aged 8 may "
        "perform or rehearse for at most 3 hours a day"
    ) in page
    assert "aged 9 may perform" not in page


def test_a_duration_must_be_hours_and_minutes(licence_applicant):
    first = first_of(at_days(licence_applicant))
    page = page_of(
        licence_applicant.post("step/days/add/", performance_day(first, performing="2:75"))
    )
    assert "Enter the time performing or rehearsing as hours and minutes, like 2:30" in page


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


# --- what was sent, as the officer reads it ----------------------------------------------


def flat(sections):
    return {
        section["title"]: [
            (str(label), str(value)) for rows in section["items"] for label, value in rows
        ]
        for section in sections
    }


def test_a_version_1_submissions_times_still_show_as_sent():
    answers = {"times": {"times": "5:30pm to 9:30pm", "night_work": False, "night_details": ""}}
    shown = flat(summary_of_answers(journey_for("performance_licence"), answers))
    assert ("Times", "5:30pm to 9:30pm") in shown["Times"]
    assert ("Night work", "No") in shown["Times"]


def test_the_seeded_days_read_as_hours_and_minutes(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    seed_submissions()
    seeded = Submission.objects.filter(journey=Journey.PERFORMANCE_LICENCE).first()
    shown = dict(
        flat(summary_of_answers(journey_for("performance_licence"), seeded.answers))[
            "Days at the place of performance"
        ]
    )
    first = date.fromisoformat(seeded.answers["days"][0]["first_date"])
    assert shown["Date"] == f"{first:%-d %B %Y}"
    assert shown["Time performing or rehearsing in all that day"] in {
        "4:00",
        "2:45",
        "3:30",
        "3:00",
    }


def test_night_work_is_flagged_for_the_officer_with_its_dates(
    licence_applicant, django_capture_on_commit_callbacks
):
    first = date.today() + timedelta(days=40)
    evening = performance_day(first, arrives="19:30", leaves="23:30", performing="2:00")
    answers = licence_answers(first=first, days=[evening])
    at = [path for path, _ in answers].index("step/days/") + 1
    answers.insert(at, ("step/night_work/", {"reasons": "The show ends at 11:15pm"}))
    walk(licence_applicant, answers)
    with django_capture_on_commit_callbacks(execute=True):
        licence_applicant.post("check-your-answers/", {})
    submission = Submission.objects.get()
    assert submission.flagged
    assert submission.findings == [
        f"Night work asked for, which needs the council's permission: {first:%-d %B %Y}"
    ]
    assert submission.schema_version == 2


def test_days_within_the_hours_are_not_flagged(
    licence_applicant, django_capture_on_commit_callbacks
):
    walk(licence_applicant, licence_answers())
    with django_capture_on_commit_callbacks(execute=True):
        licence_applicant.post("check-your-answers/", {})
    submission = Submission.objects.get()
    assert not submission.flagged and submission.findings == []
    assert submission.answers["days"][0]["performing"] == "2:30"
