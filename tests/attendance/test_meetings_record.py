"""The officer's record of a targeting support meeting (Wagtail admin): the agenda,
whether it was held, its notes, and the agreed actions (a cohort or one pupil by UPN or
initials; a name is refused). Views and changes reach the audit log."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from attendance.factories import MeetingActionFactory
from attendance.models import MeetingAction, SupportMeeting
from audit.models import AuditEvent

from .meetings_setup import future_meeting

DUE = (date.today() + timedelta(days=30)).isoformat()


@pytest.fixture
def meeting(school):
    return future_meeting(school)


def _action(**changes):
    data = {
        "cohort": "",
        "pupil": "",
        "action": "Call home on the first day of absence",
        "owner": "Attendance lead",
        "due_on": DUE,
        "status": "open",
    }
    data.update(changes)
    return data


def test_the_record_shows_the_agenda_and_is_audited(client, meeting, attendance_officer):
    client.force_login(attendance_officer)
    response = client.get(reverse("attendance_meeting:record", args=[meeting.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    for heading in ("Agenda", "Pupils on reduced timetables", "Open attendance referrals",
                    "Self-assessment priorities", "Agreed actions"):  # fmt: skip
        assert heading in page
    viewed = AuditEvent.objects.filter(kind="meeting", action="viewed", record_id=str(meeting.pk))
    assert viewed.count() == 1


def test_held_with_notes(client, meeting, attendance_officer):
    client.force_login(attendance_officer)
    url = reverse("attendance_meeting:record", args=[meeting.pk])
    response = client.post(url, {"status": "held", "notes": "Agreed a focus on Year 9."})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == SupportMeeting.Status.HELD and "Year 9" in meeting.notes
    assert AuditEvent.objects.filter(kind="meeting", action="changed").exists()


def test_agreed_actions_for_a_cohort_or_a_pupil(client, meeting, attendance_officer):
    client.force_login(attendance_officer)
    add = reverse("attendance_meeting:action-add", args=[meeting.pk])

    def errors(**changes):
        response = client.post(add, _action(**changes))
        assert response.status_code == 200
        assert response.context["form"].errors
        return " ".join(" ".join(e) for e in response.context["form"].errors.values())

    assert "Give the cohort, or the pupil" in errors()
    assert "not both" in errors(cohort="Year 9", pupil="K.L.")
    assert "looks like a name" in errors(pupil="Kim Lee")
    assert "looks like a name" in errors(pupil="Jo")
    assert "check letter" in errors(pupil="B820700125001")
    assert MeetingAction.objects.count() == 0
    assert client.post(add, _action(pupil="k l")).status_code == 302
    assert client.post(add, _action(cohort="Year 9 boys")).status_code == 302
    assert sorted(MeetingAction.objects.values_list("pupil", "cohort")) == [
        ("", "Year 9 boys"),
        ("K.L.", ""),
    ]
    action = MeetingAction.objects.get(pupil="K.L.")
    change = reverse("attendance_meeting:action-edit", args=[meeting.pk, action.pk])
    assert client.post(change, _action(pupil="K.L.", status="done")).status_code == 302
    action.refresh_from_db()
    assert action.status == "done" and action.updated_by == attendance_officer
    assert (
        AuditEvent.objects.filter(kind="meeting", detail__startswith="agreed action").count() == 3
    )
    # Another meeting's action, or an unknown one: not found.
    other = MeetingActionFactory()
    assert (
        client.get(
            reverse("attendance_meeting:action-edit", args=[meeting.pk, other.pk])
        ).status_code
        == 404
    )
    assert client.get(reverse("attendance_meeting:record", args=[99999])).status_code == 404


def test_the_record_costs_the_same_for_many_actions(
    client, meeting, attendance_officer, django_assert_max_num_queries
):
    client.force_login(attendance_officer)
    url = reverse("attendance_meeting:record", args=[meeting.pk])
    MeetingActionFactory(meeting=meeting)
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for _n in range(25):
        MeetingActionFactory(meeting=meeting, cohort="", pupil="A.B.")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert "A.B." in client.get(url).content.decode()
