"""The roll-change notice through the HTTP client: each ground's own questions, the answers
refused, who may send one, the late notice, and what sending starts (the missing
education hook and the EHE service's record)."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from wagtail import hooks

from forms_app.journeys.registry import Journey
from forms_app.models import Submission
from shared.roll_changes import HOOK_NAME, PupilLeft

from .roll_change_fixtures import *  # noqa: F403  (the page, the terms, the answers)
from .roll_change_fixtures import (
    BORN,
    NOT_KNOWN,
    day,
    deletion,
    school_days_before,
    send,
    start,
)


def errors(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def called():
    """The PupilLeft each call of the hook was given, by a function registered for it."""
    calls = []
    with hooks.register_temporarily(HOOK_NAME, calls.append):
        yield calls


# --- what each ground asks ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ground", "next_step"),
    [
        ("9_1_a", "other_school"),
        ("9_1_d", "other_school"),
        ("9_1_f", "home_education"),
        ("9_1_g", "moved"),
        ("9_1_j", "medical"),
        ("9_1_i", "absence"),
        ("9_1_n", "exclusion"),
        ("9_1_b", "destination"),
        ("9_1_l", "safeguarding"),  # a death: nowhere to go, nobody to look for
    ],
)
def test_each_ground_asks_its_own_questions_next(sender, school, ground, next_step):
    for path, data in start(school, "deletion"):
        sender.answer(path, data)
    location = sender.answer(
        "step/deletion/", {"ground": ground, **day("deleted_on", date.today())}
    )
    assert location.endswith(f"step/{next_step}/")


def test_an_addition_asks_about_the_addition_only(sender, school):
    for path, data in start(school, "addition"):
        location = sender.answer(path, data)
    assert location.endswith("step/addition/")
    page = errors(sender.post("step/addition/", {**day("added_on", BORN - timedelta(days=1))}))
    assert "The date added must be after the pupil&#x27;s birth" in page
    assert "Select yes if the pupil joined at a non-standard time" in page


# --- refusals of nonsense -------------------------------------------------------------------


def deletion_page(sender, school, deleted_on, ground="9_1_b"):
    for path, data in start(school, "deletion"):
        sender.answer(path, data)
    return sender.post("step/deletion/", {"ground": ground, **day("deleted_on", deleted_on)})


def test_a_deletion_more_than_a_week_ahead_is_refused(sender, school):
    page = errors(deletion_page(sender, school, date.today() + timedelta(days=8)))
    assert "The date of deletion must be no later than" in page
    # A week ahead is allowed: a school may tell us before the day.
    assert deletion_page(sender, school, date.today() + timedelta(days=7)).status_code == 302


def test_a_deletion_before_the_pupil_was_born_is_refused(sender, school):
    page = errors(deletion_page(sender, school, BORN - timedelta(days=10)))
    assert "The date of deletion must be after the pupil&#x27;s date of birth" in page


def test_a_school_the_user_does_not_act_for_is_refused(sender, other_school):
    page = errors(sender.post("step/school/", {"school": str(other_school.pk)}))
    assert "Select one of the schools you act for" in page


def test_a_parent_with_no_phone_number_is_not_enough(sender, school):
    steps = start(school, "deletion")[:4]
    for path, data in steps:
        sender.answer(path, data)
    sender.answer(
        "step/parents/add/",
        {"first_name": "Nadia", "last_name": "Shaw", "relationship": "mother",
         "parental_responsibility": "yes"},
    )  # fmt: skip
    page = errors(sender.post("step/parents/", {"add_another": "no"}))
    assert "Give a phone number for at least one parent or carer" in page


def test_twenty_days_absence_needs_twenty_school_days_and_the_councils_agreement(sender, school):
    deleted_on = date.today()
    deletion_page(sender, school, deleted_on, ground="9_1_i")
    page = errors(
        sender.post(
            "step/absence/",
            {**day("first_day", school_days_before(deleted_on, 10)), "enquiries": "Calls"},
        )
    )
    assert "at least 20 school days before the deletion" in page
    assert "from the first day you gave there are 10" in page
    assert "Confirm that the only codes in that time were G, N or O" in page
    assert "Enter the date the pupil tracking officer agreed" in page
    location = sender.answer(
        "step/absence/",
        {
            **day("first_day", school_days_before(deleted_on, 20)),
            "only_codes": "on",
            "enquiries": "Calls, letters and two home visits",
            **day("council_agreed_on", school_days_before(deleted_on, 1)),
        },
    )
    assert location.endswith("step/destination/")


def test_the_medical_ground_needs_the_parent_told(sender, school):
    deletion_page(sender, school, date.today(), ground="9_1_j")
    page = errors(
        sender.post("step/medical/", day("certificate_on", date.today() + timedelta(days=3)))
    )
    assert "Confirm that the parent has been told" in page
    assert "The certificate must be dated before the deletion or on its day" in page


def test_a_permanent_exclusion_needs_the_review_period_over(sender, school):
    deletion_page(sender, school, date.today(), ground="9_1_n")
    page = errors(sender.post("step/exclusion/", day("decided_on", date.today())))
    assert "Confirm that the review period is over" in page


def test_another_school_needs_its_name_and_a_six_digit_urn(sender, school):
    deletion_page(sender, school, date.today(), ground="9_1_a")
    page = errors(sender.post("step/other_school/", {"urn": "12345"}))
    assert "Enter the name of the other school" in page
    assert "A URN must be 6 digits, like 190004" in page
    assert "Enter the date the pupil starts at the other school" in page


def test_a_destination_school_needs_its_name(sender, school):
    deletion_page(sender, school, date.today())
    page = errors(sender.post("step/destination/", {"destination": "school", "family_moved": "no"}))
    assert "Enter the name of the school" in page


def test_safeguarding_concerns_need_saying(sender, school):
    deletion_page(sender, school, date.today(), ground="9_1_l")
    page = errors(sender.post("step/safeguarding/", {"concerns": "yes"}))
    assert "Enter the safeguarding concerns" in page


def test_a_wrong_upn_check_letter_is_refused_and_none_is_fine(sender, school):
    sender.answer("step/school/", {"school": str(school.pk)})
    sender.answer("step/kind/", {"kind": "deletion"})
    pupil = {"first_name": "Ruby", "last_name": "Shaw", **day("date_of_birth", BORN)}
    page = errors(sender.post("step/pupil/", {**pupil, "upn": "A801200001001"}))
    assert "This is not a valid UPN" in page
    assert sender.post("step/pupil/", {**pupil, "upn": "H801200001001"}).status_code == 302


# --- who may send one -----------------------------------------------------------------------


def test_governors_are_refused(client, roll_change_page, governor):
    client.force_login(governor)
    assert client.get(roll_change_page.url + "step/school/").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, roll_change_page):
    response = client.get(roll_change_page.url + "step/school/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:sign-in"))


# --- late and on time -----------------------------------------------------------------------


def test_a_late_notice_says_so_and_is_flagged(sender, school):
    deleted_on = school_days_before(date.today(), 6)
    steps = deletion(school, "9_1_b", deleted_on, destination={"destination": "council", "destination_name": "Bristol", "family_moved": "yes"})  # fmt: skip
    for path, data in steps:
        sender.answer(path, data)
    page = errors(sender.get("check-your-answers/"))
    assert "This notice is late: it was due by" in page
    assert "Check your answers before sending the notice" in page
    send(sender, [])
    notice = Submission.objects.get(journey=Journey.ROLL_CHANGE)
    assert notice.flags == ["late_notice"] and notice.flagged
    assert notice.school == school and notice.reference.startswith("RC-")


def test_the_fifth_school_day_is_on_time(sender, school):
    deleted_on = school_days_before(date.today(), 5)
    steps = deletion(school, "9_1_b", deleted_on, destination={"destination": "council", "destination_name": "Bristol", "family_moved": "yes"})  # fmt: skip
    for path, data in steps:
        sender.answer(path, data)
    assert "This notice is late" not in errors(sender.get("check-your-answers/"))
    send(sender, [])
    assert Submission.objects.get(journey=Journey.ROLL_CHANGE).flags == []


# --- what sending starts --------------------------------------------------------------------


def test_a_deletion_with_nowhere_known_calls_the_hook_once(
    sender, school, school_user, called, django_capture_on_commit_callbacks
):
    deleted_on = date.today()
    with django_capture_on_commit_callbacks(execute=True):
        send(
            sender,
            deletion(school, "9_1_g", deleted_on, ("step/moved/", {}), destination=NOT_KNOWN),
        )
    notice = Submission.objects.get(journey=Journey.ROLL_CHANGE)
    assert called == [
        PupilLeft(
            reference=notice.reference,
            school_id=school.pk,
            first_name="Ruby",
            last_name="Shaw",
            date_of_birth=BORN,
            upn="",
            left_on=deleted_on,
            ground="9_1_g",
            ground_label="9(1)(g): Moved away, no longer within a reasonable distance of the school",
            last_address="3 Weir Cottages, Wyvernton, WY1 4EF",
            parents="Nadia Shaw (01632 960654, nadia@example.com)",
            family_moved="not_known",
            safeguarding="",
            submitted_by_id=school_user.pk,
        )
    ]
    # Sending again (back, and submit once more) makes nothing new, and asks nobody again.
    sender.post("check-your-answers/", {})
    assert len(called) == 1
    # The school is emailed its reference, the pupil tracking team the notice.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        ["pupil.tracking@portal.invalid", school_user.email]
    )
    assert any("we have your notice" in message.subject for message in mail.outbox)


def test_no_hook_for_a_deletion_with_a_destination(sender, school, called):
    destination = {"destination": "school", "destination_name": "Beechfield", "family_moved": "no"}
    send(sender, deletion(school, "9_1_b", date.today(), destination=destination))
    assert called == []


def test_no_hook_for_another_school_or_an_addition(sender, school, called):
    other = ("step/other_school/", {"school_name": "Beechfield Primary", **day("starts_on", date.today())})  # fmt: skip
    send(sender, deletion(school, "9_1_a", date.today(), other))
    assert called == []
    addition = start(school, "addition") + [
        ("step/addition/", {**day("added_on", date.today()), "non_standard": "yes"})
    ]
    send(sender, addition)
    assert called == []
    assert Submission.objects.filter(journey=Journey.ROLL_CHANGE).count() == 2


def test_nothing_is_kept_when_the_hook_fails(sender, school):
    def fails(pupil):
        raise RuntimeError("missing education is down")

    with hooks.register_temporarily(HOOK_NAME, fails), pytest.raises(RuntimeError):
        send(sender, deletion(school, "9_1_b", date.today(), destination=NOT_KNOWN))
    assert not Submission.objects.filter(journey=Journey.ROLL_CHANGE).exists()


def home_education(school, ehc_plan="no"):
    notice = ("step/home_education/", {**day("notice_on", date.today()), "ehc_plan": ehc_plan, "special_school": "no"})  # fmt: skip
    return deletion(school, "9_1_f", date.today(), notice)


def test_home_education_starts_the_ehe_record(sender, school, called, client, ehe_officer):
    send(sender, home_education(school, ehc_plan="yes"))
    notice = Submission.objects.get(journey=Journey.ROLL_CHANGE)
    assert called == []  # the pupil is educated at home: not missing
    record = Submission.objects.get(journey=Journey.EHE_REGISTRATION)
    assert record.flags == ["from_school"] and record.flagged
    assert record.school == school and record.service == "ehe"
    assert record.answers["child"] == {
        "first_name": "Ruby", "last_name": "Shaw", "date_of_birth": BORN.isoformat(),
    }  # fmt: skip
    assert record.answers["school"]["school_name"] == school.name
    assert record.answers["school"]["off_roll_date"] == date.today().isoformat()
    assert record.submitter_email == "nadia@example.com"
    assert any(notice.reference in finding for finding in record.findings)
    assert any("EHC plan" in finding for finding in record.findings)

    # The EHE officer's queue and the record's page show it, partly filled as it is.
    client.force_login(ehe_officer)
    queue = client.get(reverse("forms_app_submission:index") + "?flagged=from_school")
    assert record.reference in queue.content.decode()
    page = client.get(reverse("forms_app_submission:inspect", args=[record.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Ruby" in text and school.name in text and "Started by a school" in text
    # The roll-change notice itself is not the EHE officer's to see.
    refused = client.get(reverse("forms_app_submission:inspect", args=[notice.pk]))
    assert refused.status_code in (302, 403)


def test_the_check_page_says_an_ehc_plan_must_be_told_at_once(sender, school):
    for path, data in home_education(school, ehc_plan="yes"):
        sender.answer(path, data)
    page = errors(sender.get("check-your-answers/"))
    assert "the council must be told at once" in page
