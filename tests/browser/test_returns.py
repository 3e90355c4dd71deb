"""Reduced-timetable returns in a browser: the demo school user makes Alderbrook's return
(errors included, the nil return refused and then made), and the attendance officer reads
the tracker. axe finds nothing on any of these pages."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from portal.models import School
from returns.models import ReturnPeriod
from tests.browser.conftest import shows_errors, sign_in_to_admin, sign_in_to_portal

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PERIOD = "Autumn term 2026, second half"


def fill_date(page, name, day):
    page.fill(f"#id_{name}_0", str(day.day))
    page.fill(f"#id_{name}_1", str(day.month))
    page.fill(f"#id_{name}_2", str(day.year))


def fill_the_rest_of_the_pupil(page):
    """A reduced timetable that began ten days ago, every other answer given."""
    starts = date.today() - timedelta(days=10)
    fill_date(page, "starts_on", starts)
    fill_date(page, "review_on", starts + timedelta(weeks=6))
    fill_date(page, "ends_on", starts + timedelta(weeks=12))
    page.select_option("#id_year_group", "4")
    page.fill("#id_hours_per_week", "15")
    page.check("#id_reason_2")
    page.check("#id_parental_agreement_1")
    page.check("#id_sen_1")
    page.check("#id_social_care_1")


def test_a_school_makes_its_return(page, portal, assert_accessible):
    sign_in_to_portal(page, portal, "attendance.lead@demo.wyvernshire.example")
    panel = page.locator("main section").first
    assert "Reduced-timetable returns" in panel.inner_text()
    assert_accessible(page)
    panel.get_by_role("link", name=PERIOD).click()
    assert "Carried over – check the details" in page.locator("main").inner_text()
    assert_accessible(page)
    return_url = page.url

    # Add a pupil: first with mistakes, a name among them.
    page.get_by_role("button", name="Add a pupil").click()
    page.fill("#id_pupil", "Kim Lee")
    page.get_by_role("button", name="Add pupil").click()
    assert "Do not give the pupil's name" in page.locator(".govuk-error-summary").inner_text()
    page.fill("#id_pupil", "K.L.")
    page.fill("#id_hours_per_week", "lots")
    page.get_by_role("button", name="Add pupil").click()
    shows_errors(page)
    summary = page.locator(".govuk-error-summary").inner_text()
    assert (
        "Enter the start date" in summary and "Hours offered per week must be a number" in summary
    )
    assert page.input_value("#id_pupil") == "K.L."
    assert_accessible(page)
    fill_the_rest_of_the_pupil(page)
    page.get_by_role("button", name="Add pupil").click()
    page.wait_for_url(return_url)
    assert "K.L." in page.locator("main").inner_text()

    # A nil return is refused while pupils are listed.
    page.goto(return_url + "nil/")
    shows_errors(page)
    assert "You cannot make a nil return" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    # Both pupils are back on a full timetable: remove them, then make a nil return.
    for _pupil in range(2):
        page.goto(return_url)
        page.get_by_role("link", name="Remove").first.click()
        assert_accessible(page)
        page.get_by_role("button", name="Yes, remove the pupil").click()
        page.wait_for_url(return_url)
    page.get_by_role("button", name="Make a nil return").click()
    assert page.locator("h1").inner_text() == "Make a nil return"
    assert_accessible(page)
    page.get_by_role("button", name="Confirm nil return").click()
    assert page.locator(".govuk-panel__title").inner_text() == "Nil return made"
    assert_accessible(page)


def test_a_governor_sees_counts_not_pupils(page, portal, assert_accessible):
    sign_in_to_portal(page, portal, "governor@demo.wyvernshire.example")
    page.locator("main section").first.get_by_role("link", name=PERIOD).click()
    main = page.locator("main").inner_text()
    assert "Pupils on this return: 1." in main
    assert "W.Y." not in main  # the carried-over pupil's initials
    assert_accessible(page)


def test_the_officer_tracker(page, portal, assert_accessible):
    sign_in_to_admin(page, portal, "attendance.officer@demo.wyvernshire.example")
    page.goto(portal + "/admin/returns/tracker/")
    main = page.locator("main").inner_text()
    assert PERIOD in main and "Response rate:" in main
    assert "Pupils whose review date has passed" in main
    assert_accessible(page)
    page.select_option("#id_status", "outstanding")
    page.get_by_role("button", name="Show").click()
    schools = page.locator("main table").first.inner_text()
    assert "Alderbrook Primary School" in schools
    assert "Foxhill Special School" not in schools  # returned
    assert_accessible(page)


def test_the_tracker_pages_keep_the_filter(page, portal, assert_accessible):
    School.objects.bulk_create(
        School(urn=f"{320000 + n}", name=f"Zedbury School {n:02}", phase="primary",
               locality="Zedbury", postcode="WY1 1AA")
        for n in range(60)
    )  # fmt: skip
    ReturnPeriod.objects.get(name=PERIOD).save()  # opens the new schools' returns
    sign_in_to_admin(page, portal, "attendance.officer@demo.wyvernshire.example")
    page.goto(portal + "/admin/returns/tracker/")
    page.select_option("#id_status", "outstanding")
    page.get_by_role("button", name="Show").click()
    main = page.locator("main")
    # expect retries: read at once, the 50 rows' page may still be arriving
    expect(main).to_contain_text("Page 1 of 2")
    page.wait_for_load_state()
    assert_accessible(page)
    page.locator("nav.pagination").get_by_role("link", name="Next").click()
    expect(main).to_contain_text("Page 2 of 2")
    page.wait_for_load_state()
    assert "status=outstanding" in page.url and "p=2" in page.url
    schools = page.locator("main table").first.inner_text()
    assert "Zedbury School 59" in schools and "Alderbrook Primary School" not in schools
    assert page.input_value("#id_status") == "outstanding"
    assert_accessible(page)


def test_a_return_sent_after_the_due_date_is_marked_late(page, portal, assert_accessible):
    period = ReturnPeriod.objects.get(name=PERIOD)
    period.opens_on = min(period.opens_on, date.today() - timedelta(days=20))
    period.due_on = date.today() - timedelta(days=1)
    period.late_until = date.today() + timedelta(days=7)
    period.save()
    sign_in_to_portal(page, portal, "attendance.lead@demo.wyvernshire.example")
    page.locator("main section").first.get_by_role("link", name=PERIOD).click()
    return_url = page.url
    assert "it will be marked as late" in page.locator("main").inner_text()
    assert_accessible(page)
    # The carried-over pupil is back on a full timetable: a nil return, made late.
    page.get_by_role("link", name="Remove").first.click()
    page.get_by_role("button", name="Yes, remove the pupil").click()
    page.wait_for_url(return_url)
    page.get_by_role("button", name="Make a nil return").click()
    page.get_by_role("button", name="Confirm nil return").click()
    assert page.locator(".govuk-panel__title").inner_text() == "Nil return made"
    page.goto(return_url)
    assert page.locator("main .govuk-tag", has_text="Late").count() == 1
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in_to_admin(page, portal, "attendance.officer@demo.wyvernshire.example")
    page.goto(portal + "/admin/returns/tracker/")
    page.select_option("#id_status", "late")
    page.get_by_role("button", name="Show").click()
    schools = page.locator("main table").first.inner_text()
    assert "Alderbrook Primary School" in schools and "Late" in schools
    assert_accessible(page)
