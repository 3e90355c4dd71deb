"""The page for input no page can use (portal/unusable_input.py): a search holding a NUL
character, in English and in Urdu (right to left, screenshots in /tmp/rtl-unusable-*.png
for a person to look at), passes axe and says what to do."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_search_with_a_nul_is_a_clear_page_in_english_and_urdu(page, portal, assert_accessible):
    response = page.goto(portal + "/search/?q=attendance%00")
    assert response.status == 400
    main = page.locator("main").inner_text()
    assert "Sorry, there is a problem with your request" in main
    assert "a character that cannot be used" in main
    assert_accessible(page)

    response = page.goto(portal + "/ur/search/?q=attendance%00")
    assert response.status == 400
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "ایک ایسا حرف ہے جو استعمال نہیں ہو سکتا" in page.locator("main").inner_text()
    assert_accessible(page)
    for label, width in {"desktop": 1280, "320": 320}.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"/tmp/rtl-unusable-{label}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
