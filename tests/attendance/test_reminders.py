"""Overdue agreed actions reminded: one email per school to its headteacher and
attendance leads, each in their own language; not again within a week; a failed send
leaves the actions to be reminded on the next run; a fixed number of queries."""

import smtplib
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings

from attendance.factories import MeetingActionFactory, SupportMeetingFactory
from attendance.models import MeetingAction
from attendance.tasks import REMIND_AGAIN_AFTER_DAYS, remind_overdue_actions
from portal.factories import MembershipFactory, SchoolFactory
from portal.models import Membership

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 10)


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("connection refused")


def action(school, days_overdue=3, **kwargs):
    meeting = school.support_meetings.first() or SupportMeetingFactory(
        school=school, year=2025, term=2
    )
    return MeetingActionFactory(
        meeting=meeting, due_on=TODAY - timedelta(days=days_overdue), **kwargs
    )


def people(school, **languages):
    """Members of the school by role: a headteacher, an attendance lead, a governor."""
    made = {}
    for role in (
        Membership.Role.HEADTEACHER,
        Membership.Role.ATTENDANCE_LEAD,
        Membership.Role.GOVERNOR,
        Membership.Role.DSL,
    ):
        made[role] = MembershipFactory(
            school=school,
            role=role,
            user__email=f"{role}@{school.urn}.example",
            user__language=languages.get(role, ""),
        ).user
    return made


@pytest.fixture
def school(db):
    return SchoolFactory(name="Alderbrook Primary", urn="190001")


def test_the_headteacher_and_attendance_lead_are_emailed_once(school, settings):
    settings.ATTENDANCE_ACTION_REMINDER_DAYS = 1
    people(school)
    overdue = action(school, pupil="A123456789012", action="Daily check-in with the pupil")
    action(school, days_overdue=0, action="Due today: not yet overdue")
    action(school, days_overdue=10, action="Done already", status=MeetingAction.Status.DONE)
    in_progress = action(
        school, days_overdue=1, action="Meet the family", status=MeetingAction.Status.IN_PROGRESS
    )
    remind_overdue_actions(TODAY)
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert sorted(email.to) == ["attendance_lead@190001.example", "headteacher@190001.example"]
    assert "Alderbrook Primary" in email.subject
    assert "Daily check-in with the pupil" in email.body and "A123456789012" in email.body
    assert "Meet the family" in email.body
    assert "Due today" not in email.body and "Done already" not in email.body
    assert "/portal/attendance/school/190001/meetings/" in email.body
    overdue.refresh_from_db()
    in_progress.refresh_from_db()
    assert overdue.reminded_on == TODAY and in_progress.reminded_on == TODAY


def test_the_days_after_the_due_date_are_a_setting(school, settings):
    people(school)
    action(school, days_overdue=3)
    settings.ATTENDANCE_ACTION_REMINDER_DAYS = 4
    remind_overdue_actions(TODAY)
    assert mail.outbox == []
    settings.ATTENDANCE_ACTION_REMINDER_DAYS = 3
    remind_overdue_actions(TODAY)
    assert len(mail.outbox) == 1


def test_each_in_their_own_language(school):
    people(
        school,
        **{Membership.Role.HEADTEACHER: "cy", Membership.Role.ATTENDANCE_LEAD: "pl"},
    )
    action(school)
    remind_overdue_actions(TODAY)
    by_address = {tuple(email.to): email for email in mail.outbox}
    assert set(by_address) == {
        ("headteacher@190001.example",),
        ("attendance_lead@190001.example",),
    }
    welsh = by_address[("headteacher@190001.example",)]
    polish = by_address[("attendance_lead@190001.example",)]
    assert "/cy/portal/attendance/school/190001/meetings/" in welsh.body
    assert "/pl/portal/attendance/school/190001/meetings/" in polish.body
    assert welsh.subject != polish.subject  # each translated
    assert "Alderbrook Primary" in welsh.subject and "Alderbrook Primary" in polish.subject


def test_not_twice_in_a_week(school):
    people(school)
    overdue = action(school)
    remind_overdue_actions(TODAY)
    for days in range(1, REMIND_AGAIN_AFTER_DAYS):
        remind_overdue_actions(TODAY + timedelta(days=days))
    assert len(mail.outbox) == 1
    remind_overdue_actions(TODAY + timedelta(days=REMIND_AGAIN_AFTER_DAYS))
    assert len(mail.outbox) == 2
    overdue.refresh_from_db()
    assert overdue.reminded_on == TODAY + timedelta(days=REMIND_AGAIN_AFTER_DAYS)


def test_others_are_not_emailed(school):
    people(school)
    other = SchoolFactory(name="Beechfield Primary", urn="190002")
    people(other)
    closed = SchoolFactory(name="Closed Primary", urn="190003", active=False)
    people(closed)
    action(school)
    action(closed)
    remind_overdue_actions(TODAY)
    addresses = {address for email in mail.outbox for address in email.to}
    assert addresses == {"attendance_lead@190001.example", "headteacher@190001.example"}


def test_a_failed_send_leaves_the_actions_to_be_reminded_again(school):
    people(school)
    overdue = action(school)
    with override_settings(EMAIL_BACKEND="tests.attendance.test_reminders.RefusingBackend"):
        result = remind_overdue_actions(TODAY)
    assert "1 emails failed" in result
    overdue.refresh_from_db()
    assert overdue.reminded_on is None
    remind_overdue_actions(TODAY + timedelta(days=1))  # the mail server is back
    assert len(mail.outbox) == 1
    overdue.refresh_from_db()
    assert overdue.reminded_on == TODAY + timedelta(days=1)


def test_a_school_with_nobody_to_email_is_not_marked(school):
    overdue = action(school)
    remind_overdue_actions(TODAY)
    overdue.refresh_from_db()
    assert mail.outbox == [] and overdue.reminded_on is None


def test_the_link_is_the_schools_meetings_page_in_the_readers_language(school):
    from django.utils.translation import override

    from attendance.tasks import meetings_path

    assert meetings_path(school) == f"/portal/attendance/school/{school.urn}/meetings/"
    with override("cy"):
        assert meetings_path(school) == f"/cy/portal/attendance/school/{school.urn}/meetings/"


@pytest.mark.parametrize("count", [5, 60])
def test_a_fixed_number_of_queries(count, django_assert_max_num_queries):
    for n in range(count):
        school = SchoolFactory()
        people(school, **{Membership.Role.HEADTEACHER: ["cy", "en", ""][n % 3]})
        action(school)
        action(school, days_overdue=5)
    with django_assert_max_num_queries(3):
        remind_overdue_actions(TODAY)
    # A school whose headteacher reads Welsh gets two emails: one in each language.
    welsh = len(range(0, count, 3))
    assert len(mail.outbox) == count + welsh
    assert not MeetingAction.objects.filter(reminded_on__isnull=True).exists()
