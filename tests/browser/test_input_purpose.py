"""Input purpose, redundant entry and error links in a real browser: the applicant's own
fields carry autocomplete tokens and the child's none (WCAG 1.3.5); the contact step
shows the parent given earlier, filled in (3.3.7); an error summary link for a date puts
the focus in its day input; axe finds nothing, with errors or without."""

import pytest

from tests.browser.conftest import shows_errors
from tests.browser.test_forms_ehe import STEPS, fill

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHAPERONE = "/forms/chaperone-approval/"
EHE = "/forms/home-education/"


def token(page, selector):
    return page.locator(selector).get_attribute("autocomplete")


def test_the_applicants_own_details_say_what_they_are(page, portal, assert_accessible):
    page.goto(portal + CHAPERONE + "step/applicant/")
    assert token(page, "#id_first_name") == "given-name"
    assert token(page, "#id_last_name") == "family-name"
    assert [token(page, f"#id_date_of_birth_{part}") for part in range(3)] == [
        "bday-day",
        "bday-month",
        "bday-year",
    ]
    assert_accessible(page)


def test_a_date_error_link_moves_focus_to_the_day(page, portal, assert_accessible):
    page.goto(portal + CHAPERONE + "step/applicant/")
    page.fill("#id_first_name", "Grace")
    page.fill("#id_last_name", "Hughes")
    page.fill("#id_date_of_birth_0", "31")
    page.fill("#id_date_of_birth_1", "2")
    page.fill("#id_date_of_birth_2", "1980")
    page.click("button[name=continue]")
    shows_errors(page)
    link = page.locator(".govuk-error-summary a", has_text="must be a real date")
    assert link.get_attribute("href") == "#id_date_of_birth_0"
    assert_accessible(page)
    link.click()
    page.wait_for_function("document.activeElement.id === 'id_date_of_birth_0'")
    assert page.evaluate("document.activeElement.name") == "date_of_birth_0"
    assert_accessible(page)


def test_the_contact_step_offers_the_parent_and_the_child_has_no_tokens(
    page, portal, assert_accessible
):
    page.goto(portal + EHE + "step/child/")
    for field in ("#id_first_name", "#id_last_name", "#id_date_of_birth_0"):
        assert token(page, field) is None, field  # the child's, not the applicant's
    for _path, typed, clicks in STEPS[:-1]:
        fill(page, typed, clicks)
        page.click("button[name=continue], button.govuk-button >> nth=0")
    assert page.url == portal + EHE + "step/contact/"
    assert page.input_value("#id_name") == "Sara Khan"
    assert page.input_value("#id_email") == "sara@example.com"
    assert token(page, "#id_name") == "name"
    assert token(page, "#id_email") == "email"
    assert token(page, "#id_phone") == "tel"
    assert_accessible(page)
    page.check("#id_contact_by_1")
    page.click("button[name=continue]")
    assert page.url == portal + EHE + "check-your-answers/"
    assert "sara@example.com" in page.locator("main").inner_text()
