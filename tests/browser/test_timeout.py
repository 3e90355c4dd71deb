"""Time limits in a browser (WCAG 2.2.1): the warning before the idle sign-out, on the
portal's pages and in the Wagtail admin, and an officer's note kept across the sign-out.

The idle limit is short here (150 seconds, the warning 120 before). The browser's clock
is fast-forwarded (page.clock) rather than waited for, and the server's idea of the last
request is moved back in the session itself, so nothing sleeps."""

import time
from importlib import import_module

import pytest
from django.conf import settings as django_settings

from forms_app.models import Submission, SubmissionEvent
from portal.models import User
from portal.security import LAST_SEEN
from tests.browser.conftest import sign_in_to_admin
from tests.clients import recovery_code

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EHE_OFFICER = "ehe.officer@demo.wyvernshire.example"
IDLE = 150
NOTE = "Spoke to the parent: the education plan is on its way."


@pytest.fixture(autouse=True)
def short_idle_limit(settings):
    settings.PORTAL_STAFF_IDLE_SECONDS = IDLE
    settings.PORTAL_STAFF_IDLE_WARNING_SECONDS = 120
    return settings


def session_of(page):
    key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    return import_module(django_settings.SESSION_ENGINE).SessionStore(session_key=key)


def idle_for(page, seconds):
    """As if the browser's last request had been `seconds` ago."""
    session = session_of(page)
    session[LAST_SEEN] = int(time.time()) - seconds
    session.save()
    return session[LAST_SEEN]


def inspect_url(portal, submission):
    return f"{portal}/admin/forms_app_submission/inspect/{submission.pk}/"


def an_ehe_record():
    return Submission.objects.filter(journey="ehe_registration").exclude(status="first_contact")[0]


def warning_shows(page):
    """Past the moment the page would warn: it asks the server, which says 90 seconds."""
    idle_for(page, IDLE - 90)
    page.clock.fast_forward(31_000)
    page.wait_for_selector("dialog.app-idle-warning__dialog[open]")
    return page.locator("dialog.app-idle-warning__dialog")


def focus_is_in_the_dialog(page):
    return page.evaluate("() => document.activeElement.closest('dialog[open]') !== null")


def sign_in_again(page, email):
    code = recovery_code(User.objects.get(email=email))
    assert "/portal/sign-in/" in page.url, page.url
    page.fill("#id_username", email)
    page.fill("#id_password", "attendance-demo-2026")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    page.fill("#id_code", code)
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()


def test_the_warning_on_a_portal_page_and_in_the_admin(page, portal, assert_accessible):
    sign_in_to_admin(page, portal, EHE_OFFICER)
    page.clock.install()

    # The portal's own page (GOV.UK): the dialog, with focus in it and axe content.
    page.goto(portal + "/portal/")
    dialog = warning_shows(page)
    assert dialog.locator("h2").inner_text() == "You’re about to be signed out"
    assert dialog.locator("[data-idle-countdown]").inner_text() == (
        "You will be signed out in 2 minutes."
    )
    assert focus_is_in_the_dialog(page)
    page.wait_for_function(
        "() => document.querySelector('[data-idle-announce]').textContent.includes('2 minutes')"
    )
    assert_accessible(page)
    idled = session_of(page)[LAST_SEEN]
    dialog.get_by_role("button", name="Stay signed in").click()
    page.wait_for_selector("dialog.app-idle-warning__dialog:not([open])", state="attached")
    assert session_of(page)[LAST_SEEN] >= idled + 60  # the server counted it as activity

    # In the admin, on a record: focus goes back where it was; Escape stays signed in too.
    page.goto(inspect_url(portal, an_ehe_record()))
    page.focus("#id_note")
    dialog = warning_shows(page)
    assert focus_is_in_the_dialog(page)
    assert_accessible(page)
    idled = session_of(page)[LAST_SEEN]
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.activeElement.id === 'id_note'")
    page.wait_for_function("() => !document.querySelector('dialog.app-idle-warning__dialog').open")
    for _ in range(50):  # the keep-alive is on its way
        if session_of(page)[LAST_SEEN] >= idled + 60:
            break
        page.wait_for_timeout(100)
    assert session_of(page)[LAST_SEEN] >= idled + 60


def test_work_in_another_tab_puts_the_warning_off(page, portal):
    sign_in_to_admin(page, portal, EHE_OFFICER)
    page.clock.install()
    page.goto(portal + "/portal/")
    idle_for(page, IDLE - 90)
    other_tab = page.context.new_page()
    other_tab.goto(portal + "/admin/forms_app_submission/")  # work goes on there
    page.clock.fast_forward(31_000)  # when this tab would warn, it asks first
    page.wait_for_timeout(1000)
    assert not page.locator("dialog.app-idle-warning__dialog").evaluate("d => d.open")
    other_tab.close()
    warning_shows(page)  # and once nothing has happened anywhere for a while, it warns


def test_a_note_sent_after_the_sign_out_is_kept_and_saved_once(
    page, portal, assert_accessible, settings
):
    settings.PORTAL_STAFF_IDLE_WARNING_SECONDS = 10  # no warning while this test types
    record = an_ehe_record()
    sign_in_to_admin(page, portal, EHE_OFFICER)
    page.goto(inspect_url(portal, record))
    page.select_option("#id_status", value="first_contact")
    page.fill("#id_note", NOTE)

    idle_for(page, IDLE + 60)  # the officer went to a meeting
    with page.expect_navigation():
        page.get_by_role("button", name="Save status").click()
    assert "What you typed is kept" in page.locator("main").inner_text()
    assert_accessible(page)
    assert not SubmissionEvent.objects.filter(submission=record, note=NOTE).exists()

    sign_in_again(page, EHE_OFFICER)
    assert page.url.endswith("/portal/unsaved-changes/"), page.url
    main = page.locator("main").inner_text()
    assert "You were signed out before your changes were saved" in main and NOTE in main
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Send my changes").click()
    assert page.url == inspect_url(portal, record)
    page.wait_for_selector(".messages")
    assert "Status changed to First contact" in page.locator("main").inner_text()
    assert SubmissionEvent.objects.filter(submission=record, note=NOTE).count() == 1
    record.refresh_from_db()
    assert record.status == "first_contact"

    # Nothing is offered again: saving it saved it once.
    page.goto(portal + "/portal/unsaved-changes/")
    assert page.url.endswith("/portal/")
    assert SubmissionEvent.objects.filter(submission=record, note=NOTE).count() == 1


def test_when_the_time_is_up_what_was_typed_goes_with_the_sign_out(page, portal):
    record = an_ehe_record()
    sign_in_to_admin(page, portal, EHE_OFFICER)
    page.clock.install()
    page.goto(inspect_url(portal, record))
    page.fill("#id_note", NOTE)

    idle_for(page, IDLE + 10)
    with page.expect_navigation():
        page.clock.fast_forward(IDLE * 1000)
    page.wait_for_url("**/portal/sign-in/**")
    assert "What you typed is kept" in page.locator("main").inner_text()

    sign_in_again(page, EHE_OFFICER)
    assert page.url.endswith("/portal/unsaved-changes/"), page.url
    assert NOTE in page.locator("main").inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name="Discard my changes").click()
    assert page.url == inspect_url(portal, record)
    assert not SubmissionEvent.objects.filter(submission=record, note=NOTE).exists()
