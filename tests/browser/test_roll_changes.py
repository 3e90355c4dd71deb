"""The roll-change notice in a real browser: a school user signs in from the start page,
meets every step of a deletion for 20 school days' absence with and without errors (axe
on each), sends it, finds it on the dashboard and opens it; all of it at 320px wide too.
A pupil tracking officer finds the notice in the report's queue."""

from datetime import date, timedelta

import pytest

from forms_app.models import Submission
from portal.terms import council_terms, is_school_day
from tests.browser.conftest import shows_errors, sign_in_to_admin, sign_in_to_portal

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

START = "/forms/roll-change/"
SCHOOL_USER = "attendance.lead@demo.wyvernshire.example"
CONTINUE = "button[name=continue], main button.govuk-button >> nth=0"


def school_days_back(count):
    """The school day `count` school days before today (the council's term dates)."""
    terms, day = council_terms(), date.today()
    for _each in range(count):
        day -= timedelta(days=1)
        while not is_school_day(day, terms):
            day -= timedelta(days=1)
    return day


def dates(prefix, value):
    return {
        f"#id_{prefix}_0": str(value.day),
        f"#id_{prefix}_1": str(value.month),
        f"#id_{prefix}_2": str(value.year),
    }


def steps():
    """(path, {selector: text}, [selectors to check]); a path in NO_ERRORS has nothing to
    get wrong."""
    today = date.today()
    return [
        ("step/school/", {}, []),
        ("step/kind/", {}, ["#id_kind_1"]),
        (
            "step/pupil/",
            {"#id_first_name": "Jodie", "#id_last_name": "Marsh", **dates("date_of_birth", date(2012, 4, 3))},
            [],
        ),
        (
            "step/pupil_address/",
            {"#id_line_1": "8 Tanner Row", "#id_town": "Wyvernton", "#id_postcode": "WY1 4EF"},
            [],
        ),
        (
            "step/parents/add/",
            {"#id_first_name": "Lee", "#id_last_name": "Marsh", "#id_phone": "01632 960 777"},
            ["#id_relationship_1", "#id_parental_responsibility_1"],
        ),
        ("step/parents/", {}, ["#id_add_another_1"]),
        ("step/deletion/", dates("deleted_on", today), ["input[name=ground][value=\"9_1_i\"]"]),
        (
            "step/absence/",
            {
                **dates("first_day", school_days_back(22)),
                "#id_enquiries": "Calls, letters and two home visits with the council's officer.",
                **dates("council_agreed_on", today),
            },
            ["#id_only_codes"],
        ),
        ("step/destination/", {}, ["#id_destination_3", "#id_family_moved_3"]),
        ("step/safeguarding/", {}, ["#id_concerns_2"]),
    ]  # fmt: skip


# Nothing on these to get wrong (the family's new area is an optional question).
NO_ERRORS = {"step/school/", "step/moved/"}


def fits_the_width(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def shown_then_sent_empty(page, portal, path, assert_accessible):
    """The step as first shown, then (where it can be wrong) sent empty: its errors. axe
    reads each, and neither is wider than the window."""
    assert page.url.startswith(portal + START + path), (page.url, path)
    assert_accessible(page)
    assert fits_the_width(page), path
    if path in NO_ERRORS:
        return
    with page.expect_navigation():
        page.click(CONTINUE)
    shows_errors(page, path)
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
    assert fits_the_width(page), path


def answer(page, typed, clicks):
    for selector, value in typed.items():
        page.fill(selector, value)
    for selector in clicks:
        page.check(selector)


@pytest.mark.parametrize("width", [1024, 320])
def test_a_notice_from_sign_in_to_the_dashboard(page, portal, assert_accessible, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(portal + START)
    assert_accessible(page)
    page.click("text=Sign in to start")
    page.fill("#id_username", SCHOOL_USER)
    page.fill("#id_password", "attendance-demo-2026")
    page.click("#id_submit")
    for path, typed, clicks in steps():
        shown_then_sent_empty(page, portal, path, assert_accessible)
        answer(page, typed, clicks)
        page.click(CONTINUE)
    assert page.url == portal + START + "check-your-answers/"
    main = page.locator("main").inner_text()
    assert "Jodie" in main and "9(1)(i)" in main
    assert_accessible(page)
    assert fits_the_width(page)
    page.click("text=Accept and send notice")
    assert page.url == portal + START + "confirmation/"
    assert "Notice sent" in page.locator("h1").inner_text()
    reference = page.locator(".govuk-panel__body strong").inner_text()
    notice = Submission.objects.get(reference=reference)
    assert notice.school.urn == "190001" and notice.answers["deletion"]["ground"] == "9_1_i"
    assert_accessible(page)

    page.goto(portal + "/portal/")
    assert reference in page.locator("main").inner_text()
    assert_accessible(page)
    assert fits_the_width(page)
    page.click(f"text={reference}")
    main = page.locator("main").inner_text()
    assert "Jodie Marsh" in main and "On time" in main
    assert_accessible(page)
    assert fits_the_width(page)


# Each ground that asks for more, with the step that asks it.
GROUND_STEPS = [
    ("9_1_a", "step/other_school/"),
    ("9_1_f", "step/home_education/"),
    ("9_1_g", "step/moved/"),
    ("9_1_j", "step/medical/"),
    ("9_1_n", "step/exclusion/"),
]


def test_every_grounds_step_and_the_addition(page, portal, assert_accessible):
    """The steps the main walk does not reach: each ground's own questions and the
    addition's, first shown and with their errors."""
    page.set_viewport_size({"width": 320, "height": 900})
    sign_in_to_portal(page, portal, SCHOOL_USER)
    page.goto(portal + START + "step/school/")
    for path, typed, clicks in steps()[:6]:  # up to the deletion
        assert page.url.startswith(portal + START + path), (page.url, path)
        answer(page, typed, clicks)
        with page.expect_navigation():
            page.click(CONTINUE)
    for ground, path in GROUND_STEPS:
        page.goto(portal + START + "step/deletion/")
        answer(page, dates("deleted_on", date.today()), [f'input[name=ground][value="{ground}"]'])
        with page.expect_navigation():
            page.click(CONTINUE)
        shown_then_sent_empty(page, portal, path, assert_accessible)
    page.goto(portal + START + "step/kind/")
    page.check("#id_kind_2")
    for _each in range(5):  # the pupil's answers are kept: through them to the addition
        if page.url.endswith("step/parents/"):
            page.check("#id_add_another_1")  # no other parent
        with page.expect_navigation():
            page.click(CONTINUE)
        if "step/addition/" in page.url:
            break
    shown_then_sent_empty(page, portal, "step/addition/", assert_accessible)
    assert "Date the pupil was added" in page.locator("main").inner_text()


def test_a_governor_is_told_who_can_send_one(page, portal, assert_accessible):
    sign_in_to_portal(page, portal, "governor@demo.wyvernshire.example")
    response = page.goto(portal + START + "step/school/")
    assert response.status == 403
    assert_accessible(page)


def test_the_officers_report(page, portal, assert_accessible):
    sign_in_to_admin(page, portal, "pupil.tracking@demo.wyvernshire.example")
    page.goto(portal + "/admin/roll-changes/")
    main = page.locator("main").inner_text()
    assert "Notices this term" in main and "By ground" in main
    assert_accessible(page)
    page.click("text=Open these notices")
    page.wait_for_load_state()
    assert "RC-" in page.locator("main").inner_text()
    assert_accessible(page)
