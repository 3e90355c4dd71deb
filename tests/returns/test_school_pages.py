"""The school's pages, through the HTTP client: what a school can do, and every refusal."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from returns.models import ReturnPupil, SchoolReturn

from .conftest import TODAY, add_pupil, make_period, pupil_answers

pytestmark = pytest.mark.django_db


def urls(school_return, pupil=None):
    pk = school_return.pk
    pupil_pk = pupil.pk if pupil else 999999
    return {
        "detail": reverse("returns:detail", args=[pk]),
        "add": reverse("returns:pupil-add", args=[pk]),
        "change": reverse("returns:pupil-change", args=[pk, pupil_pk]),
        "remove": reverse("returns:pupil-remove", args=[pk, pupil_pk]),
        "nil": reverse("returns:nil", args=[pk]),
        "send": reverse("returns:send", args=[pk]),
    }


def test_the_list_shows_only_the_users_schools(client, school_user, own_return, other_return):
    client.force_login(school_user)
    response = client.get(reverse("returns:list"))
    assert response.status_code == 200
    assert reverse("returns:detail", args=[own_return.pk]) in response.text
    assert reverse("returns:detail", args=[other_return.pk]) not in response.text


def test_a_nil_return_in_two_clicks(client, school_user, own_return):
    client.force_login(school_user)
    page = client.get(urls(own_return)["detail"])
    assert urls(own_return)["nil"] in page.text
    confirm = client.get(urls(own_return)["nil"])
    assert "Confirm nil return" in confirm.text
    response = client.post(urls(own_return)["nil"])
    assert response.status_code == 302
    own_return.refresh_from_db()
    assert own_return.status == SchoolReturn.Status.NIL
    assert own_return.submitted_by == school_user
    assert "Nil return made" in client.get(response.url).text


def test_a_nil_return_with_pupils_listed_is_refused(client, school_user, own_return):
    add_pupil(own_return)
    client.force_login(school_user)
    response = client.post(urls(own_return)["nil"])
    assert "You cannot make a nil return: your return lists 1 pupil" in response.text
    assert response.text.count("<title>Error:") == 1
    own_return.refresh_from_db()
    assert own_return.status != SchoolReturn.Status.NIL


def test_add_a_pupil_then_send(client, school_user, own_return):
    client.force_login(school_user)
    form = client.get(urls(own_return)["add"])
    token = form.context["form_token"]
    response = client.post(urls(own_return)["add"], {**pupil_answers(), "form_token": token})
    assert response.status_code == 302
    pupil = own_return.pupils.get()
    assert pupil.pupil == "J803212345018"
    assert str(pupil.hours_per_week) == "12.5"
    assert pupil.parental_agreement is True
    own_return.refresh_from_db()
    assert own_return.status == SchoolReturn.Status.IN_PROGRESS
    client.post(urls(own_return)["send"])
    own_return.refresh_from_db()
    assert own_return.status == SchoolReturn.Status.RETURNED
    assert own_return.submitted_at is not None and own_return.amended_at is None


def test_pressing_add_twice_adds_the_pupil_once(client, school_user, own_return):
    client.force_login(school_user)
    token = client.get(urls(own_return)["add"]).context["form_token"]
    for _press in range(2):
        client.post(urls(own_return)["add"], {**pupil_answers(), "form_token": token})
    assert own_return.pupils.count() == 1


def test_sending_twice_sends_once(client, school_user, own_return):
    add_pupil(own_return)
    client.force_login(school_user)
    client.post(urls(own_return)["send"])
    own_return.refresh_from_db()
    first = own_return.submitted_at
    client.post(urls(own_return)["send"])
    client.post(urls(own_return)["nil"])
    own_return.refresh_from_db()
    assert own_return.submitted_at == first
    assert own_return.amended_at is None
    assert own_return.status == SchoolReturn.Status.RETURNED


def test_bad_input_gets_clear_errors_and_keeps_what_was_typed(client, school_user, own_return):
    client.force_login(school_user)
    answers = pupil_answers(
        hours_per_week="forty", ends_on_0="", ends_on_1="", ends_on_2="", review_on_2="2000"
    )
    response = client.post(urls(own_return)["add"], answers)
    assert response.status_code == 200
    text = response.text
    assert "<title>Error:" in text
    assert "There is a problem" in text
    assert "Enter the planned end date" in text
    assert "Hours offered per week must be a number, like 12 or 12.5" in text
    assert "The review date must be on or after the start date" in text
    assert 'value="J803212345018"' in text  # kept
    assert own_return.pupils.count() == 0


def test_end_before_start_and_review_after_end(client, school_user, own_return):
    client.force_login(school_user)
    starts = TODAY - timedelta(days=14)
    before = starts - timedelta(days=1)
    answers = pupil_answers(ends_on_0=before.day, ends_on_1=before.month, ends_on_2=before.year)
    response = client.post(urls(own_return)["add"], answers)
    assert "The planned end date must be after the start date" in response.text
    late_review = starts + timedelta(weeks=20)
    answers = pupil_answers(
        review_on_0=late_review.day, review_on_1=late_review.month, review_on_2=late_review.year
    )
    response = client.post(urls(own_return)["add"], answers)
    assert "The review date must be on or before the planned end date" in response.text
    assert own_return.pupils.count() == 0


def test_a_late_review_is_saved_with_a_warning(client, school_user, own_return):
    client.force_login(school_user)
    starts = TODAY - timedelta(days=14)
    review = starts + timedelta(weeks=9)
    ends = starts + timedelta(weeks=12)
    answers = pupil_answers(
        review_on_0=review.day, review_on_1=review.month, review_on_2=review.year,
        ends_on_0=ends.day, ends_on_1=ends.month, ends_on_2=ends.year,
    )  # fmt: skip
    client.post(urls(own_return)["add"], answers)
    assert own_return.pupils.get().review_late is True
    page = client.get(urls(own_return)["detail"])
    assert "The review is more than 8 weeks after the start" in page.text


def test_change_and_remove_a_pupil_after_sending_is_an_amendment(client, school_user, own_return):
    pupil = add_pupil(own_return)
    client.force_login(school_user)
    client.post(urls(own_return)["send"])
    form = client.get(urls(own_return, pupil)["change"])
    assert 'value="A.B."' in form.text
    client.post(urls(own_return, pupil)["change"], pupil_answers(pupil="C.D."))
    pupil.refresh_from_db()
    own_return.refresh_from_db()
    assert pupil.pupil == "C.D."
    assert own_return.amended_at is not None
    assert own_return.status == SchoolReturn.Status.RETURNED
    assert "Remove C.D." in client.get(urls(own_return, pupil)["remove"]).text
    removed = client.post(urls(own_return, pupil)["remove"], follow=True)
    assert "Nobody is left on the return you sent" in removed.text  # says what to do now
    client.post(urls(own_return, pupil)["remove"])  # a second press: nothing more happens
    assert not ReturnPupil.objects.filter(pk=pupil.pk).exists()
    own_return.refresh_from_db()
    # Nobody left: the school sends again or makes a nil return.
    assert own_return.status == SchoolReturn.Status.IN_PROGRESS


def test_another_schools_return_is_not_found_at_any_url(client, school_user, other_return):
    pupil = add_pupil(other_return)
    client.force_login(school_user)
    for name, url in urls(other_return, pupil).items():
        response = client.post(url, pupil_answers()) if name != "detail" else client.get(url)
        assert response.status_code == 404, name
        assert client.get(url).status_code in (404, 405), name
    other_return.refresh_from_db()
    assert other_return.status == SchoolReturn.Status.NOT_STARTED
    assert other_return.pupils.get().pupil == "A.B."


def test_a_governor_reads_but_cannot_change(client, governor, own_return):
    pupil = add_pupil(own_return)
    client.force_login(governor)
    page = client.get(urls(own_return)["detail"])
    assert page.status_code == 200
    assert "As a governor you can read" in page.text
    assert urls(own_return)["add"] not in page.text
    for name, url in urls(own_return, pupil).items():
        if name == "detail":
            continue
        assert client.post(url, pupil_answers()).status_code == 403, name
    own_return.refresh_from_db()
    assert own_return.status == SchoolReturn.Status.IN_PROGRESS or own_return.pupils.count() == 1
    assert own_return.pupils.get().pupil == "A.B."


def test_a_governor_sees_counts_and_never_a_pupils_identifier(
    client, governor, school_user, own_return
):
    add_pupil(own_return, pupil="J803212345018", reason=ReturnPupil.Reason.SEND)
    add_pupil(own_return, pupil="Q.R.", starts=-70, review=30, ends=120)  # review passed
    add_pupil(own_return, pupil="X.Y.Z.", parental_agreement=False)
    client.force_login(governor)
    pages = [
        client.get(urls(own_return)["detail"]).text,
        client.get(reverse("returns:list")).text,
        client.get(reverse("portal:dashboard")).text,
    ]
    for page in pages:
        for identifier in ("J803212345018", "Q.R.", "X.Y.Z."):
            assert identifier not in page
    detail = pages[0]
    assert "Pupils on this return: 3." in detail
    assert "Governors see how many pupils and why, not which pupils" in detail
    rows = [" ".join(row.split()) for row in detail.split("<tr")]
    assert any("Mental health, including anxiety</th>" in row and ">2</td>" in row for row in rows)
    assert any(
        "Special educational needs or disability</th>" in row and ">1</td>" in row for row in rows
    )
    assert any("Review date has passed</th>" in row and ">1</td>" in row for row in rows)
    assert any("No parental agreement</th>" in row and ">1</td>" in row for row in rows)
    # Staff who act for the school still see each pupil.
    client.force_login(school_user)
    staff_page = client.get(urls(own_return)["detail"]).text
    assert all(i in staff_page for i in ("J803212345018", "Q.R.", "X.Y.Z."))
    assert "Pupils on this return" not in staff_page


def test_anonymous_visitors_are_sent_to_sign_in(client, own_return):
    for name, url in urls(own_return).items():
        response = client.post(url) if name == "send" else client.get(url)
        assert response.status_code == 302, name
        assert response.url.startswith(reverse("portal:sign-in")), name


def test_after_the_due_date_a_return_made_is_read_only(client, school_user, school):
    past = make_period(name="Summer term", opens=-60, due=-1)
    school_return = SchoolReturn.objects.get(period=past, school=school)
    pupil = add_pupil(school_return)
    SchoolReturn.objects.filter(pk=school_return.pk).update(status=SchoolReturn.Status.RETURNED)
    client.force_login(school_user)
    page = client.get(urls(school_return)["detail"])
    assert "can no longer be changed here" in page.text
    assert "contact the attendance team" in page.text
    assert urls(school_return)["add"] not in page.text
    for name, url in urls(school_return, pupil).items():
        if name == "detail":
            continue
        response = client.post(url, pupil_answers())
        assert response.status_code == 403, name
        assert "This return can no longer be changed" in response.text
    school_return.refresh_from_db()
    assert school_return.status == SchoolReturn.Status.RETURNED
    assert school_return.pupils.get().pupil == "A.B."


def test_after_the_due_date_a_return_not_made_is_sent_late(client, school_user, school):
    past = make_period(name="Summer term", opens=-60, due=-1)
    school_return = SchoolReturn.objects.get(period=past, school=school)
    client.force_login(school_user)
    page = client.get(urls(school_return)["detail"]).text
    assert "You can still make it and send it: it will be marked as late" in page
    assert "Late</strong>" not in page
    client.post(urls(school_return)["add"], pupil_answers())
    client.post(urls(school_return)["send"])
    school_return.refresh_from_db()
    assert school_return.status == SchoolReturn.Status.RETURNED
    assert school_return.sent_late and school_return.submitted_at is not None
    assert 'govuk-tag--orange">Late</strong>' in client.get(urls(school_return)["detail"]).text
    assert (
        "so it is marked as late"
        in client.get(reverse("returns:done", args=[school_return.pk])).text
    )
    assert "Late</strong>" in client.get(reverse("returns:list")).text
    # Sent, it is changed by the officers from now on.
    assert client.post(urls(school_return)["add"], pupil_answers()).status_code == 403


def test_a_return_sent_on_time_is_not_late(client, school_user, own_return):
    add_pupil(own_return)
    client.force_login(school_user)
    client.post(urls(own_return)["send"])
    own_return.refresh_from_db()
    assert own_return.status == SchoolReturn.Status.RETURNED and not own_return.sent_late
    assert "Late</strong>" not in client.get(urls(own_return)["detail"]).text


@pytest.mark.parametrize(
    "late_until, later_period, open_to_late",
    [
        (None, False, True),  # no date set: until the next period opens
        (None, True, False),
        (0, False, True),  # the officers' date: up to and including it
        (-1, False, False),
        (0, True, True),  # their date decides, even after the next period opened
    ],
)
def test_late_returns_are_taken_until_the_officers_date_or_the_next_period(
    client, school_user, school, late_until, later_period, open_to_late
):
    past = make_period(name="Summer term", opens=-60, due=-5)
    if late_until is not None:
        past.late_until = TODAY + timedelta(days=late_until)
        past.save()
    if later_period:
        make_period(name="Autumn term", opens=-2, due=20)
    school_return = SchoolReturn.objects.get(period=past, school=school)
    client.force_login(school_user)
    response = client.post(urls(school_return)["nil"])
    school_return.refresh_from_db()
    assert (school_return.status == SchoolReturn.Status.NIL) is open_to_late
    assert school_return.sent_late is open_to_late
    if not open_to_late:
        assert response.status_code == 403
        assert "This return can no longer be changed" in response.text


def test_the_dashboard_offers_a_late_return_while_it_can_be_sent(client, school_user, school):
    past = make_period(name="Summer term", opens=-90, due=-30)  # long past the reminders
    client.force_login(school_user)
    assert "Summer term" in client.get(reverse("portal:dashboard")).text
    past.late_until = TODAY - timedelta(days=1)
    past.save()
    assert "Summer term" not in client.get(reverse("portal:dashboard")).text


def test_the_dashboards_returns_cost_the_same_however_many_periods_have_passed(
    client, school_user, school
):
    def dashboard():
        with CaptureQueriesContext(connection) as queries:
            text = client.get(reverse("portal:dashboard")).text
        return text, len(queries)

    client.force_login(school_user)
    make_period(name="Period 0", opens=-200, due=-190)
    client.get(reverse("portal:dashboard"))  # warm per-process caches
    _text, few = dashboard()
    for n in range(1, 6):  # none returned: each asks whether it still takes late returns
        make_period(name=f"Period {n}", opens=-200 + 30 * n, due=-190 + 30 * n)
    text, many = dashboard()
    assert many == few
    # Only the latest may still be sent late: a later period has opened after the others.
    assert "Period 5" in text and not any(f"Period {n}" in text for n in range(5))


def test_a_period_not_yet_open_is_not_shown(client, school_user, school):
    future = make_period(name="Spring term", opens=5, due=30)
    school_return = SchoolReturn.objects.get(period=future, school=school)
    client.force_login(school_user)
    assert client.get(urls(school_return)["detail"]).status_code == 404
    assert future.name not in client.get(reverse("returns:list")).text


def test_the_dashboard_shows_the_open_return_at_the_top(client, school_user, own_return):
    client.force_login(school_user)
    response = client.get(reverse("portal:dashboard"))
    text = response.text
    assert own_return.period.name in text
    assert own_return.period.due_on.strftime("%-d %B %Y") in text
    assert text.index("Reduced-timetable returns") < text.index("Your schools")


def test_the_dashboard_says_when_nothing_is_due(client, school_user, school):
    # Closed to late returns by the officers: nothing left to send.
    make_period(name="Long gone", opens=-200, due=-150, late_until=TODAY - timedelta(days=140))
    client.force_login(school_user)
    assert "Nothing is due" in client.get(reverse("portal:dashboard")).text


@pytest.mark.parametrize(
    "typed, message",
    [
        ("John Smith", "Do not give the pupil&#x27;s name: give their UPN or their initials only"),
        ("J", "Initials must be 2 or 3 letters, like A.B."),
        ("K803212345018", "This is not a valid UPN"),
    ],
)
def test_a_name_or_a_bad_identifier_is_refused(client, school_user, own_return, typed, message):
    client.force_login(school_user)
    response = client.post(urls(own_return)["add"], pupil_answers(pupil=typed))
    assert response.status_code == 200 and "<title>Error:" in response.text
    assert message in response.text
    assert own_return.pupils.count() == 0


def test_initials_are_stored_the_same_way_however_typed(client, school_user, own_return):
    client.force_login(school_user)
    client.post(urls(own_return)["add"], pupil_answers(pupil="k l"))
    assert own_return.pupils.get().pupil == "K.L."


def test_the_admin_refuses_a_name_too(client, attendance_officer, own_return):
    client.force_login(attendance_officer)
    data = {
        "status": "returned",
        "pupils-TOTAL_FORMS": "1", "pupils-INITIAL_FORMS": "0",
        "pupils-MIN_NUM_FORMS": "0", "pupils-MAX_NUM_FORMS": "1000",
        "pupils-0-pupil": "Amy Jones", "pupils-0-year_group": "6",
        "pupils-0-starts_on": TODAY.isoformat(),
        "pupils-0-review_on": (TODAY + timedelta(weeks=4)).isoformat(),
        "pupils-0-ends_on": (TODAY + timedelta(weeks=8)).isoformat(),
        "pupils-0-hours_per_week": "10", "pupils-0-reason": "send",
        "pupils-0-sen": "ehcp", "pupils-0-social_care": "none",
        "pupils-0-ORDER": "1", "pupils-0-id": "",
    }  # fmt: skip
    response = client.post(reverse("returns_schoolreturn:edit", args=[own_return.pk]), data)
    assert response.status_code == 200
    assert "Do not give the pupil&#x27;s name" in response.text
    assert own_return.pupils.count() == 0
