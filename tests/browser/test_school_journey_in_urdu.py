"""A school journey in Urdu, in a real browser: the demo attendance lead signs in under
/ur/, adds a pupil to Alderbrook's reduced-timetable return (first with mistakes) and
sends the return. Every page is in Urdu, right to left, and passes axe; buttons are
found by their Urdu names from the catalogue."""

import pytest
from django.utils import translation

from returns.models import SchoolReturn
from tests.browser.conftest import DEMO_PASSWORD
from tests.browser.test_returns import PERIOD, fill_the_rest_of_the_pupil

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def urdu(text):
    with translation.override("ur"):
        return translation.gettext(text)


def test_a_school_sends_its_return_in_urdu(page, portal, assert_accessible):
    def in_urdu():
        assert page.locator("html").get_attribute("lang") == "ur"
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert_accessible(page)

    page.goto(portal + "/ur/portal/sign-in/")
    in_urdu()
    page.fill("#id_username", "attendance.lead@demo.wyvernshire.example")
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("#id_submit")
    page.goto(portal + "/ur/portal/")
    in_urdu()
    panel = page.locator("main section").first
    assert urdu("Reduced-timetable returns") in panel.inner_text()
    with page.expect_navigation():
        panel.get_by_role("link", name=PERIOD).click()
    assert page.url.startswith(portal + "/ur/")
    in_urdu()
    return_url = page.url

    with page.expect_navigation():
        page.get_by_role("button", name=urdu("Add a pupil")).click()
    in_urdu()
    page.fill("#id_pupil", "K.L.")
    page.fill("#id_hours_per_week", "lots")
    with page.expect_navigation():
        page.get_by_role("button", name=urdu("Add pupil")).click()
    assert page.title().startswith(urdu("Error:"))
    summary = page.locator(".govuk-error-summary").inner_text()
    assert urdu("There is a problem") in summary and "Enter" not in summary
    assert page.input_value("#id_pupil") == "K.L."  # what was typed is kept
    in_urdu()
    fill_the_rest_of_the_pupil(page)
    with page.expect_navigation():
        page.get_by_role("button", name=urdu("Add pupil")).click()
    assert page.url == return_url
    assert "K.L." in page.locator("main").inner_text()
    in_urdu()

    with page.expect_navigation():
        page.get_by_role("button", name=urdu("Send the return")).click()
    in_urdu()
    sent = SchoolReturn.objects.get(school__name="Alderbrook Primary School", period__name=PERIOD)
    assert sent.submitted_at is not None
    assert sent.pupils.filter(pupil="K.L.").exists()
