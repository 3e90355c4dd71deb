"""The school's pages, through the HTTP client: what a school can do, and every refusal."""

from datetime import timedelta

import pytest
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
    assert pupil.pupil == "K803212345018"
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
    assert 'value="K803212345018"' in text  # kept
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
    assert "A.B." in page.text
    assert "As a governor you can read" in page.text
    assert urls(own_return)["add"] not in page.text
    for name, url in urls(own_return, pupil).items():
        if name == "detail":
            continue
        assert client.post(url, pupil_answers()).status_code == 403, name
    own_return.refresh_from_db()
    assert own_return.status == SchoolReturn.Status.IN_PROGRESS or own_return.pupils.count() == 1
    assert own_return.pupils.get().pupil == "A.B."


def test_anonymous_visitors_are_sent_to_sign_in(client, own_return):
    for name, url in urls(own_return).items():
        response = client.post(url) if name == "send" else client.get(url)
        assert response.status_code == 302, name
        assert response.url.startswith(reverse("portal:sign-in")), name


def test_after_the_due_date_the_return_is_read_only(client, school_user, school):
    past = make_period(name="Summer term", opens=-60, due=-1)
    school_return = SchoolReturn.objects.get(period=past, school=school)
    pupil = add_pupil(school_return)
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
    assert school_return.status == SchoolReturn.Status.NOT_STARTED
    assert school_return.pupils.get().pupil == "A.B."


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
    make_period(name="Long gone", opens=-200, due=-150)
    client.force_login(school_user)
    assert "Nothing is due" in client.get(reverse("portal:dashboard")).text
