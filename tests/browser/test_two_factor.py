"""Two-factor sign-in pages, with axe, including their error states."""

import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.conftest import shows_errors

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

USER = "attendance.lead@demo.wyvernshire.example"


def code_now(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


def sign_in(page, portal):
    page.goto(portal + "/portal/sign-in/")
    page.fill("#id_username", USER)
    page.fill("#id_password", "attendance-demo-2026")
    with page.expect_navigation():
        page.click("#id_submit")


def test_a_school_user_turns_on_two_factor_sign_in(page, portal, assert_accessible):
    sign_in(page, portal)
    page.goto(portal + "/portal/two-factor/")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Turn on two-factor sign-in").click()
    assert page.locator("svg[role=img]").count() == 1  # the QR code
    assert_accessible(page)
    page.fill("#id_code", "000000")
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    shows_errors(page)
    assert_accessible(page)
    device = TOTPDevice.objects.get(user__email=USER)
    time.sleep(1.1)  # django-otp waits a second after a wrong code
    page.fill("#id_code", code_now(device))
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    assert "Your recovery codes" in page.locator("h1").inner_text()
    assert page.locator(".app-recovery-codes li").count() == 10
    assert_accessible(page)

    other = page.context.browser.new_context().new_page()
    sign_in(other, portal)
    assert "/portal/two-factor/verify/" in other.url
    assert_accessible(other)
    other.fill("#id_code", "12345678")
    with other.expect_navigation():
        other.get_by_role("button", name="Continue").click()
    shows_errors(other)
    assert_accessible(other)
    other.context.close()
