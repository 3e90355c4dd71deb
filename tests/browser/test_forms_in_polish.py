"""The elective home education journey in Polish, in a real browser: from the start page to
the confirmation, switching to Welsh at one step and back with the language switcher; the
answers and the step are kept, and every page passes axe."""

import pytest

from forms_app.models import Submission
from tests.browser.conftest import officer_finds
from tests.browser.test_forms_ehe import STEPS, fill

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

START = "/forms/home-education/"
CONTINUE = "button[name=continue], button.govuk-button >> nth=0"


def in_language(page, code):
    return page.locator("html").get_attribute("lang") == code


def test_the_journey_in_polish_switching_to_welsh_and_back(page, portal, assert_accessible):
    page.goto(portal + "/pl" + START)
    assert in_language(page, "pl")
    assert_accessible(page)
    page.click(".govuk-button--start")
    for path, typed, clicks in STEPS:
        assert page.url == portal + "/pl" + START + path, page.url
        assert in_language(page, "pl")
        assert_accessible(page)
        if path == "step/address/":
            fill(page, typed, {})
            page.click(".govuk-language-navigation a[hreflang=cy]")
            assert page.url == portal + "/cy" + START + path  # the same step, in Welsh
            assert in_language(page, "cy")
            assert_accessible(page)
            page.click(".govuk-language-navigation a[hreflang=pl]")
            assert page.url == portal + "/pl" + START + path
            assert in_language(page, "pl")
            # What was typed and not yet sent is gone; what was sent is kept.
            page.goto(portal + "/pl" + START + "step/child/")
            assert page.input_value("#id_first_name") == "Amira"
            page.goto(portal + "/pl" + START + path)
        fill(page, typed, clicks)
        page.click(CONTINUE)
    assert page.url == portal + "/pl" + START + "check-your-answers/"
    assert in_language(page, "pl")
    assert "Amira" in page.locator("main").inner_text()
    assert_accessible(page)
    page.click("main form button[type=submit]")
    assert page.url == portal + "/pl" + START + "confirmation/"
    assert in_language(page, "pl")
    assert_accessible(page)
    reference = page.locator(".govuk-panel__body strong").inner_text()
    submission = Submission.objects.get(reference=reference)
    assert submission.language == "pl"
    assert officer_finds(page, portal, "ehe.officer@demo.wyvernshire.example", reference)
