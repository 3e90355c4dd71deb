"""The charts in a real browser at 320, 768 and 1280 CSS px wide, in English, Welsh and
Urdu (right to left): every text inside the drawing, no two texts overlapping, no text on
a bar, text drawn no smaller than 12 px, the drawing within the page; axe on each."""

import pytest

from tests.browser.conftest import sign_in_to_portal

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = (320, 768, 1280)
LANGUAGES = ("", "/cy", "/ur")
SCHOOL_USER = "attendance.lead@demo.wyvernshire.example"

# Boxes as drawn; 0.5 px of slack for rounding where two boxes only touch.
MEASURE = """svg => {
  const drawn = svg.getBoundingClientRect();
  const scale = drawn.width / svg.viewBox.baseVal.width;
  const box = e => { const r = e.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  return {
    svg: box(svg),
    page: document.documentElement.clientWidth,
    texts: [...svg.querySelectorAll('text')].map(t => ({
      text: t.textContent, box: box(t),
      px: parseFloat(getComputedStyle(t).fontSize) * scale})),
    bars: [...svg.querySelectorAll('rect.app-chart__bar')].map(box),
  };
}"""


def overlap(a, b):
    slack = 0.5
    return (
        a["left"] < b["right"] - slack
        and b["left"] < a["right"] - slack
        and a["top"] < b["bottom"] - slack
        and b["top"] < a["bottom"] - slack
    )


def assert_chart_fits(page):
    charts = page.locator("svg.app-chart")
    assert charts.count() >= 1
    for number in range(charts.count()):
        drawn = charts.nth(number).evaluate(MEASURE)
        where = f"{page.url} at {page.viewport_size['width']}px"
        svg = drawn["svg"]
        assert 0 <= svg["left"] and svg["right"] <= drawn["page"], where
        for text in drawn["texts"]:
            box = text["box"]
            assert svg["left"] <= box["left"] and box["right"] <= svg["right"], (where, text)
            assert svg["top"] <= box["top"] and box["bottom"] <= svg["bottom"], (where, text)
            assert text["px"] >= 12, (where, text)
            for bar in drawn["bars"]:
                assert not overlap(box, bar), (where, text, bar)
        for n, first in enumerate(drawn["texts"]):
            for second in drawn["texts"][n + 1 :]:
                assert not overlap(first["box"], second["box"]), (where, first, second)


def report_address(page, portal):
    sign_in_to_portal(page, portal, SCHOOL_USER)
    page.goto(portal + "/portal/self-assessment/")
    page.click("text=Continue the")
    page.click("text=See the report so far")
    page.wait_for_url("**/report/")
    return page.url.removeprefix(portal)


def test_the_self_assessment_chart_at_every_width_and_language(page, portal, assert_accessible):
    address = report_address(page, portal)
    for language in LANGUAGES:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(portal + language + address)
            assert "Leadership and governance" in page.locator("svg.app-chart").text_content()
            assert_chart_fits(page)
        assert_accessible(page)


def test_the_absence_chart_at_every_width_and_language(page, portal, assert_accessible):
    for language in LANGUAGES:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(portal + language + "/strategy/")
            assert_chart_fits(page)
        assert_accessible(page)
