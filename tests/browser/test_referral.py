"""The attendance referral in a real browser: a school user signs in from the start page,
meets every step with and without errors (axe on each), sees the absence result, the
outcome and the DSL pathway, sends it, finds it on the dashboard; an officer finds it in
the queue."""

import pytest

from forms_app.models import Submission
from tests.browser.conftest import officer_finds, shows_errors, sign_in_to_portal
from tests.forms_app.licensing_fixtures import PDF
from tests.forms_app.referral_fixtures import born_in_year

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

START = "/forms/attendance-referral/"
SCHOOL_USER = "attendance.lead@demo.wyvernshire.example"


def dates(prefix, value):
    year, month, day = value.split("-")
    return {f"#id_{prefix}_0": day, f"#id_{prefix}_1": month, f"#id_{prefix}_2": year}


def run(first, last, code_radio):
    return (
        "step/absence_dates/add/",
        {**dates("first_day", first), **dates("last_day", last)},
        ["#id_part_1", code_radio],
    )


# (path, {selector: text}, [selectors to check]); a path in NO_ERRORS has nothing to get wrong.
STEPS = [
    ("step/school/", {}, []),
    (
        "step/pupil/",
        {
            "#id_first_name": "Kai",
            "#id_last_name": "Morgan",
            **dates("date_of_birth", born_in_year(6)),
            "#id_upn": "H801200001001",
        },
        [],
    ),
    (
        "step/pupil_address/",
        {"#id_line_1": "9 Kiln Road", "#id_town": "Wyvernton", "#id_postcode": "WY1 4EF"},
        [],
    ),
    (
        "step/parents/add/",
        {"#id_first_name": "Dana", "#id_last_name": "Morgan"},
        ["#id_relationship_1", "#id_parental_responsibility_1"],
    ),
    ("step/parents/", {}, ["#id_add_another_1"]),
    ("step/agencies/", {}, ["#id_agencies_2"]),
    (
        "step/absence/",
        {
            **dates("period_from", "2026-09-07"),
            **dates("period_to", "2026-11-20"),
            "#id_possible": "100",
            "#id_attended": "70",
            "#id_code_g": "0",
            "#id_code_n": "12",
            "#id_code_o": "0",
            "#id_code_u": "0",
        },
        [],
    ),
    run("2026-10-05", "2026-10-09", "#id_code_2"),
    ("step/absence_dates/", {}, ["#id_add_another_0"]),
    run("2026-10-12", "2026-10-12", "#id_code_2"),
    ("step/absence_dates/", {}, ["#id_add_another_1"]),
    ("step/absence_result/", {}, []),
    ("step/support/", {}, ["#id_support_1"]),
    ("step/support_dates/", dates("attendance_meeting_date", "2026-09-30"), []),
    ("step/request/", {}, ["#id_request_1", "#id_previous_notices_1"]),
    ("step/outcome/", {}, []),
    (
        "step/safeguarding/",
        {},
        [
            "#id_prevent_2",
            "#id_sexual_exploitation_2",
            "#id_criminal_exploitation_2",
            "#id_missing_1",
            "#id_social_care_2",
            "#id_sen_2",
        ],
    ),
    ("step/dsl/", {}, []),
    ("step/voice/", {"#id_pupil_says": "Mornings are hard at home."}, ["#id_asked_1"]),
    ("step/register/", {}, []),
    ("step/declaration/", {}, ["#id_confirm"]),
]
NO_ERRORS = {"step/school/", "step/absence_result/", "step/outcome/", "step/dsl/"}
CONTINUE = "button[name=continue], main button.govuk-button >> nth=0"


def test_a_referral_from_sign_in_to_the_officers_queue(page, portal, assert_accessible, tmp_path):
    printout = tmp_path / "register.pdf"
    printout.write_bytes(PDF)
    page.goto(portal + START)
    assert_accessible(page)
    page.click("text=Sign in to start")
    page.fill("#id_username", SCHOOL_USER)
    page.fill("#id_password", "attendance-demo-2026")
    page.click("#id_submit")
    seen_lists = set()
    for path, typed, clicks in STEPS:
        assert page.url.startswith(portal + START + path), (page.url, path)
        assert_accessible(page)
        first_list_visit = path == "step/absence_dates/" and path not in seen_lists
        seen_lists.add(path)
        if path not in NO_ERRORS and (path != "step/absence_dates/" or first_list_visit):
            if first_list_visit:  # 10 sessions of N where 12 were given: does not add up
                page.check("#id_add_another_1")
            with page.expect_navigation():
                page.click(CONTINUE)
            shows_errors(page, path)
            assert page.locator(".govuk-error-summary").is_visible()
            assert_accessible(page)
        if path == "step/absence_result/":
            text = page.locator("main").inner_text()
            assert "70.0%" in text and "Persistent absence" in text and "is met" in text
        if path == "step/dsl/":
            assert "designated safeguarding lead (DSL) must" in page.locator("main").inner_text()
        if path == "step/register/":
            # A script dressed as a PDF: refused by its content, said on the page.
            disguised = tmp_path / "disguised.pdf"
            disguised.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>')
            page.set_input_files("#id_printout", str(disguised))
            with page.expect_navigation():
                page.click(CONTINUE)
            assert (
                "The selected file must be a PDF"
                in page.locator(".govuk-error-summary").inner_text()
            )
            assert_accessible(page)
            page.set_input_files("#id_printout", str(printout))
        if path == "step/pupil/":
            # Year 5 is not the pupil's age group: a reason is asked for, then Year 6.
            for selector, value in typed.items():
                page.fill(selector, value)
            page.select_option("#id_year_group", "year_5")
            with page.expect_navigation():
                page.click(CONTINUE)
            assert (
                "so their age group is Year 6, not Year 5"
                in page.locator(".govuk-error-summary").inner_text()
            )
            assert page.locator("#id_year_group_reason").is_visible()
            assert_accessible(page)
            page.select_option("#id_year_group", "year_6")
        if path == "step/declaration/":
            shown = page.locator("main dl").inner_text()
            assert "Attendance lead" in shown and "Alderbrook Primary" in shown
        for selector, value in typed.items():
            page.fill(selector, value)
        for selector in clicks:
            page.check(selector)
        page.click(CONTINUE)
    assert page.url == portal + START + "check-your-answers/"
    assert "H801200001001" in page.locator("main").inner_text()
    assert_accessible(page)
    page.click("text=Accept and send referral")
    assert page.url == portal + START + "confirmation/"
    reference = page.locator(".govuk-panel__body strong").inner_text()
    submission = Submission.objects.get(reference=reference)
    assert submission.flagged and submission.school.urn == "190001"
    assert_accessible(page)

    page.goto(portal + "/portal/")
    assert reference in page.locator("main").inner_text()
    assert_accessible(page)
    page.click(f"text={reference}")
    assert "Kai" in page.locator("main").inner_text()
    assert_accessible(page)

    assert officer_finds(page, portal, "attendance.officer@demo.wyvernshire.example", reference)


def test_a_governor_is_told_who_can_refer(page, portal, assert_accessible):
    sign_in_to_portal(page, portal, "governor@demo.wyvernshire.example")
    response = page.goto(portal + START + "step/school/")
    assert response.status == 403
    assert "Only school staff can use this form" in page.locator("h1").inner_text()
    assert_accessible(page)
