"""The chaperone approval journey: at least 18, an enhanced DBS certificate, and exactly two
referees who are not related to the applicant."""

from datetime import date, timedelta

from forms_app.models import Submission

from .licensing_fixtures import *  # noqa: F403  (the journey pages)
from .licensing_fixtures import chaperone_answers, date_fields, referee, walk


def page_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode().replace("&#x27;", "'")


def test_an_adult_applies_to_be_a_chaperone(
    chaperone_applicant, django_capture_on_commit_callbacks
):
    walk(chaperone_applicant, chaperone_answers())
    check = page_of(chaperone_applicant.get("check-your-answers/"))
    assert "Referee 1" in check and "Referee 2" in check and "Leah Patel" in check
    assert "001234567890" in check  # the certificate number, spaces taken out
    with django_capture_on_commit_callbacks(execute=True):
        chaperone_applicant.post("check-your-answers/", {})
    submission = Submission.objects.get()
    assert submission.reference.startswith("CHA-") and submission.service == "licensing"
    assert (submission.submitter_name, submission.submitter_email) == (
        "Grace Morgan",
        "grace@example.com",
    )
    assert [item["name"] for item in submission.answers["references"]] == [
        "Tom Hughes",
        "Leah Patel",
    ]


def test_a_chaperone_must_be_18(chaperone_applicant):
    today = date.today()
    nearly_18 = date(today.year - 18, today.month, today.day) + timedelta(days=1)
    page = page_of(
        chaperone_applicant.post(
            "step/applicant/",
            {"first_name": "Ella", "last_name": "Smith", **date_fields("date_of_birth", nearly_18)},
        )
    )
    assert "<title>Error: " in page and "You must be 18 or older to be a chaperone" in page


def test_an_18th_birthday_today_is_old_enough(chaperone_applicant):
    today = date.today()
    try:
        birthday = today.replace(year=today.year - 18)
    except ValueError:  # 29 February
        birthday = date(today.year - 18, 2, 28)
    chaperone_applicant.answer(
        "step/applicant/",
        {"first_name": "Ella", "last_name": "Smith", **date_fields("date_of_birth", birthday)},
    )


def test_exactly_two_referees_are_needed(chaperone_applicant):
    answers = chaperone_answers()
    walk(chaperone_applicant, answers, until="step/references/add/")
    chaperone_applicant.answer("step/references/add/", referee("Tom Hughes"))
    page = page_of(chaperone_applicant.post("step/references/", {"add_another": "no"}))
    assert "You need to add at least 2 referees. Select yes to add another" in page
    assert chaperone_applicant.get("check-your-answers/")["Location"].endswith("step/references/")

    chaperone_applicant.answer("step/references/add/", referee("Leah Patel"))
    page = page_of(chaperone_applicant.get("step/references/"))
    assert "You have added 2 referees" in page
    assert "Do you need to add another" not in page  # two is the most
    assert chaperone_applicant.get("step/references/add/")["Location"].endswith("step/references/")
    location = chaperone_applicant.answer("step/references/", {})
    assert location.endswith("step/experience/")


def test_with_one_referee_check_answers_asks_for_another(chaperone_applicant):
    answers = chaperone_answers()
    one_referee = answers[:6] + answers[-1:]  # the first referee, then experience
    walk(chaperone_applicant, one_referee)
    location = chaperone_applicant.get("check-your-answers/")["Location"]
    assert location.endswith("step/references/")


def test_a_referee_must_not_be_related(chaperone_applicant):
    walk(chaperone_applicant, chaperone_answers(), until="step/references/add/")
    page = page_of(
        chaperone_applicant.post("step/references/add/", referee("Ann Morgan", related="yes"))
    )
    assert "A referee must not be related to you" in page


def test_a_referee_needs_an_email_address_or_phone_number(chaperone_applicant):
    walk(chaperone_applicant, chaperone_answers(), until="step/references/add/")
    page = page_of(
        chaperone_applicant.post("step/references/add/", referee("Tom Hughes", email=""))
    )
    assert "Enter an email address or a phone number for the referee" in page
    chaperone_applicant.answer(
        "step/references/add/", referee("Tom Hughes", email="", phone="07700 900 111")
    )


def test_the_dbs_certificate_number_is_12_digits_and_issued_in_the_past(chaperone_applicant):
    walk(chaperone_applicant, chaperone_answers(), until="step/dbs/")
    tomorrow = date.today() + timedelta(days=1)
    page = page_of(
        chaperone_applicant.post(
            "step/dbs/",
            {"certificate_number": "12345678901", **date_fields("issue_date", tomorrow)},
        )
    )
    assert "The certificate number must be 12 digits, like 001234567890" in page
    assert "The date the certificate was issued must be in the past" in page
