"""A referral asking for a penalty notice, checked against the council's register: the
flag when the school's declared count allows other than the register does, the section
on the officers' page, nothing of it for the school, and a new register entry started
from the referral."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from forms_app.factories import SubmissionFactory
from forms_app.journeys.registry import Journey
from forms_app.models import Submission
from forms_app.penalty_register import register_check
from penalty_notices.models import PenaltyNotice

from .referral_fixtures import *  # noqa: F403  (the referral page and users)
from .referral_fixtures import answer_all, born_in_year, referral_answers

KAI_BORN = date.fromisoformat(born_in_year(6))


def registered(school, days_ago, **fields):
    issued = date.today() - timedelta(days=days_ago)
    values = {
        "parent_first_name": "Dana", "parent_last_name": "Morgan", "parent_address": "3 Mill Lane",
        "child_first_name": "Kai", "child_last_name": "Morgan", "child_date_of_birth": KAI_BORN,
        "school": school, "offence_from": issued - timedelta(days=60),
        "offence_to": issued - timedelta(days=10), "issued_on": issued, "amount": 160,
    }  # fmt: skip
    values.update(fields)
    return PenaltyNotice.objects.create(**values)


def answers(school, previous="0", request="penalty_notice"):
    steps = referral_answers(school)
    return [
        (path, {"request": request, "previous_notices": previous} if path == "step/request/" else data)
        for path, data in steps
    ]  # fmt: skip


def send(referrer, school, **kwargs):
    answer_all(referrer, answers(school, **kwargs))
    referrer.post("check-your-answers/", {})
    return Submission.objects.get()


def test_a_referral_the_register_contradicts_is_flagged(referrer, school, other_school):
    registered(other_school, 700)
    registered(school, 200, parent_first_name=" DANA ")
    submission = send(referrer, school, previous="0")
    assert submission.flagged and "penalty_register" in submission.flags


def test_a_referral_that_agrees_with_the_register_is_not_flagged(referrer, school, other_school):
    registered(other_school, 300)
    registered(school, 30, withdrawn_on=date.today() - timedelta(days=5), withdrawn_reason="Error")
    registered(school, 1200)  # more than 3 years ago: does not count
    submission = send(referrer, school, previous="1")
    assert "penalty_register" not in submission.flags


def test_a_referral_asking_for_no_notice_is_not_checked(referrer, school):
    registered(school, 700)
    registered(school, 200)
    submission = send(referrer, school, request="advice")
    assert submission.flags == []


def referral_with(school, previous, parents=None, **kwargs):
    return SubmissionFactory(
        journey=Journey.ATTENDANCE_REFERRAL,
        school=school,
        answers={
            "pupil": {"first_name": "Kai", "last_name": "Morgan", "date_of_birth": KAI_BORN.isoformat(), "upn": "H801200001001"},
            "parents": parents or [{"first_name": "Dana", "last_name": "Morgan", "parental_responsibility": True}],
            "request": {"request": "penalty_notice", "previous_notices": previous},
        },
        **kwargs,
    )  # fmt: skip


def test_only_parents_with_parental_responsibility_are_asked_about(school):
    registered(school, 700)
    registered(school, 200)
    parents = [
        {"first_name": "Dana", "last_name": "Morgan", "parental_responsibility": False},
        {"first_name": "Sam", "last_name": "Morgan", "parental_responsibility": True},
    ]
    check = register_check(referral_with(school, "0", parents).answers)
    assert check.notices == [] and not check.disagrees


def test_officers_see_the_register_section_and_the_warning(
    client, home, school, other_school, attendance_officer
):
    first = registered(other_school, 700)
    second = registered(school, 200)
    old = registered(school, 1200)
    submission = referral_with(school, "0")
    client.force_login(attendance_officer)
    page = client.get(
        reverse("forms_app_submission:inspect", args=[submission.pk])
    ).content.decode()
    assert "Penalty notice register" in page
    assert first.number in page and second.number in page and old.number not in page
    assert reverse("penalty_notices_notice:notice", args=[first.pk]) in page
    assert "Beechfield Primary" in page
    assert "The register and the school disagree." in page
    assert "another cannot be issued" in page  # what the register allows
    assert "0 notices in the last 3 years: First penalty notice" in page  # what the school said
    new = reverse("penalty_notices_notice:add") + f"?referral={submission.reference}"
    assert new in page


def test_no_warning_when_they_agree(client, home, school, attendance_officer):
    registered(school, 200)
    submission = referral_with(school, "1")
    client.force_login(attendance_officer)
    page = client.get(
        reverse("forms_app_submission:inspect", args=[submission.pk])
    ).content.decode()
    assert "Penalty notice register" in page and "disagree" not in page
    assert "Second penalty notice in 3 years: £160" in page


def test_the_section_costs_the_same_for_many_notices(
    client, home, school, attendance_officer, django_assert_max_num_queries
):
    submission = referral_with(school, "0")
    url = reverse("forms_app_submission:inspect", args=[submission.pk])
    client.force_login(attendance_officer)
    registered(school, 200)
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for days in (300, 400, 500, 1300):
        registered(
            school,
            days,
            withdrawn_on=date.today() - timedelta(days=days - 5),
            withdrawn_reason="Error",
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_the_school_sees_nothing_of_the_register(client, home, school, other_school, school_user):
    first = registered(other_school, 700)
    registered(school, 200)
    submission = referral_with(
        school, "0", submitted_by=school_user, flagged=True, flags=["penalty_register"]
    )
    client.force_login(school_user)
    page = client.get(reverse("forms_app:referral", args=[submission.reference])).content.decode()
    assert submission.reference in page
    assert (
        first.number not in page and "Beechfield" not in page and "register disagrees" not in page
    )
    assert "Penalty notice register" not in page


@pytest.mark.parametrize("who", ["ehe_officer", "school_user"])
def test_others_cannot_open_the_referral_page(client, home, school, who, request):
    submission = referral_with(school, "0")
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("forms_app_submission:inspect", args=[submission.pk]))
    assert response.status_code in (302, 403)


def test_the_queue_offers_the_flag(client, home, school, attendance_officer):
    flagged = referral_with(school, "0", flagged=True, flags=["penalty_register"])
    client.force_login(attendance_officer)
    page = client.get(
        reverse("forms_app_submission:index") + "?flagged=penalty_register"
    ).content.decode()
    assert flagged.reference in page and "Penalty notice register disagrees" in page
