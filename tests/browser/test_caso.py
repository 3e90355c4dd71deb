"""The CASO directory passes axe (WCAG 2.2 A and AA) in a real browser: the finder, its
error, no match and several matches, a school's list with a filter, one type's list a page
at a time (320 CSS px wide too), and the print view."""

import pytest

from tests.browser.conftest import shows_errors

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def find(page, portal, typed):
    page.goto(portal + "/community-support/")
    page.fill("#school-search", typed)
    page.get_by_role("button", name="Find school").click()
    page.wait_for_load_state()


def test_finder(page, portal, assert_accessible):
    page.goto(portal + "/community-support/")
    assert page.locator("h1").inner_text() == "Community support around each school"
    assert_accessible(page)


def test_finder_with_an_empty_search(page, portal, assert_accessible):
    find(page, portal, "")
    shows_errors(page)
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert_accessible(page)


def test_finder_with_no_match(page, portal, assert_accessible):
    find(page, portal, "Nowhere Academy")
    assert "No schools found" in page.locator("main").inner_text()
    assert page.input_value("#school-search") == "Nowhere Academy"
    assert_accessible(page)


def test_finder_with_several_matches(page, portal, assert_accessible):
    find(page, portal, "primary")
    assert "schools match your search" in page.locator("main h2").nth(1).inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Alderbrook Primary School").click()
    page.wait_for_url(portal + "/community-support/school/190001/")


def test_a_schools_list_and_its_filter(page, portal, assert_accessible):
    find(page, portal, "190 001")
    page.wait_for_url(portal + "/community-support/school/190001/")
    assert "Alderbrook Primary School" in page.locator("h1").inner_text()
    # Each type shows its first three contacts; a longer type links to its own list.
    assert 10 < page.locator(".govuk-summary-card").count() <= 3 * 12
    assert page.get_by_role("link", name="See all 22 contacts for Voluntary").is_visible()
    assert_accessible(page)
    page.check("#category-mental_health")
    page.get_by_role("button", name="Show these types").click()
    page.wait_for_url("**/school/190001/?category=mental_health")
    assert page.locator("main h2.govuk-heading-l").all_inner_texts() == ["Mental health (CAMHS)"]
    assert_accessible(page)


def test_one_types_list_a_page_at_a_time_on_a_narrow_screen(page, portal, assert_accessible):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(portal + "/community-support/school/190001/")
    page.get_by_role("link", name="See all 22 contacts for Voluntary").click()
    page.wait_for_url("**/school/190001/type/voluntary/")
    assert page.locator(".govuk-summary-card").count() == 20
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
    page.get_by_role("link", name="Next").click()
    page.wait_for_url("**/type/voluntary/?page=2")
    assert page.locator(".govuk-summary-card").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


def test_a_schools_print_view(page, portal, assert_accessible):
    page.goto(portal + "/community-support/school/190003/print/")
    assert "Castle Mead Academy" in page.locator("h1").inner_text()
    page.emulate_media(media="print")
    assert not page.locator(".govuk-footer").is_visible()
    assert_accessible(page)
