"""Officers schedule targeting support meetings in the Wagtail admin; the school's
attendance lead (or headteacher) gets a calendar invitation in their own language, again
when the meeting moves, and a cancellation when it is cancelled."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from attendance import invitations
from attendance.models import SupportMeeting
from attendance.periods import year_label
from portal.factories import MembershipFactory, UserFactory
from portal.models import Membership

from .meetings_setup import a_week_ahead, future_meeting

ADD = reverse("attendance_meeting:add")


def _form(school, moment, year, term, officer=None, **extra):
    local = timezone.localtime(moment)
    data = {
        "school": school.pk,
        "year": year,
        "term": term,
        "starts_at": local.strftime("%Y-%m-%d %H:%M"),
        "minutes": 60,
        "place": "Room 4, Alderbrook Primary",
        "officer": officer.pk if officer else "",
    }
    data.update(extra)
    return data


def _event(message):
    filename, content, mimetype = message.attachments[0]
    assert filename == "meeting.ics" and mimetype.startswith("text/calendar")
    calendar = Calendar.from_ical(content)
    return calendar, calendar.walk("VEVENT")[0]


@pytest.fixture
def lead(school):
    return MembershipFactory(
        school=school, user__email="lead@alderbrook.example", user__language="cy"
    ).user


def test_scheduling_invites_the_attendance_lead_in_their_language(
    client, school, lead, attendance_officer, django_capture_on_commit_callbacks
):
    MembershipFactory(school=school, role=Membership.Role.HEADTEACHER)  # not invited: a lead is
    client.force_login(attendance_officer)
    form = client.get(ADD).context["form"]
    this_year, this_term = invitations_term()
    assert (form.initial["year"], form.initial["term"]) == (this_year, this_term)
    assert form.initial["officer"] == attendance_officer.pk
    moment, (year, term) = a_week_ahead()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADD, _form(school, moment, year, term, attendance_officer))
    assert response.status_code == 302, response.context["form"].errors
    meeting = SupportMeeting.objects.get(school=school)
    assert [message.to for message in mail.outbox] == [["lead@alderbrook.example"]]
    message = mail.outbox[0]
    # Welsh: the lead's own language (the subject and body translated).
    assert "Alderbrook Primary" in message.subject and "Targeting support meeting" not in (
        message.subject
    )
    calendar, event = _event(message)
    assert calendar["method"] == "REQUEST"
    assert str(event["uid"]) == f"support-meeting-{meeting.pk}@attendance.attendance-portal"
    assert event["sequence"] == 0
    assert event.decoded("dtstart") == meeting.starts_at
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=60)
    assert str(event["location"]) == "Room 4, Alderbrook Primary"
    assert "mailto:lead@alderbrook.example" in str(event["attendee"])
    assert str(event["organizer"]) == "mailto:officer@council.example"
    meeting.refresh_from_db()
    assert meeting.invited_at is not None and meeting.sequence == 0


def invitations_term():
    from attendance.periods import term_on

    return term_on(timezone.localdate())


def test_moving_sends_it_again_with_a_higher_sequence_and_cancelling_cancels(
    client, school, lead, attendance_officer, django_capture_on_commit_callbacks
):
    meeting = future_meeting(school, officer=attendance_officer)
    invitations.send(meeting.pk)
    client.force_login(attendance_officer)
    edit = reverse("attendance_meeting:edit", args=[meeting.pk])
    data = _form(school, meeting.starts_at, meeting.year, meeting.term, attendance_officer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit, {**data, "place": "Room 4, Alderbrook Primary"})
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit, {**data, "place": "Room 4, Alderbrook Primary"})  # no change
    assert len(mail.outbox) == 1  # nothing moved: nothing sent
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit, {**data, "minutes": 90, "place": "Room 4, Alderbrook Primary"})
    assert [_event(message)[1]["sequence"] for message in mail.outbox] == [1, 2]
    record = reverse("attendance_meeting:record", args=[meeting.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(record, {"status": "cancelled", "notes": ""})
    calendar, event = _event(mail.outbox[-1])
    assert calendar["method"] == "CANCEL" and event["sequence"] == 3
    assert str(event["status"]) == "CANCELLED"
    assert str(event["uid"]) == invitations.uid(meeting)


def test_the_headteacher_is_invited_when_there_is_no_lead_and_nobody_otherwise(
    client, school, attendance_officer
):
    meeting = future_meeting(school)
    client.force_login(attendance_officer)
    record = reverse("attendance_meeting:record", args=[meeting.pk])
    assert "Nobody could be invited" in client.get(record).content.decode()
    assert invitations.send(meeting.pk) == "nobody to invite"
    meeting.refresh_from_db()
    assert meeting.invited_at is None
    MembershipFactory(school=school, role=Membership.Role.HEADTEACHER, user__email="head@a.example")
    MembershipFactory(school=school, role=Membership.Role.GOVERNOR)
    invitations.send(meeting.pk)
    assert [message.to for message in mail.outbox] == [["head@a.example"]]
    assert "Nobody could be invited" not in client.get(record).content.decode()


def test_a_failed_email_keeps_the_meeting_and_is_tried_again(school, lead, settings):
    meeting = future_meeting(school)
    settings.EMAIL_BACKEND = "tests.attendance.test_meetings_scheduling.FailingBackend"
    with pytest.raises(ConnectionError):
        invitations.send(meeting.pk)
    meeting.refresh_from_db()
    assert meeting.invited_at is None and meeting.sequence == 0  # the retry sends sequence 0
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    invitations.send(meeting.pk)
    meeting.refresh_from_db()
    assert meeting.invited_at is not None and meeting.sequence == 0


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("the mail server is down")


def test_scheduling_is_refused_in_plain_words(client, school, attendance_officer):
    client.force_login(attendance_officer)
    moment, (year, term) = a_week_ahead()
    future_meeting(school)

    def errors(**changes):
        data = {**_form(school, moment, year, term), **changes}
        response = client.post(ADD, data)
        assert response.status_code == 200
        form = response.context["form"]
        return {name: " ".join(messages) for name, messages in form.errors.items()}

    taken = errors()
    assert "already has a meeting" in taken["term"] and year_label(year) in taken["term"]
    SupportMeeting.objects.all().delete()
    past = timezone.now() - timedelta(days=1)
    assert (
        "cannot be in the past"
        in errors(starts_at=timezone.localtime(past).strftime("%Y-%m-%d %H:%M"))["starts_at"]
    )
    other_term = term % 3 + 1
    assert "must be in the" in errors(term=other_term)["starts_at"]
    assert SupportMeeting.objects.count() == 0


def test_only_attendance_officers_schedule(client, school, ehe_officer, school_user):
    meeting = future_meeting(school)
    urls = [
        reverse("attendance_meeting:index"),
        ADD,
        reverse("attendance_meeting:edit", args=[meeting.pk]),
        reverse("attendance_meeting:record", args=[meeting.pk]),
        reverse("attendance_meeting:action-add", args=[meeting.pk]),
    ]
    assert {client.get(url).status_code for url in urls} == {302}  # to sign in
    editor = UserFactory(email="editor@council.example", is_staff=True, groups=["Editors"])
    for user in (ehe_officer, editor, school_user):
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code in (302, 403), url
            if response.status_code == 302:
                assert response["Location"].split("?")[0] in ("/admin/", "/admin/login/")
    # Never deleted: cancelled.
    assert client.get(reverse("attendance_meeting:delete", args=[meeting.pk])).status_code in (
        302,
        403,
    )


def test_the_list_of_meetings_costs_the_same_for_many(
    client, attendance_officer, django_assert_max_num_queries
):
    from portal.factories import SchoolFactory

    client.force_login(attendance_officer)
    index = reverse("attendance_meeting:index")
    for _ in range(3):
        future_meeting(SchoolFactory(), officer=attendance_officer)
    client.get(index)
    with django_assert_max_num_queries(14) as few:
        assert client.get(index).status_code == 200
    for _ in range(20):
        future_meeting(SchoolFactory(), officer=attendance_officer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(index).status_code == 200
