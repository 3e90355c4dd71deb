"""The self-assessment in a real browser, with axe (WCAG 2.2 A and AA) on every page:
the task list, an area page with errors, the report, its print view, the action plan,
the dashboard, and the council view in the Wagtail admin."""

import pytest

from tests.browser.conftest import shows_errors, sign_in_to_admin, sign_in_to_portal

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCHOOL_USER = "attendance.lead@demo.wyvernshire.example"
OFFICER = "attendance.officer@demo.wyvernshire.example"


def test_a_school_works_on_its_assessment(page, portal, assert_accessible):
    sign_in_to_portal(page, portal, SCHOOL_USER)
    assert "Self-assessment" in page.locator("main").inner_text()
    assert_accessible(page)  # the dashboard with the panel

    page.click("text=Self-assessment")
    page.goto(portal + "/portal/self-assessment/")
    assert_accessible(page)
    page.click("text=Continue the")
    assert page.locator(".govuk-task-list").count() == 1
    assert_accessible(page)

    # An area page with an error: a level outside 1 to 4 (as a tampered page would send).
    page.click(".govuk-task-list__item:nth-child(3) a")
    heading = page.locator("h1").inner_text()
    page.evaluate(
        "() => { const r = document.querySelector('input[type=radio]'); r.value = '5'; r.checked = true; }"
    )
    page.click("button[name=complete]")
    page.wait_for_load_state()
    shows_errors(page)
    assert page.locator(".govuk-error-summary").count() >= 1
    assert heading in page.locator("h1").inner_text()
    assert_accessible(page)

    # Choose a level for every statement and mark the area complete.
    for radio_name in set(
        page.eval_on_selector_all("input[type=radio]", "els => els.map(e => e.name)")
    ):
        page.check(f"input[name='{radio_name}'][value='3']")
    page.fill("textarea >> nth=0", "Seen at the weekly attendance meeting")
    page.click("button[name=complete]")
    page.wait_for_url("**/self-assessment/*/")
    assert "marked as complete" in page.locator("main").inner_text()

    page.click("text=See the report so far")
    assert page.locator("svg.app-chart").count() == 1
    assert_accessible(page)
    page.click("text=Print or save as PDF")
    assert page.locator("[data-print-page]").count() == 1
    assert_accessible(page)

    page.goto(portal + "/portal/self-assessment/")
    page.click("text=Action plan")
    assert "Open actions" in page.locator("main").inner_text()
    assert_accessible(page)
    page.click("text=Add an action")
    with page.expect_navigation():
        page.click("text=Save action")
    shows_errors(page)
    assert_accessible(page)


def test_the_council_view(page, portal, assert_accessible):
    sign_in_to_admin(page, portal, OFFICER)
    page.goto(portal + "/admin/self-assessment/council/")
    text = page.locator("main").inner_text()
    assert page.locator("table.app-heat-map tbody tr").count() > 5
    assert "Council average" in page.locator("table.app-heat-map").inner_text()
    assert page.locator("nav.pagination").count() == 1  # pages of 50 schools
    assert "Kingfisher Learning Centre" in text  # has not assessed
    assert_accessible(page)
    page.select_option("#id_phase", "primary")
    page.click("text=Show")
    page.wait_for_load_state()
    assert "Greenway High School" not in page.locator("table.app-heat-map").inner_text()
    assert_accessible(page)
