"""The elective home education journey in a real browser: every step passes axe, with and
without errors, and a parent can save, follow the emailed link and finish."""

import re

import pytest
from django.core import mail

from forms_app.models import Submission
from tests.browser.conftest import officer_finds, shows_errors

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

START = "/forms/home-education/"

# (step path, what to type: {selector: value}, what to click)
STEPS = [
    (
        "step/child/",
        {
            "#id_first_name": "Amira",
            "#id_last_name": "Khan",
            "#id_date_of_birth_0": "14",
            "#id_date_of_birth_1": "3",
            "#id_date_of_birth_2": "2015",
        },
        [],
    ),
    (
        "step/address/",
        {"#id_line_1": "4 Mill Lane", "#id_town": "Wyvernton", "#id_postcode": "WY1 2AB"},
        [],
    ),
    (
        "step/parents/add/",
        {"#id_first_name": "Sara", "#id_last_name": "Khan", "#id_email": "sara@example.com"},
        ["#id_relationship_1", "#id_parental_responsibility_1"],
    ),
    ("step/parents/", {}, ["#id_add_another_1"]),
    ("step/school/", {"#id_school_name": "Alderbrook Primary School"}, ["#id_school_status_1"]),
    ("step/consent/", {}, ["#id_special_school_2", "#id_attendance_order_2"]),
    ("step/needs/", {}, ["#id_ehcp_2", "#id_sen_support_3"]),
    ("step/reasons/", {}, ["#id_reasons_1"]),
    (
        "step/contact/",
        {"#id_name": "Sara Khan", "#id_email": "sara@example.com"},
        ["#id_contact_by_1"],
    ),
]


def fill(page, typed, clicks):
    for selector, value in typed.items():
        page.fill(selector, value)
    for selector in clicks:
        page.check(selector)


def test_every_step_with_and_without_errors(page, portal, assert_accessible):
    page.goto(portal + START)
    assert_accessible(page)
    page.click("text=Start now")
    for path, typed, clicks in STEPS:
        assert page.url == portal + START + path, page.url
        assert_accessible(page)
        if path != "step/reasons/":  # every question there is optional
            page.click("button[name=continue], button.govuk-button >> nth=0")
            shows_errors(page, path)
            assert page.locator(".govuk-error-summary").is_visible()
            assert_accessible(page)
        fill(page, typed, clicks)
        page.click("button[name=continue], button.govuk-button >> nth=0")
    assert page.url == portal + START + "check-your-answers/"
    assert "Amira" in page.locator("main").inner_text()
    assert_accessible(page)
    page.click("text=Accept and send application")
    assert page.url == portal + START + "confirmation/"
    reference = page.locator(".govuk-panel__body strong").inner_text()
    assert Submission.objects.filter(reference=reference, journey="ehe_registration").exists()
    assert_accessible(page)

    assert officer_finds(page, portal, "ehe.officer@demo.wyvernshire.example", reference)


def test_save_follow_the_emailed_link_and_finish(page, portal, browser, assert_accessible):
    page.goto(portal + START + "step/child/")
    fill(page, *STEPS[0][1:])
    page.click("button[name=continue]")
    page.fill("#id_line_1", "4 Mill Lane")
    page.click("button[name=save]")
    assert page.url == portal + START + "save/"
    assert_accessible(page)
    page.click("text=Send me the link")  # no address yet: an error
    assert_accessible(page)
    page.fill("#id_email", "sara@example.com")
    page.click("text=Send me the link")
    assert "Your answers are saved" in page.locator("h1").inner_text()
    assert_accessible(page)
    link = re.search(r"https?://\S+/continue/\S+", mail.outbox[-1].body).group(0)

    other_device = browser.new_context().new_page()
    other_device.goto(link)
    assert other_device.url == portal + START + "step/address/"
    assert other_device.input_value("#id_line_1") == "4 Mill Lane"
    fill(other_device, *STEPS[1][1:])
    other_device.click("button[name=continue]")
    for _path, typed, clicks in STEPS[2:]:
        fill(other_device, typed, clicks)
        other_device.click("button[name=continue], button.govuk-button >> nth=0")
    other_device.click("text=Accept and send application")
    assert "Application sent" in other_device.locator("h1").inner_text()
    other_device.goto(link)  # the link stops working once the form is sent
    assert "This link has expired" in other_device.locator("h1").inner_text()
    assert_accessible(other_device)
