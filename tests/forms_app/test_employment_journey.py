"""The child employment permit journey: end to end, and every employment rule as its own
error on the step where it can be put right."""

from datetime import date, timedelta

import pytest
from django.core import mail

from forms_app.journeys.employment import employment_limits
from forms_app.models import Submission

from .licensing_fixtures import *  # noqa: F403  (the journey pages)
from .licensing_fixtures import born, date_fields, day, permit_answers, walk


def errors_on(response):
    assert response.status_code == 200, response.status_code
    page = response.content.decode()
    assert "<title>Error: " in page
    return page.replace("&#x27;", "'")


def test_a_parent_and_employer_apply_for_a_permit(
    permit_applicant, django_capture_on_commit_callbacks
):
    walk(permit_applicant, permit_answers())
    check = permit_applicant.get("check-your-answers/").content.decode()
    assert "Shah&#x27;s News" in check and "Delivering newspapers or leaflets" in check
    assert "7:45am" in check and "Saturday" in check
    assert "The address where the child will work" not in check  # same as the business

    with django_capture_on_commit_callbacks(execute=True):
        response = permit_applicant.post("check-your-answers/", {})
    assert response["Location"].endswith("confirmation/")
    submission = Submission.objects.get()
    assert submission.reference.startswith("CEP-") and submission.service == "licensing"
    assert (submission.submitter_name, submission.submitter_email) == (
        "Sam Clarke",
        "sam@example.com",
    )
    assert submission.answers["term_days"][0] == {
        "day": "monday",
        "start": "07:45:00",
        "end": "08:30:00",
        "second_start": None,
        "second_end": None,
    }
    assert submission.answers["job"]["job_type"] == "newspaper_delivery"
    assert sorted(message.to[0] for message in mail.outbox) == [
        "licensing@portal.invalid",
        "sam@example.com",
    ]


def test_the_workplace_is_asked_only_when_it_is_not_the_business_address(permit_applicant):
    answers = permit_answers()
    walk(permit_applicant, answers, until="step/workplace_same/")
    location = permit_applicant.answer("step/workplace_same/", {"same": "no"})
    assert location.endswith("step/workplace/")
    location = permit_applicant.answer(
        "step/workplace/",
        {"line_1": "Unit 4, Mill Yard", "town": "Wyvernton", "postcode": "WY1 9XY"},
    )
    assert location.endswith("step/supervisor/")


def test_holidays_only_skips_the_school_day_and_term_time(permit_applicant):
    walk(permit_applicant, permit_answers(when="holidays"))
    check = permit_applicant.get("check-your-answers/").content.decode()
    assert "Days of work in term time" not in check and "The child&#x27;s school day" not in check
    assert "Days of work in the school holidays" in check


# --- age and job ---------------------------------------------------------------------------


def test_a_child_under_13_on_the_start_date_cannot_work(permit_applicant):
    start = date.today() + timedelta(days=30)
    answers = permit_answers(age=12, start=start)
    walk(permit_applicant, answers, until="step/start/")
    page = errors_on(permit_applicant.post("step/start/", date_fields("start_date", start)))
    assert "The child will be 12 on this date. Children must be at least 13 to work" in page
    assert "enter a start date on or after" in page and "when they turn 13" in page


def test_a_13_year_old_is_asked_about_light_work_and_may_only_do_it(permit_applicant):
    walk(permit_applicant, permit_answers(age=13), until="step/job/")
    assert (
        "Is this light work that the byelaws list"
        in permit_applicant.get("step/job/").content.decode()
    )
    page = errors_on(
        permit_applicant.post(
            "step/job/", {"job_type": "shop", "tasks": "Stacking shelves", "light_work": "no"}
        )
    )
    assert "A child of 13 may only do light work that the byelaws list" in page
    permit_applicant.answer(
        "step/job/", {"job_type": "shop", "tasks": "Stacking shelves", "light_work": "yes"}
    )


def test_a_14_year_old_is_not_asked_about_light_work(permit_applicant):
    walk(permit_applicant, permit_answers(age=14), until="step/job/")
    assert (
        "light work that the byelaws list" not in permit_applicant.get("step/job/").content.decode()
    )


@pytest.mark.parametrize("job", sorted(employment_limits().prohibited_jobs))
def test_a_prohibited_job_is_refused(permit_applicant, job):
    walk(permit_applicant, permit_answers(age=15), until="step/job/")
    page = errors_on(permit_applicant.post("step/job/", {"job_type": job, "tasks": "Helping"}))
    assert (
        "Children may not do this work under the council's byelaws. Choose a different job" in page
    )


def test_cafe_work_outside_a_commercial_kitchen_is_allowed(permit_applicant):
    walk(permit_applicant, permit_answers(age=15), until="step/job/")
    permit_applicant.answer("step/job/", {"job_type": "cafe", "tasks": "Serving customers"})


# --- one day's rules, on the day's own page -------------------------------------------------------


def day_errors(applicant, list_slug, data, age=14):
    walk(applicant, permit_answers(age=age), until=f"step/{list_slug}/add/")
    return errors_on(applicant.post(f"step/{list_slug}/add/", data))


@pytest.mark.parametrize(
    "list_slug, data, age, message",
    [
        (
            "term_days",
            day("monday", "06:30", "07:30"),
            14,
            "Monday: children may not work before 7am. Enter a start time of 7am or later",
        ),
        (
            "term_days",
            day("tuesday", "18:00", "19:30"),
            14,
            "Tuesday: children may not work after 7pm. Enter a finish time of 7pm or earlier",
        ),
        (
            "term_days",
            day("wednesday", "12:00", "13:00"),
            14,
            "Wednesday: children may not work during school hours (8:45am to 3:15pm)",
        ),
        (
            "term_days",
            day("thursday", "07:00", "08:30"),
            14,
            "Thursday: a child may work for at most 1 hour in all before school",
        ),
        (
            "term_days",
            day("friday", "16:00", "18:30"),
            14,
            "Friday: a child may work at most 2 hours on a school day",
        ),
        (
            "term_days",
            day("sunday", "09:00", "12:00"),
            15,
            "Sunday: a child may work at most 2 hours on a Sunday",
        ),
        (
            "term_days",
            day("saturday", "09:00", "12:00", second=("13:00", "16:00")),
            14,
            "Saturday: a child under 15 may work at most 5 hours on a day without school",
        ),
        (
            "term_days",
            day("saturday", "08:00", "12:00", second=("13:00", "18:00")),
            15,
            "Saturday: a child aged 15 or over may work at most 8 hours on a day without school",
        ),
        (
            "holiday_days",
            day("monday", "08:00", "12:00", second=("13:00", "15:00")),
            14,
            "Monday: a child under 15 may work at most 5 hours on a day without school",
        ),
        (
            "holiday_days",
            day("tuesday", "09:00", "14:00"),
            15,
            "Tuesday: after 4 hours of work a child must have a break of at least 60 minutes",
        ),
        (
            "holiday_days",
            day("wednesday", "10:00", "09:00"),
            15,
            "Wednesday: the finish time must be after the start time",
        ),
    ],
)
def test_each_rule_for_a_day_is_its_own_error(permit_applicant, list_slug, data, age, message):
    page = day_errors(permit_applicant, list_slug, data, age)
    assert page.count(message) == 2  # in the error summary, and by its field


def test_a_day_breaking_two_rules_shows_both(permit_applicant):
    page = day_errors(permit_applicant, "term_days", day("monday", "06:00", "08:30"))
    assert "Monday: children may not work before 7am" in page
    assert "Monday: a child may work for at most 1 hour in all before school" in page


def test_a_second_period_is_judged_by_its_own_fields(permit_applicant):
    page = day_errors(
        permit_applicant, "term_days", day("monday", "07:45", "08:30", second=("18:00", "19:15"))
    )
    assert 'id="id_second_end_1_error"' in page and "children may not work after 7pm" in page


def test_the_same_hours_are_allowed_at_15_that_are_refused_at_14(permit_applicant):
    walk(permit_applicant, permit_answers(age=15), until="step/term_days/add/")
    permit_applicant.answer(
        "step/term_days/add/", day("saturday", "09:00", "12:00", second=("13:00", "16:00"))
    )


def test_a_half_filled_second_period_is_an_error(permit_applicant):
    page = day_errors(
        permit_applicant, "term_days", {**day("monday", "07:00", "08:00"), "second_start": "16:00"}
    )
    assert "Enter the second finish time, or delete the second start time" in page


def test_the_second_period_comes_after_the_first(permit_applicant):
    page = day_errors(
        permit_applicant, "holiday_days", day("monday", "09:00", "12:00", second=("11:00", "13:00"))
    )
    assert "The second start time must be after the first finish time" in page


def test_a_time_that_is_not_a_time(permit_applicant):
    page = day_errors(permit_applicant, "term_days", day("monday", "7", "8pm"))
    assert "Enter the start time as hours and minutes, like 07:30 or 16:15" in page
    assert 'value="7"' in page  # what was typed is kept


# --- the latest time and the Sunday rule come from settings ---------------------------------------


def test_moving_the_latest_time_to_8pm_is_a_settings_change(permit_applicant, settings):
    page = day_errors(permit_applicant, "term_days", day("saturday", "17:00", "19:30"))
    assert "children may not work after 7pm" in page
    settings.PORTAL_EMPLOYMENT_LATEST = "20:00"
    permit_applicant.answer("step/term_days/add/", day("saturday", "17:00", "19:30"))
    page = errors_on(permit_applicant.post("step/term_days/add/", day("sunday", "19:00", "20:30")))
    assert "children may not work after 8pm" in page


def test_without_the_sunday_rule_a_sunday_counts_as_any_day_without_school(
    permit_applicant, settings
):
    settings.PORTAL_EMPLOYMENT_SUNDAY_RULE = False
    walk(permit_applicant, permit_answers(age=15), until="step/term_days/add/")
    permit_applicant.answer("step/term_days/add/", day("sunday", "09:00", "12:00"))


# --- the week's totals, on the step after the lists -------------------------------------------------


def hours_errors(applicant, age, term_days=None, holiday_days=None):
    walk(
        applicant,
        permit_answers(age=age, term_days=term_days, holiday_days=holiday_days),
        until="step/hours/",
    )
    return errors_on(applicant.post("step/hours/", {"holiday_break": "yes"}))


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]


def test_more_than_12_hours_in_a_school_week(permit_applicant):
    term = [day(name, "16:00", "18:00") for name in WEEKDAYS] + [day("saturday", "09:00", "12:00")]
    page = hours_errors(permit_applicant, 14, term_days=term)
    assert (
        "A child may work at most 12 hours in a school week. The days you have added come to 13 hours"
        in page
    )
    assert 'href="/child-work-permit/step/term_days/"' in page  # the summary leads to the list


HOLIDAY_WEEK_27 = [day(name, "09:00", "12:00", second=("13:00", "15:00")) for name in WEEKDAYS] + [
    day("saturday", "09:00", "11:00")
]


def test_27_hours_in_a_holiday_week_is_too_many_under_15(permit_applicant):
    page = hours_errors(permit_applicant, 14, holiday_days=HOLIDAY_WEEK_27)
    assert "A child under 15 may work at most 25 hours in a week of the school holidays" in page
    assert "come to 27 hours" in page


def test_27_hours_in_a_holiday_week_is_allowed_from_15(permit_applicant):
    walk(permit_applicant, permit_answers(age=15, holiday_days=HOLIDAY_WEEK_27))


def test_40_hours_in_a_holiday_week_is_too_many_at_15(permit_applicant):
    long_days = [day(name, "08:00", "12:00", second=("13:00", "17:00")) for name in WEEKDAYS]
    page = hours_errors(permit_applicant, 15, holiday_days=long_days)
    assert (
        "A child aged 15 or over may work at most 35 hours in a week of the school holidays" in page
    )


def test_the_same_day_twice_is_an_error_on_the_week(permit_applicant):
    term = [day("monday", "07:45", "08:30"), day("monday", "16:00", "17:00")]
    page = hours_errors(permit_applicant, 14, term_days=term)
    assert "You have added Monday more than once. Remove one of them" in page


def test_the_holiday_break_is_required(permit_applicant):
    walk(permit_applicant, permit_answers(), until="step/hours/")
    page = errors_on(permit_applicant.post("step/hours/", {"holiday_break": "no"}))
    assert "A child must have at least 2 weeks in a row without work in the school holidays" in page
    assert "Total: 3 hours" in page  # the totals are shown


# --- risk assessment, insurance, consent --------------------------------------------------------------


def test_risk_assessment_and_insurance_must_both_be_done(permit_applicant):
    walk(permit_applicant, permit_answers(), until="step/safety/")
    page = errors_on(
        permit_applicant.post("step/safety/", {"risk_assessment": "no", "insurance": "no"})
    )
    assert "The employer must do a risk assessment before the child starts work" in page
    assert (
        "The employer must have employer's liability insurance that covers the child before the child starts work"
        in page
    )


def test_consent_and_health_details(permit_applicant):
    walk(permit_applicant, permit_answers(), until="step/declaration/")
    page = errors_on(permit_applicant.post("step/declaration/", {"health": "yes"}))
    assert "Tell us about the child's health condition or disability" in page
    assert "Confirm that you agree to your child doing this work" in page


def test_the_limits_factory_reads_settings(settings):
    assert employment_limits().latest.hour == 19 and employment_limits().sunday_hours == 2
    settings.PORTAL_EMPLOYMENT_LATEST = "20:00"
    settings.PORTAL_EMPLOYMENT_SUNDAY_RULE = False
    assert employment_limits().latest.hour == 20 and employment_limits().sunday_hours is None


def test_born_helper_gives_the_age_asked():
    from forms_app.rules.employment import age_on

    on = date(2026, 3, 15)
    assert age_on(born(13, on), on) == 13
