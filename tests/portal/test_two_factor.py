"""Two-factor sign-in: staff cannot reach the admin or the partner pages without a second
factor; school users may turn it on; recovery codes work once; locked accounts stay
locked until they cool off or an officer unlocks them; idle staff are signed out."""

import time

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.factories import UserFactory
from portal.security import LAST_SEEN
from tests.clients import recovery_code
from tests.conftest import PASSWORD

SIGN_IN = "/portal/sign-in/"
VERIFY = reverse("portal:two-factor-verify")
SET_UP = reverse("portal:two-factor-set-up")


def code_for(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset * device.step
    return f"{totp.token():0{device.digits}d}"


def password_sign_in(client, user):
    response = client.post(SIGN_IN, {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return response


@pytest.fixture
def editor(db):
    return UserFactory(email="editor@council.example", is_staff=True, groups=["Editors"])


def test_staff_without_a_second_factor_cannot_reach_the_admin(client, home, editor):
    password_sign_in(client, editor)
    for path in ("/admin/", "/admin/pages/", "/portal/", "/cy/portal/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert "/portal/two-factor/set-up/?next=" in response["Location"], path
    assert "/two-factor/set-up/" in client.get("/forms/permit/ABC/")["Location"]


NO_THROTTLE = override_settings(OTP_TOTP_THROTTLE_FACTOR=0, OTP_STATIC_THROTTLE_FACTOR=0)


@NO_THROTTLE
def test_staff_set_up_an_app_get_recovery_codes_once_and_reach_the_admin(client, home, editor):
    password_sign_in(client, editor)
    page = client.get(SET_UP + "?next=/admin/").content.decode()
    assert 'role="img"' in page and "<svg" in page  # the QR code
    device = TOTPDevice.objects.get(user=editor, confirmed=False)

    wrong = client.post(SET_UP, {"code": "000000", "next": "/admin/"})
    assert "<title>Error:" in wrong.content.decode()
    assert "The code is not right" in wrong.content.decode()

    response = client.post(SET_UP, {"code": code_for(device), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:two-factor-recovery-codes"))
    codes_page = client.get(response["Location"]).content.decode()
    codes = list(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(codes) == 10 and all(code in codes_page for code in codes)
    assert not any(code in client.get(response["Location"]).content.decode() for code in codes)
    assert client.get("/admin/").status_code == 200


@NO_THROTTLE
def test_the_next_sign_in_asks_for_a_code_and_a_recovery_code_works_once(client, home, editor):
    code = recovery_code(editor)
    password_sign_in(client, editor)
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    bad = client.post(VERIFY, {"code": "12345678", "next": "/admin/"})
    assert "The code is not right" in bad.content.decode()
    assert client.get("/admin/").status_code == 302
    assert client.post(VERIFY, {"code": code, "next": "/admin/"})["Location"] == "/admin/"
    # The partner pages show what the verify page said (base.html shows messages).
    assert "You used a recovery code. You have 0 left." in client.get("/portal/").text
    assert client.get("/admin/").status_code == 200

    client.post(reverse("portal:sign-out"))
    password_sign_in(client, editor)
    again = client.post(VERIFY, {"code": code, "next": "/admin/"})
    assert again.status_code == 200 and "The code is not right" in again.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_code_from_the_app_verifies_and_next_must_be_on_this_site(client, home, editor):
    recovery_code(editor)
    device = TOTPDevice.objects.get(user=editor)
    password_sign_in(client, editor)
    response = client.post(VERIFY, {"code": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("portal:dashboard")
    assert client.get("/admin/").status_code == 200


def test_staff_cannot_turn_two_factor_off(client, home, editor):
    client.force_login(editor)  # with a second factor (tests/clients.py)
    client.post(reverse("portal:two-factor-off"))
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_school_users_may_turn_it_on_and_then_must_give_it(client, home, school_user):
    password_sign_in(client, school_user)
    assert client.get("/portal/").status_code == 200  # optional for school users
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=school_user)
    client.post(SET_UP, {"code": code_for(device)})
    client.post(reverse("portal:sign-out"))

    password_sign_in(client, school_user)
    assert client.get("/portal/")["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": code_for(device, offset=1)})
    assert client.get("/portal/").status_code == 200

    client.post(reverse("portal:two-factor-off"))
    assert not TOTPDevice.objects.filter(user=school_user).exists()


@override_settings(PORTAL_STAFF_IDLE_SECONDS=60)
def test_idle_staff_are_signed_out_but_school_users_are_not(client, home, editor, school_user):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[LAST_SEEN] = int(time.time()) - 61
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(SIGN_IN)
    assert "_auth_user_id" not in client.session

    client.force_login(school_user)
    session = client.session
    session[LAST_SEEN] = int(time.time()) - 6100
    session.save()
    assert client.get("/portal/").status_code == 200


@override_settings(AXES_FAILURE_LIMIT=3)
def test_a_locked_account_stays_locked_until_an_officer_unlocks_it(
    client, home, school_user, governor, attendance_officer
):
    from django.test import Client

    person = Client(HTTP_HOST="localhost")
    for _ in range(3):
        person.post(SIGN_IN, {"username": school_user.email, "password": "wrong"})
    for _ in range(2):
        locked = person.post(SIGN_IN, {"username": school_user.email, "password": PASSWORD})
        assert locked.status_code == 429

    client.force_login(governor)  # a school user or governor cannot unlock anyone
    assert client.get("/admin/portal/locked/").status_code in (302, 403)
    assert client.post("/admin/portal/locked/", {"username": school_user.email}).status_code in (
        302,
        403,
    )
    assert (
        person.post(SIGN_IN, {"username": school_user.email, "password": PASSWORD}).status_code
        == 429
    )

    client.force_login(attendance_officer)
    listing = client.get("/admin/portal/locked/").content.decode()
    assert school_user.email in listing
    done = client.post("/admin/portal/locked/", {"username": school_user.email}, follow=True)
    assert "can sign in again" in done.content.decode()
    assert school_user.email not in client.get("/admin/portal/locked/").content.decode()
    assert person.post(SIGN_IN, {"username": school_user.email, "password": PASSWORD})[
        "Location"
    ] == reverse("portal:dashboard")


def test_only_a_locked_account_can_be_unlocked(client, home, attendance_officer, school_user):
    client.force_login(attendance_officer)
    response = client.post("/admin/portal/locked/", {"username": school_user.email}, follow=True)
    assert "is not locked" in response.content.decode()


def test_wrong_codes_slow_down_guessing(client, home, editor):
    from django.utils import timezone

    recovery_code(editor)
    device = TOTPDevice.objects.get(user=editor)
    password_sign_in(client, editor)
    first = client.post(VERIFY, {"code": "000000"})
    assert "The code is not right" in first.content.decode()
    # Three wrong codes in a row: the app's device now waits 4 seconds before trying any.
    device.refresh_from_db()
    device.throttling_failure_count = 3
    device.throttling_failure_timestamp = timezone.now()
    device.save()
    too_soon = client.post(VERIFY, {"code": code_for(device)})
    assert "Too many wrong codes" in too_soon.content.decode()
    assert client.get("/admin/").status_code == 302


def test_the_demo_sign_ins_give_staff_codes_that_work(client, home, db):
    from portal.demo import seed_accounts, seed_schools, sign_in_lines

    seed_schools()
    seed_accounts()
    lines = "\n".join(sign_in_lines())
    editor_line = lines.split("editor@demo.wyvernshire.example")[1].split("\n  ")[1]
    codes = editor_line.split("second-factor codes:")[1].split()
    assert len(codes) == 3
    assert "second-factor codes" not in lines.split("governor@")[1].split("\n  ")[0]
    client.post(
        SIGN_IN, {"username": "editor@demo.wyvernshire.example", "password": "attendance-demo-2026"}
    )
    assert client.post(VERIFY, {"code": codes[0], "next": "/admin/"})["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
