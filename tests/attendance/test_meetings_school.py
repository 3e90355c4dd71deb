"""The school's side of its targeting support meetings: its meetings, one meeting's page
with the agenda and actions, the calendar file, and updating an action's status. Heads
and attendance leads update; governors read only; anyone else is refused."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from attendance.factories import MeetingActionFactory
from attendance.models import MeetingAction
from audit.models import AuditEvent
from portal.factories import MembershipFactory
from portal.models import Membership

from .meetings_setup import future_meeting


@pytest.fixture
def meeting(school):
    return future_meeting(school, place="Room 4")


@pytest.fixture
def held(school):
    return future_meeting(
        school,
        starts_at=timezone.now() - timedelta(days=120),
        term=3,
        year=2020,
        status="held",
        notes="Agreed a focus on Year 9.",
    )


def urls(meeting, action):
    urn = meeting.school.urn
    return [
        reverse("attendance:meetings", args=[urn]),
        reverse("attendance:meeting", args=[urn, meeting.pk]),
        reverse("attendance:meeting-calendar", args=[urn, meeting.pk]),
        reverse("attendance:action-update", args=[urn, meeting.pk, action.pk]),
    ]


def test_the_school_s_meetings_upcoming_first_then_past(client, school_user, meeting, held):
    client.force_login(school_user)
    response = client.get(reverse("attendance:meetings", args=[meeting.school.urn]))
    assert response.context["upcoming"] == [meeting]
    assert response.context["past"] == [held]


def test_a_meeting_s_page_the_notes_once_held_and_the_calendar_file(
    client, school_user, meeting, held
):
    client.force_login(school_user)
    MeetingActionFactory(meeting=held, cohort="", pupil="K.L.", action="Home visit")
    page = client.get(reverse("attendance:meeting", args=[held.school.urn, held.pk]))
    text = page.content.decode()
    assert "Agreed a focus on Year 9." in text and "Pupil K.L." in text and "Home visit" in text
    assert "Agenda" in text and "Open attendance referrals" in text
    upcoming = client.get(reverse("attendance:meeting", args=[meeting.school.urn, meeting.pk]))
    assert "Notes of the meeting" not in upcoming.content.decode()
    ics = client.get(reverse("attendance:meeting-calendar", args=[meeting.school.urn, meeting.pk]))
    assert ics["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(ics.content).walk("VEVENT")[0]
    assert str(event["location"]) == "Room 4" and event.decoded("dtstart") == meeting.starts_at
    assert AuditEvent.objects.filter(kind="meeting", action="viewed").count() == 2


def test_the_attendance_lead_updates_an_action_and_bad_input_is_explained(
    client, school_user, meeting
):
    action = MeetingActionFactory(meeting=meeting)
    client.force_login(school_user)
    url = reverse("attendance:action-update", args=[meeting.school.urn, meeting.pk, action.pk])
    response = client.post(url, {"status": "finished"})
    text = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in text
    assert "<title>Error:" in text
    response = client.post(url, {})
    assert "Choose where the action has got to" in response.content.decode()
    response = client.post(url, {"status": "in_progress"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == MeetingAction.Status.IN_PROGRESS and action.updated_by == school_user
    assert AuditEvent.objects.filter(
        kind="meeting", detail__startswith="agreed action changed"
    ).exists()


def test_the_headteacher_updates_too_governors_read_only(client, school, governor, meeting):
    action = MeetingActionFactory(meeting=meeting)
    head = MembershipFactory(school=school, role=Membership.Role.HEADTEACHER).user
    update, page = urls(meeting, action)[3], urls(meeting, action)[1]
    client.force_login(head)
    assert client.post(update, {"status": "done"}).status_code == 302
    client.force_login(governor)
    assert client.get(page).status_code == 200
    assert "Update" not in client.get(page).content.decode().split("Agreed actions")[1]
    assert client.get(update).status_code == 403
    assert client.post(update, {"status": "open"}).status_code == 403
    action.refresh_from_db()
    assert action.status == "done"


def test_everyone_else_is_refused(
    client, school, other_school, meeting, attendance_officer, ehe_officer
):
    action = MeetingActionFactory(meeting=meeting)
    addresses = urls(meeting, action)
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 302 and "/sign-in/" in response["Location"]
    others = [
        MembershipFactory(school=other_school).user,
        MembershipFactory(school=school, role=Membership.Role.DSL).user,
        MembershipFactory(school=school, role=Membership.Role.OFFICE).user,
        attendance_officer,
        ehe_officer,
    ]
    for user in others:
        client.force_login(user)
        assert {client.get(address).status_code for address in addresses} == {404}, user
    # Another school's meeting under this school's address; unknown ones.
    client.force_login(MembershipFactory(school=other_school, user__email="x@b.example").user)
    other_urn = other_school.urn
    assert (
        client.get(f"/portal/attendance/school/{other_urn}/meetings/{meeting.pk}/").status_code
        == 404
    )
    assert client.get("/portal/attendance/school/nonsense/meetings/").status_code == 404
    assert client.get(f"/portal/attendance/school/{other_urn}/meetings/99999/").status_code == 404


def test_the_pages_cost_the_same_for_many_meetings_and_actions(
    client, school, school_user, meeting, django_assert_max_num_queries
):
    client.force_login(school_user)
    listing = reverse("attendance:meetings", args=[school.urn])
    page = reverse("attendance:meeting", args=[school.urn, meeting.pk])
    MeetingActionFactory(meeting=meeting)
    client.get(listing), client.get(page)
    with django_assert_max_num_queries(20) as few_list:
        client.get(listing)
    with django_assert_max_num_queries(40) as few_page:
        client.get(page)
    for year in range(2010, 2020):
        future_meeting(
            school, year=year, starts_at=timezone.now() - timedelta(days=400 * (2025 - year))
        )
    for _n in range(25):
        MeetingActionFactory(meeting=meeting)
    with django_assert_max_num_queries(len(few_list.captured_queries)):
        assert client.get(listing).status_code == 200
    with django_assert_max_num_queries(len(few_page.captured_queries)):
        assert client.get(page).status_code == 200
