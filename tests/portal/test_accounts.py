import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from portal.models import Membership, User
from tests.conftest import PASSWORD

SIGN_IN = "/portal/sign-in/"


def sign_in(client, email, password):
    return client.post(SIGN_IN, {"username": email, "password": password})


def link_in(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_sign_in_and_reach_the_dashboard(client, home, school_user, school, other_school):
    response = sign_in(client, "LEAD@alderbrook.example ", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:dashboard")
    page = client.get(reverse("portal:dashboard")).content.decode()
    assert "Alderbrook Primary" in page
    assert "Beechfield Primary" not in page
    assert "Sign out" in page


def test_dashboard_needs_sign_in(client, home):
    response = client.get("/portal/")
    assert response.status_code == 302
    assert response["Location"].startswith(SIGN_IN)


@pytest.mark.parametrize("email", ["lead@alderbrook.example", "nobody@alderbrook.example"])
def test_wrong_password_gives_one_message_whether_or_not_the_account_exists(
    client, home, school_user, email
):
    response = sign_in(client, email, "not the password")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Sign in" in page
    assert "govuk-error-summary" in page
    assert "Enter a correct email address and password" in page
    assert 'value="' + email + '"' in page  # what was typed is kept


def test_empty_form_says_what_to_enter(client, home):
    page = sign_in(client, "", "").content.decode()
    assert "Enter your email address" in page
    assert "Enter your password" in page


@override_settings(AXES_FAILURE_LIMIT=3)
def test_repeated_failures_lock_the_account_even_with_the_right_password(client, home, school_user):
    for _ in range(3):
        sign_in(client, school_user.email, "wrong")
    response = sign_in(client, school_user.email, PASSWORD)
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_out_is_a_post(client, home, school_user):
    client.force_login(school_user)
    response = client.post(reverse("portal:sign-out"))
    assert response.status_code == 302
    assert client.get("/portal/").status_code == 302


def test_password_reset_link_works_once(
    client, home, school_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/portal/password-reset/", {"email": school_user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = link_in(mail.outbox[0])
    form_url = client.get(link)["Location"]  # Django swaps the token for a session value
    new_password = "a brand new long password"
    response = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    school_user.refresh_from_db()
    assert school_user.check_password(new_password)
    again = client.get(link, follow=True).content.decode()
    assert "This link has expired or has been used" in again


def test_password_reset_for_unknown_email_sends_nothing_and_says_the_same(
    client, home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/portal/password-reset/", {"email": "stranger@nowhere.example"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_officer_invites_a_school_user_who_sets_a_password_once(
    client, home, attendance_officer, school, django_capture_on_commit_callbacks
):
    client.force_login(attendance_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("portal_invite"),
            {
                "first_name": "Ruth",
                "last_name": "Adams",
                "email": "Ruth@Alderbrook.example",
                "school": school.pk,
                "role": Membership.Role.DSL,
            },
        )
    assert response.status_code == 302
    invited = User.objects.get(email="ruth@alderbrook.example")
    assert not invited.has_usable_password()
    assert invited.memberships.get().role == Membership.Role.DSL
    assert len(mail.outbox) == 1 and "Alderbrook Primary" in mail.outbox[0].body
    link = link_in(mail.outbox[0])

    client.logout()
    form_url = client.get(link)["Location"]
    password = "ruths own long password"
    response = client.post(form_url, {"new_password1": password, "new_password2": password})
    assert response.status_code == 302
    assert sign_in(client, "ruth@alderbrook.example", password).status_code == 302
    client.logout()
    assert (
        "This link has expired or has been used" in client.get(link, follow=True).content.decode()
    )


def test_invitation_link_is_not_a_password_reset_link(client, home, school_user):
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from portal.tokens import invite_tokens

    uid = urlsafe_base64_encode(force_bytes(school_user.pk))
    token = invite_tokens.make_token(school_user)
    response = client.get(f"/portal/password-reset/{uid}/{token}/", follow=True)
    assert "This link has expired or has been used" in response.content.decode()


@override_settings(PORTAL_INVITE_TIMEOUT=-1)
def test_expired_invitation_shows_a_clear_page(client, home, school_user):
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from portal.tokens import invite_tokens

    uid = urlsafe_base64_encode(force_bytes(school_user.pk))
    page = client.get(
        f"/portal/invitation/{uid}/{invite_tokens.make_token(school_user)}/", follow=True
    )
    assert "Ask the attendance service to invite you again" in page.content.decode()


def test_only_officers_who_may_invite_reach_the_invite_page(client, home, school_user):
    from portal.factories import UserFactory

    # Wagtail turns a refusal inside the admin into a redirect with a message.
    editor = UserFactory(email="editor@council.example", is_staff=True, groups=["Editors"])
    client.force_login(editor)
    response = client.get(reverse("portal_invite"))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    response = client.post(reverse("portal_invite"), {"email": "x@y.example"})
    assert response.status_code == 302 and not User.objects.filter(email="x@y.example").exists()
    client.force_login(school_user)
    response = client.get(reverse("portal_invite"))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_invite_refuses_an_existing_account(client, home, attendance_officer, school, school_user):
    client.force_login(attendance_officer)
    response = client.post(
        reverse("portal_invite"),
        {
            "first_name": "A",
            "last_name": "B",
            "email": school_user.email,
            "school": school.pk,
            "role": Membership.Role.DSL,
        },
    )
    assert response.status_code == 200
    assert "already has an account" in response.content.decode()
