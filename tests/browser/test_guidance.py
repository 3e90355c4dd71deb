"""The strategy and guidance pages pass axe (WCAG 2.2 A and AA) in a real browser, with
their interactive parts in use: filters applied, accordions open."""

import pytest

# Each test starts from the migrated database (groups, locales, the root page) and seeds it.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_strategy_page_with_the_action_plan_filtered(page, portal, assert_accessible):
    page.goto(portal + "/strategy/")
    assert page.locator("h1").inner_text() == "Attendance strategy"
    chart = page.locator("svg.app-chart")
    assert chart.get_attribute("role") == "img"
    assert page.locator(".app-absence-table tbody tr").count() == 4
    assert_accessible(page)

    page.select_option("#action-priority", "3")
    page.select_option("#action-status", "at_risk")
    page.click("text=Apply filters")
    page.wait_for_url("**/strategy/?priority=3&status=at_risk#action-plan")
    rows = page.locator(".app-action-plan tbody tr")
    assert rows.count() == 1
    assert "Systems and data" in rows.first.inner_text()
    assert rows.first.locator(".govuk-tag--red").inner_text() == "At risk"
    assert_accessible(page)


def test_guidance_page_with_every_block_and_its_accordion_open(page, portal, assert_accessible):
    page.goto(portal + "/guidance/reduced-timetables/")
    main = page.locator("main")
    for selector in (
        ".govuk-inset-text",
        ".govuk-warning-text",
        ".govuk-details",
        ".govuk-accordion",
        ".app-step-by-step",
        ".govuk-table",
        ".app-document",
        ".govuk-summary-card",
        ".app-related-pages",
        ".app-related",
    ):
        assert main.locator(selector).count() >= 1, selector
    assert_accessible(page)

    page.click(".govuk-accordion__show-all")
    page.click(".govuk-details__summary")
    assert page.locator(".govuk-accordion__section--expanded").count() == 2
    assert page.locator(".govuk-details").get_attribute("open") is not None
    assert_accessible(page)


def test_guidance_index_with_filters_applied(page, portal, assert_accessible):
    page.goto(portal + "/guidance/")
    assert page.locator(".app-guidance-list__item").count() >= 10
    page.check("#audience-schools")
    page.check("#topic-safeguarding")
    page.click("text=Apply filters")
    page.wait_for_url("**/guidance/?audience=schools&topic=safeguarding")
    titles = page.locator(".app-guidance-list__title").all_inner_texts()
    assert "Reduced timetables" in titles and "Educating your child at home" not in titles
    assert page.is_checked("#audience-schools") and page.is_checked("#topic-safeguarding")
    assert_accessible(page)


def test_urdu_guidance_page_is_right_to_left(page, portal, assert_accessible):
    page.goto(portal + "/ur/guidance/attendance-for-parents/")
    assert page.locator("html").get_attribute("lang") == "ur"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "اسکول میں حاضری: والدین کو کیا جاننا چاہیے"
    # Related guidance is in Urdu too, linked at its Urdu address, none marked as English.
    related = page.locator(".app-related li a")
    assert related.count() >= 1
    assert all(
        href.startswith("/ur/")
        for href in related.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    )
    assert page.locator('.app-related li[lang="en"]').count() == 0
    assert_accessible(page)
