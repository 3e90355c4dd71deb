"""A school's attendance page and its governors' report in a browser: the dashboard's
panel, the page and the report in English and in Urdu (right to left: the chart's bars
grow from the right), each checked with axe at full width and at 320px, with no sideways
scrolling of the page. A screenshot of the Urdu page goes to /tmp/att-school-ur.png for
a person to look at."""

from datetime import date

import pytest

from attendance.factories import AreaFiguresFactory, SchoolFiguresFactory, SchoolStageFactory
from attendance.models import AreaFigures, SchoolFigures, SchoolStage
from portal.models import School
from tests.browser.conftest import sign_in_to_portal

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LEAD = "attendance.lead@demo.wyvernshire.example"
GOVERNOR = "governor@demo.wyvernshire.example"
PAGE = "/portal/attendance/school/190001/"


def alderbrook_figures():
    """Two years of Alderbrook's figures (this one to Spring 1, under the threshold),
    the council's for primary schools and England's for all schools only, and a stage.
    Whatever the demo holds for these years is replaced."""
    school = School.objects.get(urn="190001")
    SchoolFigures.objects.filter(school=school).delete()
    AreaFigures.objects.filter(year__in=(2024, 2025)).delete()
    SchoolStage.objects.filter(school=school).delete()
    for year, halves, absence in ((2024, range(1, 7), 5.5), (2025, (1, 2, 3), 6.8)):
        for half in halves:
            SchoolFiguresFactory(school=school, year=year, half=half, absence=absence + half / 10)
            AreaFiguresFactory(area="council", phase="primary", year=year, half=half, absence=5.1)
            AreaFiguresFactory(area="national", phase="all", year=year, half=half, absence=6.4)
    SchoolStageFactory(
        school=school, year=2025, stage=1, flagged_on=date(2025, 12, 19), flagged_attendance="93.00"
    )


def check_both_widths(page, assert_accessible):
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page)
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{page.url} scrolls sideways at {width}px ({overflow})"
    page.set_viewport_size({"width": 1280, "height": 900})


def first_bar(page):
    return page.evaluate(
        """() => {
          const svg = document.querySelector('svg.app-chart');
          const bar = svg.querySelector('rect.app-chart__bar');
          const width = svg.viewBox.baseVal.width;
          const x = parseFloat(bar.getAttribute('x'));
          return {left: x, right: x + parseFloat(bar.getAttribute('width')), width: width};
        }"""
    )


def test_the_school_page_and_the_governors_report(page, portal, assert_accessible):
    alderbrook_figures()
    sign_in_to_portal(page, portal, LEAD)
    panel = page.locator("main section", has_text="Your schools' latest attendance")
    assert "Alderbrook Primary School" in panel.inner_text()
    assert "Below 94%" in panel.inner_text()
    assert_accessible(page)

    panel.get_by_role("link", name="Alderbrook Primary School").click()
    page.wait_for_url(portal + PAGE)
    main = page.locator("main").inner_text()
    assert "Attendance 2025/26" in main and "England, all schools" in main
    assert "Stage 1: audit" in main
    assert page.locator("svg.app-chart rect.app-chart__bar").count() == 6  # 3 half terms x 2
    bar = first_bar(page)
    assert bar["left"] < 10  # left to right: bars grow from the left edge
    check_both_widths(page, assert_accessible)

    page.select_option("#year", "2024")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**year=2024**")
    assert "Attendance 2024/25" in page.locator("h1").inner_text()
    assert page.locator("svg.app-chart rect.app-chart__bar").count() == 12

    page.goto(portal + PAGE)
    page.get_by_role("link", name="Printable termly report for governors").click()
    assert "Governors' attendance report: Spring term 2025/26" in page.locator("h1").inner_text()
    assert "Questions governors may ask" in page.locator("main").inner_text()
    assert page.locator("[data-print-page]").count() == 1
    check_both_widths(page, assert_accessible)
    # A term without figures yet: the latest term's report, and a word saying so.
    page.goto(portal + PAGE + "report/?year=2025&term=3")
    assert "no figures for the term you asked for" in page.locator("main").inner_text()
    check_both_widths(page, assert_accessible)


def test_in_urdu_the_chart_is_mirrored(page, portal, assert_accessible):
    alderbrook_figures()
    sign_in_to_portal(page, portal, GOVERNOR)
    page.goto(portal + "/ur" + PAGE)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("svg.app-chart").get_attribute("direction") == "rtl"
    bar = first_bar(page)
    assert bar["width"] - bar["right"] < 10  # right to left: bars grow from the right edge
    check_both_widths(page, assert_accessible)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path="/tmp/att-school-ur.png", full_page=True)
    page.set_viewport_size({"width": 320, "height": 900})
    page.screenshot(path="/tmp/att-school-ur-320.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(portal + "/ur" + PAGE + "report/?year=2025&term=1")
    assert page.locator("html").get_attribute("dir") == "rtl"
    check_both_widths(page, assert_accessible)
