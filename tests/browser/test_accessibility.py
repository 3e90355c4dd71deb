"""Every page of the foundation passes axe (WCAG 2.2 A and AA) in a real browser."""

import pytest

from tests.browser.conftest import shows_errors, sign_in_to_portal

# Each test starts from the migrated database (groups, locales, the root page) and seeds it.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCHOOL_USER = "attendance.lead@demo.wyvernshire.example"


def test_home_page(page, portal, assert_accessible):
    page.goto(portal + "/")
    assert page.locator("h1").inner_text() == "School attendance"
    from home.models import HomePage

    tiles = HomePage.objects.get(locale__language_code="en").tiles
    assert len(tiles) >= 4  # every journey the demo has pages for, and signing in
    assert page.locator(".app-tile").count() == len(tiles)
    # GOV.UK Frontend's JavaScript started (the module script ran).
    assert "govuk-frontend-supported" in page.locator("body").get_attribute("class")
    assert_accessible(page)


def test_urdu_home_page_is_right_to_left(page, portal, assert_accessible):
    page.goto(portal + "/ur/")
    assert page.locator("html").get_attribute("lang") == "ur"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "اسکول میں حاضری"
    assert_accessible(page)


def test_sign_in_and_its_error_state(page, portal, assert_accessible):
    page.goto(portal + "/portal/sign-in/")
    assert_accessible(page)
    page.fill("#id_username", SCHOOL_USER)
    page.fill("#id_password", "not the password")
    page.click("#id_submit")
    shows_errors(page)
    summary = page.locator(".govuk-error-summary")
    assert "Enter a correct email address and password" in summary.inner_text()
    # GOV.UK Frontend moves focus to the summary so screen readers announce it.
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert page.input_value("#id_username") == SCHOOL_USER
    assert_accessible(page)


def test_dashboard_after_signing_in(page, portal, assert_accessible):
    sign_in_to_portal(page, portal, SCHOOL_USER)
    assert "Alderbrook Primary School" in page.locator("main").inner_text()
    assert_accessible(page)


def test_not_found_page(page, portal, assert_accessible):
    response = page.goto(portal + "/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert_accessible(page)


def test_a_standard_page_with_breadcrumbs_and_menu(page, portal, assert_accessible):
    page.goto(portal + "/guidance/")
    assert page.locator(".govuk-breadcrumbs").count() == 1
    assert page.locator('.govuk-service-navigation__link[aria-current="page"]').count() == 1
    assert_accessible(page)


def test_privacy_notice_from_the_footer(page, portal, assert_accessible):
    page.goto(portal + "/")
    page.locator(".govuk-footer").get_by_role("link", name="Privacy notice").click()
    assert page.locator("h1").inner_text() == "Privacy notice"
    assert page.locator("main h2[id]").count() >= 11  # each service, and the cookies
    assert (
        page.locator("#cookies + p + .app-table-scroll table code").first.inner_text()
        == "sessionid"
    )
    assert_accessible(page)


def test_the_axe_check_does_catch_violations(page):
    """The checker itself: a page with an unlabelled field and an image without alt text."""
    from tests.browser.conftest import axe_violations

    page.set_content('<html lang="en"><body><main><img src="x.png"><input></main></body></html>')
    found = " ".join(axe_violations(page))
    assert "image-alt" in found and "label" in found


def test_search_results(page, portal, assert_accessible):
    page.goto(portal + "/search/?q=training")
    assert page.locator(".app-search-result").count() >= 1
    assert_accessible(page)
    page.goto(portal + "/search/?q=zebra+crossings")
    assert "No pages match your search" in page.locator("main").inner_text()
    assert_accessible(page)


def test_forms_section_page_leads_to_each_form(page, portal, assert_accessible):
    page.goto(portal + "/forms/")
    links = page.locator("main .govuk-list a")
    # Home education, work permit, performance licence, chaperone, and schools'
    # referral and roll-change notice
    assert links.count() == 6
    assert "Refer a pupil to the attendance service" in page.locator("main").inner_text()
    assert "a pupil leaving or joining your roll" in page.locator("main").inner_text()
    assert_accessible(page)
    links.first.click()
    assert "Start now" in page.locator("main").inner_text()
