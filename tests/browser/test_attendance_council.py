"""The attendance officers' screens in a browser: the council's picture of attendance
(filtered, sorted) and a school's stage, with a mistake on the form shown and then put
right. axe finds nothing on any of them, at full width and 320 CSS px wide."""

from datetime import date

import pytest

from attendance.factories import AreaFiguresFactory, SchoolFiguresFactory, SchoolStageFactory
from portal.models import School
from tests.browser.conftest import sign_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OFFICER = "attendance.officer@demo.wyvernshire.example"
WIDE, NARROW = {"width": 1280, "height": 900}, {"width": 320, "height": 800}


def both_widths(page, check):
    for size in (WIDE, NARROW):
        page.set_viewport_size(size)
        check(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    page.set_viewport_size(WIDE)


def shown_messages(page):
    # Wagtail fades its message in: axe measures contrast once it is fully shown.
    page.wait_for_function(
        "() => { const shown = document.querySelector('.messages > ul');"
        " return shown && getComputedStyle(shown).opacity === '1'; }"
    )


def figures_for_the_demo_schools():
    """This half term's and last year's figures for every demo school, one under 94%,
    and Alderbrook's stage 1 this year (the demo's own figures may come later)."""
    alderbrook = School.objects.get(urn="190001")
    for n, school in enumerate(School.objects.active().order_by("pk")):
        absence = 8.0 if school == alderbrook else 4.0 + n % 3
        if not school.attendance_figures.filter(year=2025, half=2).exists():
            SchoolFiguresFactory(school=school, year=2025, half=2, absence=absence)
        if not school.attendance_figures.filter(year=2024, half=2).exists():
            SchoolFiguresFactory(school=school, year=2024, half=2, absence=5.0)
    for area in ("council", "national"):
        if not AreaFiguresFactory._meta.model.objects.filter(
            area=area, year=2025, half=2, phase="all"
        ).exists():
            AreaFiguresFactory(area=area, year=2025, half=2)
    stage = alderbrook.attendance_stages.filter(year=2025).first()
    return stage or SchoolStageFactory(
        school=alderbrook, year=2025, flagged_on=date(2025, 12, 19), flagged_attendance=92
    )


def test_the_council_picture_and_a_schools_stage(page, portal, assert_accessible):
    stage = figures_for_the_demo_schools()
    sign_in_to_admin(page, portal, OFFICER)
    page.goto(portal + "/admin/attendance/council/?period=2025-2")
    main = page.locator("main")
    assert "Autumn 2 2025/26" in main.inner_text()
    assert "under the threshold of 94" in main.inner_text()
    both_widths(page, assert_accessible)

    page.check("#id_under")
    page.get_by_role("button", name="Show").click()
    table = page.locator("main table").last.inner_text()
    assert "Alderbrook Primary School" in table and "UNDER" in table.upper()
    with page.expect_navigation():
        page.get_by_role("link", name="Attendance %").click()
    assert "sort=attendance" in page.url and "under=1" in page.url
    page.wait_for_selector("th[aria-sort=ascending]")
    both_widths(page, assert_accessible)

    # The school's stage: stage 2 without the audit date is refused, then put right.
    page.goto(portal + f"/admin/attendance_schoolstage/edit/{stage.pk}/")
    assert "Alderbrook Primary School, school year 2025/26" in main.inner_text()
    both_widths(page, assert_accessible)
    page.select_option("#id_stage", "2")
    page.fill("#id_audit_on", "")  # the demo's stage may have its audit date already
    page.fill("#id_follow_up_on", "")
    page.fill("#id_notes", "Audit booked with the head")
    page.get_by_role("button", name="Save").click()
    assert "Enter the audit date" in main.inner_text()
    shown_messages(page)
    assert page.input_value("#id_notes") == "Audit booked with the head"
    both_widths(page, assert_accessible)
    page.fill("#id_audit_on", "2026-01-12")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/attendance_schoolstage/")
    stage.refresh_from_db()
    assert stage.stage == 2 and str(stage.audit_on) == "2026-01-12"
    # The listing, with Wagtail's "saved" message once it has faded in.
    shown_messages(page)
    assert "Stage 2: follow-up meetings" in main.inner_text()
    both_widths(page, assert_accessible)
