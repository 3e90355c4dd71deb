"""Targeting support meetings in a browser: the demo school's attendance lead reads a
meeting (agenda, actions) and updates an action, with a mistake first; the attendance
officer keeps the meeting's record and is told a pupil's name is refused. axe finds
nothing on any of these pages, full width and 320px wide."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from attendance.factories import MeetingActionFactory, SupportMeetingFactory
from attendance.models import MeetingAction
from attendance.periods import term_on
from portal.models import School
from tests.browser.conftest import shows_errors, sign_in_to_admin, sign_in_to_portal

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NARROW = {"width": 320, "height": 800}
WIDE = {"width": 1280, "height": 900}


def both_widths(page, assert_accessible):
    for size in (WIDE, NARROW):
        page.set_viewport_size(size)
        assert_accessible(page)
    page.set_viewport_size(WIDE)


def a_meeting():
    """A meeting of Alderbrook Primary next week, with one action agreed for a pupil."""
    school = School.objects.get(urn="190001")
    starts_at = timezone.now() + timedelta(days=7)
    year, term = term_on(timezone.localdate(starts_at))
    # The demo's meeting of that term gives way: one meeting per school per term.
    school.support_meetings.filter(year=year, term=term).delete()
    meeting = SupportMeetingFactory(
        school=school, year=year, term=term, starts_at=starts_at, place="Room 4"
    )
    MeetingActionFactory(
        meeting=meeting, cohort="", pupil="K.L.", action="Daily call home",
        due_on=date.today() + timedelta(days=14),
    )  # fmt: skip
    return meeting


def test_the_school_reads_its_meeting_and_updates_an_action(page, portal, assert_accessible):
    meeting = a_meeting()
    sign_in_to_portal(page, portal, "attendance.lead@demo.wyvernshire.example")
    page.goto(portal + "/portal/attendance/school/190001/meetings/")
    assert "Targeting support meetings" in page.locator("h1").inner_text()
    both_widths(page, assert_accessible)
    page.locator("main li a.govuk-link").first.click()
    text = page.locator("main").inner_text()
    assert "Room 4" in text and "Agenda" in text and "Pupil K.L." in text
    both_widths(page, assert_accessible)

    page.get_by_role("link", name="Update").first.click()
    page.get_by_role("button", name="Save the status").click()
    shows_errors(page)
    summary = page.locator(".govuk-error-summary")
    assert "Choose where the action has got to" in summary.inner_text()
    both_widths(page, assert_accessible)
    page.get_by_label("Done").check()
    page.get_by_role("button", name="Save the status").click()
    page.wait_for_url(f"**/meetings/{meeting.pk}/")
    assert "The action's status is updated." in page.locator("main").inner_text()
    assert MeetingAction.objects.get(meeting=meeting).status == "done"


def test_the_officer_keeps_the_meeting_s_record(page, portal, assert_accessible):
    meeting = a_meeting()
    sign_in_to_admin(page, portal, "attendance.officer@demo.wyvernshire.example")
    page.goto(portal + f"/admin/attendance_meeting/record/{meeting.pk}/")
    text = page.locator("main").inner_text()
    assert "Agenda" in text and "Daily call home" in text
    both_widths(page, assert_accessible)

    page.get_by_role("link", name="Add an agreed action").click()
    page.fill("#id_pupil", "Kim Lee")
    page.fill("#id_action", "Meet the family")
    page.fill("#id_owner", "Attendance lead")
    page.fill("#id_due_on", (date.today() + timedelta(days=21)).isoformat())
    page.get_by_role("button", name="Save the action").click()
    assert "looks like a name" in page.locator("main").inner_text()
    both_widths(page, assert_accessible)
    page.fill("#id_pupil", "K.L.")
    page.get_by_role("button", name="Save the action").click()
    page.wait_for_url(f"**/record/{meeting.pk}/")
    assert "Meet the family" in page.locator("main").inner_text()
