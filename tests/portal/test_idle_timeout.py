"""Time limits (WCAG 2.2.1): the idle warning's addresses, and what staff typed kept across
the idle sign-out for the same person only (portal/idle.py, portal/kept_input.py)."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from forms_app.factories import SubmissionFactory
from forms_app.models import SubmissionEvent
from portal import kept_input
from portal.factories import UserFactory
from portal.security import LAST_SEEN
from tests.clients import recovery_code
from tests.conftest import PASSWORD

IDLE = 600
STATUS = reverse("portal:session-status")
KEEP_ALIVE = reverse("portal:session-keep-alive")
END = reverse("portal:session-end")
UNSAVED = reverse("portal:unsaved-changes")
SIGN_IN = reverse("portal:sign-in")

pytestmark = pytest.mark.usefixtures("short_idle_limit")


@pytest.fixture
def short_idle_limit():
    with override_settings(PORTAL_STAFF_IDLE_SECONDS=IDLE, PORTAL_STAFF_IDLE_WARNING_SECONDS=120):
        yield


@pytest.fixture
def submission(db):
    return SubmissionFactory(submitter_name="Sara Khan")


def inspect(submission):
    return reverse("forms_app_submission:inspect", args=[submission.pk])


def status_url(submission):
    return reverse("forms_app_submission:status", args=[submission.pk])


def idle_for(client, seconds):
    """As if the last request had been `seconds` ago."""
    session = client.session
    session[LAST_SEEN] = int(time.time()) - seconds
    session.save()


def last_seen(client):
    return client.session.get(LAST_SEEN)


def sign_in_again(client, user, url=SIGN_IN):
    """The sign-in page (`url`: the one the sign-out sent them to) and the second factor,
    as a person gives them; returns where the verify page sends them."""
    code = recovery_code(user)  # their app is set up before they sign in
    response = client.post(url, {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    verify = client.get(response["Location"])
    assert verify.status_code == 302 and "two-factor/verify" in verify["Location"], verify
    done = client.post(verify["Location"], {"code": code})
    assert done.status_code == 302, done.content.decode()[:500]
    return done["Location"]


def note_sent_after_the_limit(client, officer, submission, **extra):
    client.force_login(officer)
    assert client.get(inspect(submission)).status_code == 200
    idle_for(client, IDLE + 1)
    return client.post(
        status_url(submission),
        {"status": "first_contact", "note": "Spoke to the parent on the phone.", **extra},
        HTTP_REFERER="http://localhost" + inspect(submission),
    )


# --- how long is left ------------------------------------------------------------------


def test_asking_how_long_is_left_is_not_activity(client, home, ehe_officer):
    client.force_login(ehe_officer)
    idle_for(client, 100)
    before = last_seen(client)
    state = client.get(STATUS).json()
    assert state["signed_in"] and IDLE - 102 <= state["remaining"] <= IDLE - 100
    assert last_seen(client) == before

    idle_for(client, IDLE + 50)  # past the limit: it says so, and signs no one out itself
    state = client.get(STATUS).json()
    assert (state["signed_in"], state["remaining"]) == (True, 0)
    assert "_auth_user_id" in client.session


def test_staying_signed_in_is_activity_but_not_after_the_limit(client, home, ehe_officer):
    client.force_login(ehe_officer)
    idle_for(client, 100)
    state = client.post(KEEP_ALIVE).json()
    assert state == {"signed_in": True, "remaining": IDLE}
    assert last_seen(client) >= int(time.time()) - 1

    idle_for(client, IDLE + 5)
    expired = last_seen(client)
    assert client.post(KEEP_ALIVE).json()["remaining"] == 0
    assert last_seen(client) == expired
    assert client.get(KEEP_ALIVE).status_code == 405  # a form only, with its CSRF token


def test_a_school_user_has_no_time_limit_and_no_warning(client, home, school_user, ehe_officer):
    client.force_login(school_user)
    state = client.get(STATUS).json()
    assert (state["signed_in"], state["remaining"]) == (False, 0)
    assert 'data-module="app-idle-warning"' not in client.get("/").content.decode()
    assert client.get(reverse("portal:session-warning")).status_code == 204

    client.force_login(ehe_officer)
    page = client.get("/").content.decode()
    assert 'data-module="app-idle-warning"' in page and "Stay signed in" in page
    assert 'data-warning-seconds="120"' in page
    admin = client.get("/admin/").content.decode()
    assert "admin-idle-warning.js" in admin and "admin-idle-warning.css" in admin
    dialog = client.get(reverse("portal:session-warning") + "?admin=1")
    assert (
        dialog.status_code == 200 and "app-idle-warning__dialog--admin" in dialog.content.decode()
    )


# --- what was typed, kept across the sign-out ------------------------------------------


def test_a_note_sent_after_the_limit_is_kept_and_sent_once_after_signing_in(
    client, home, ehe_officer, submission
):
    response = note_sent_after_the_limit(client, ehe_officer, submission, password="hunter2")
    # Back to the page the form was on, not the address that only takes the form: that
    # was the "you do not have permission" after signing in again.
    assert response["Location"] == f"{SIGN_IN}?next={inspect(submission)}"
    assert "_auth_user_id" not in client.session
    assert not SubmissionEvent.objects.filter(kind="status").exists()
    kept = client.session[kept_input.KEY]
    (form,) = kept["forms"]
    names = [name for name, _value in form["fields"]]
    assert "note" in names and "password" not in names and "csrfmiddlewaretoken" not in names
    assert 0 < client.session.get_expiry_age() <= 24 * 60 * 60
    sign_in_page = client.get(response["Location"]).content.decode()
    assert "What you typed is kept" in sign_in_page

    back = sign_in_again(client, ehe_officer, response["Location"])
    assert back == inspect(submission)
    offer = client.get(back)
    assert offer["Location"] == UNSAVED
    page = client.get(UNSAVED).content.decode()
    assert "You were signed out before your changes were saved" in page
    assert "Spoke to the parent on the phone." in page
    assert f'action="{status_url(submission)}"' in page
    # Offered once: the page itself shows next time.
    assert client.get(inspect(submission)).status_code == 200

    fields = dict(form["fields"])
    sent = client.post(status_url(submission), {**fields, kept_input.SENT: form["id"]})
    assert sent["Location"] == inspect(submission)
    event = SubmissionEvent.objects.get(kind="status")
    assert (event.user, event.note) == (ehe_officer, "Spoke to the parent on the phone.")
    assert kept_input.KEY not in client.session
    assert client.get(UNSAVED)["Location"] == reverse("portal:dashboard")


def test_someone_else_signing_in_on_that_browser_gets_nothing(
    client, home, ehe_officer, submission
):
    other = UserFactory(email="other@council.example", is_staff=True, groups=["EHE officers"])
    signed_out = note_sent_after_the_limit(client, ehe_officer, submission)
    assert kept_input.KEY in client.session

    sign_in_again(client, other, signed_out["Location"])
    assert kept_input.KEY not in client.session
    assert client.get(UNSAVED)["Location"] == reverse("portal:dashboard")
    assert client.get(inspect(submission)).status_code == 200
    client.post(reverse("portal:sign-out"))

    # Gone for them too: someone else had signed in on that browser.
    sign_in_again(client, ehe_officer, signed_out["Location"])
    assert client.get(inspect(submission)).status_code == 200


def test_what_was_kept_expires(client, home, ehe_officer, submission):
    signed_out = note_sent_after_the_limit(client, ehe_officer, submission)
    session = client.session
    session[kept_input.KEY] = {**session[kept_input.KEY], "until": int(time.time()) - 1}
    session.save()
    sign_in_again(client, ehe_officer, signed_out["Location"])
    assert client.get(inspect(submission)).status_code == 200
    assert kept_input.KEY not in client.session


def test_files_are_not_kept_and_the_page_says_which(client, home, ehe_officer, submission):
    letter = SimpleUploadedFile("school-letter.pdf", b"%PDF-1.4\n", "application/pdf")
    signed_out = note_sent_after_the_limit(client, ehe_officer, submission, letter=letter)
    sign_in_again(client, ehe_officer, signed_out["Location"])
    page = client.get(UNSAVED).content.decode()
    assert "school-letter.pdf" in page and "Files cannot be kept" in page
    assert "%PDF" not in str(client.session[kept_input.KEY])


def test_a_form_without_its_csrf_token_is_not_kept(client, home, ehe_officer, submission):
    client.force_login(ehe_officer)
    client.handler.enforce_csrf_checks = True
    idle_for(client, IDLE + 1)
    response = client.post(status_url(submission), {"status": "first_contact", "note": "x"})
    # Signed out all the same; without a Referer, back to the admin's start, not to the
    # address that only takes the form.
    assert response["Location"] == f"{SIGN_IN}?next=/admin/"
    assert not client.session[kept_input.KEY]["forms"]


def test_discarding_keeps_nothing(client, home, ehe_officer, submission):
    signed_out = note_sent_after_the_limit(client, ehe_officer, submission)
    sign_in_again(client, ehe_officer, signed_out["Location"])
    form = client.session[kept_input.KEY]["forms"][0]
    client.get(UNSAVED)
    response = client.post(UNSAVED, {kept_input.DISCARD: form["id"]})
    assert response["Location"] == inspect(submission)
    assert kept_input.KEY not in client.session
    assert not SubmissionEvent.objects.filter(kind="status").exists()


def test_when_the_time_is_up_the_page_sends_what_it_held(client, home, ehe_officer, submission):
    client.force_login(ehe_officer)
    idle_for(client, IDLE + 1)
    response = client.post(
        END,
        {
            "status": "first_contact",
            "note": "Typed, never sent.",
            kept_input.ACTION: "http://localhost" + status_url(submission),
            kept_input.PAGE: inspect(submission),
            kept_input.REASON: "timeout",
            kept_input.DROPPED: "photo.png",
        },
    )
    assert response["Location"] == f"{SIGN_IN}?next={inspect(submission)}"
    assert "_auth_user_id" not in client.session
    (form,) = client.session[kept_input.KEY]["forms"]
    assert form["action"] == status_url(submission) and form["page"] == inspect(submission)
    assert ["note", "Typed, never sent."] in form["fields"]
    assert form["dropped"] == ["photo.png"]
    assert not any(name.startswith(kept_input.CONTROL) for name, _value in form["fields"])

    # Another tab of the same browser, still showing the page, sends its form too: kept
    # for the same person. Signing in is not intercepted.
    client.post(
        status_url(submission),
        {"status": "closed", "note": "From the other tab."},
        HTTP_REFERER="http://localhost" + inspect(submission),
    )
    assert len(client.session[kept_input.KEY]["forms"]) == 2
    assert sign_in_again(client, ehe_officer, response["Location"]) == inspect(submission)
    assert len(client.session[kept_input.KEY]["forms"]) == 2


def test_an_address_on_another_site_is_never_kept_as_where_to_send(client, home, ehe_officer):
    client.force_login(ehe_officer)
    response = client.post(
        END,
        {
            "note": "x",
            kept_input.ACTION: "https://evil.example/steal",
            kept_input.PAGE: "//evil.example/",
        },
        HTTP_REFERER="http://localhost/admin/",
    )
    assert response["Location"] == f"{SIGN_IN}?next=/admin/"
    assert not client.session[kept_input.KEY]["forms"]
