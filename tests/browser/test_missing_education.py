"""Children missing education in a browser: the pupil tracking officer's queue, a case's
page, the enquiry form refused and then put right, and the school's panel and case page.
axe finds nothing on any of them, at full width and 320 CSS px wide."""

import pytest

from missing_education.models import Case
from tests.browser.conftest import shows_errors, sign_in_to_admin, sign_in_to_portal

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OFFICER = "pupil.tracking@demo.wyvernshire.example"
SCHOOL = "attendance.lead@demo.wyvernshire.example"  # Alderbrook Primary
WIDE, NARROW = {"width": 1280, "height": 900}, {"width": 320, "height": 800}


def both_widths(page, check):
    for size in (WIDE, NARROW):
        page.set_viewport_size(size)
        check(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    page.set_viewport_size(WIDE)


def test_the_queue_a_case_and_an_enquiry(page, portal, assert_accessible):
    case = Case.objects.get(notice_reference="ROLL-DEMO-0002")  # Tia Marsh, overdue
    sign_in_to_admin(page, portal, OFFICER)
    page.goto(portal + "/admin/missing_education/")
    main = page.locator("main")
    text = main.inner_text()
    assert "Tia Marsh" in text and "OVERDUE" in text.upper()  # a tag: shown in capitals
    both_widths(page, assert_accessible)

    with page.expect_navigation():
        page.get_by_role("link", name="Tia Marsh").click()
    assert case.reference in main.inner_text()
    assert "Older sibling known to children's social care." in main.inner_text()
    both_widths(page, assert_accessible)

    with page.expect_navigation():
        page.get_by_role("link", name="Record an enquiry").click()
    page.fill("#id_contact", "Northshire County Council CME officer")
    page.get_by_role("button", name="Save the enquiry").click()
    shows_errors(page)
    assert "Select who was asked" in main.inner_text()
    assert page.input_value("#id_contact") == "Northshire County Council CME officer"
    both_widths(page, assert_accessible)

    page.check("#id_checks_2")  # neighbouring councils
    page.fill("#id_outcome", "Not known in Northshire.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the enquiry").click()
    assert "Not known in Northshire." in main.inner_text()
    assert case.enquiries.count() == 3


def test_the_schools_panel_and_case_page(page, portal, assert_accessible):
    sign_in_to_portal(page, portal, SCHOOL)
    main = page.locator("main")
    text = main.inner_text()
    assert "Children missing education" in text and "Tia Marsh" in text
    assert "Amir Haddad" not in text  # Hollins Lane's case
    both_widths(page, assert_accessible)

    with page.expect_navigation():
        page.get_by_role("link", name="Tia Marsh").click()
    text = main.inner_text()
    assert "Health: GP, Children's social care" in text
    assert "Northgate Health Centre" not in text  # what the agencies said stays the council's
    both_widths(page, assert_accessible)


def sent_empty(page, button):
    """The form sent as it first stands (or emptied), back with its errors."""
    page.get_by_role("button", name=button).click()
    shows_errors(page)


def test_each_form_that_moves_a_case_on(page, portal, assert_accessible):
    """The next step, the officer, the agreed removal and the outcome: each form as first
    shown and, where it can be wrong, with its errors; axe at both widths."""
    case = Case.objects.get(notice_reference="ROLL-DEMO-0002")  # Tia Marsh, absent 60 days
    sign_in_to_admin(page, portal, OFFICER)
    base = f"{portal}/admin/missing_education/{case.pk}/"
    main = page.locator("main")

    page.goto(base + "next-step/")
    both_widths(page, assert_accessible)
    page.fill("#id_next_step", "Ask the GP whether the family re-registered elsewhere")
    page.fill("#id_next_step_due", "")
    sent_empty(page, "Save the changes")
    assert "Enter the date the next step is due" in main.inner_text()
    both_widths(page, assert_accessible)

    page.goto(base + "assign/")  # a choice among officers or nobody: nothing to get wrong
    both_widths(page, assert_accessible)

    page.goto(base + "removal/")
    both_widths(page, assert_accessible)
    page.fill("#id_agreed_on", "")
    sent_empty(page, "Save")
    assert "Enter the date removal was agreed" in main.inner_text()
    both_widths(page, assert_accessible)

    page.goto(base + "outcome/")
    both_widths(page, assert_accessible)
    sent_empty(page, "Save the outcome")
    assert "Select the outcome" in main.inner_text()
    both_widths(page, assert_accessible)
    page.check("input[name=outcome][value=moved_away]")
    sent_empty(page, "Save the outcome")  # the receiving council and the day it was told
    both_widths(page, assert_accessible)


def test_any_officer_refers_a_child(page, portal, assert_accessible):
    sign_in_to_admin(page, portal, OFFICER)
    page.goto(portal + "/admin/missing_education/refer/")
    both_widths(page, assert_accessible)
    page.fill("#id_first_name", "Ola")
    sent_empty(page, "Send the referral")
    text = page.locator("main").inner_text()
    assert "Enter the child's last name" in text and "Say why you think" in text
    assert page.input_value("#id_first_name") == "Ola"
    both_widths(page, assert_accessible)
    page.fill("#id_last_name", "Nowak")
    page.fill("#id_reason", "Seen in the town on school days; no school has her on roll.")
    with page.expect_navigation():
        page.get_by_role("button", name="Send the referral").click()
    assert "Referral received" in page.locator("main").inner_text()
    both_widths(page, assert_accessible)
    assert Case.objects.filter(first_name="Ola", last_name="Nowak").count() == 1
