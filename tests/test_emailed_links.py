"""Every link the portal emails is single-purpose, expires, and opens only its own record:
save and return, manage a training booking, an invitation, a password reset. For each
kind: it works for its record; a second use fails; an old link has expired; and a link
made for one record opens no other record, nor passes as another kind of link."""

import re
import time
from datetime import datetime, timedelta

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from forms_app.factories import FormPageFactory
from forms_app.flow import RESUME_SALT
from forms_app.journeys.registry import Journey
from forms_app.models import Draft
from portal.factories import MembershipFactory
from portal.tokens import invite_tokens
from tests.conftest import PASSWORD
from training import services as bookings
from training.links import SALT as BOOKING_SALT
from training.links import manage_token
from training.models import Booking, TrainingIndexPage

from .forms_app.referral_fixtures import *  # noqa: F403  (the referral page)
from .training.conftest import make_course

EXPIRED = "This link has expired"
USED = "This link has expired or has been used"


def link_in(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def device():
    return Client(HTTP_HOST="localhost")


# --- Save and come back later --------------------------------------------------------------


@pytest.fixture
def ehe_page(home):
    return FormPageFactory(parent=home)


def start_ehe(client, page, first_name):
    client.post(
        page.url + "step/child/",
        {
            "first_name": first_name,
            "last_name": "Khan",
            "date_of_birth_0": "14",
            "date_of_birth_1": "3",
            "date_of_birth_2": "2015",
        },
    )
    return Draft.objects.order_by("-pk").first()


def save_for_later(client, page, capture, email="sara@example.com"):
    with capture(execute=True):
        client.post(page.url + "save/", {"email": email})
    return link_in(mail.outbox[-1])


def resume_path(page, signed):
    return page.url + "continue/" + "/".join(signed.split(":")) + "/"


def test_a_save_and_return_link_opens_its_own_draft(
    client, ehe_page, django_capture_on_commit_callbacks
):
    start_ehe(client, ehe_page, "Amira")
    start_ehe(device(), ehe_page, "Bilal")  # someone else's draft of the same form
    link = save_for_later(client, ehe_page, django_capture_on_commit_callbacks)
    elsewhere = device()
    response = elsewhere.get(link)
    assert response.status_code == 302 and response["Location"].endswith("step/address/")
    page = elsewhere.get(ehe_page.url + "step/child/").content.decode()
    assert 'value="Amira"' in page and "Bilal" not in page


def test_a_save_and_return_link_works_once(client, ehe_page, django_capture_on_commit_callbacks):
    draft = start_ehe(client, ehe_page, "Amira")
    link = save_for_later(client, ehe_page, django_capture_on_commit_callbacks)
    first = device()
    assert first.get(link).status_code == 302
    # The same link again, from the same device or another: the draft does not open.
    for again in (first, device()):
        response = again.get(link)
        assert response.status_code == 410
        assert EXPIRED in response.content.decode()
    # The device that used it carries on, and saving again sends a new link that works.
    assert 'value="Amira"' in first.get(ehe_page.url + "step/child/").content.decode()
    new_link = save_for_later(first, ehe_page, django_capture_on_commit_callbacks)
    assert new_link != link
    assert device().get(new_link).status_code == 302
    assert Draft.objects.get().pk == draft.pk


def test_an_old_save_and_return_link_has_expired(
    client, ehe_page, monkeypatch, settings, django_capture_on_commit_callbacks
):
    draft = start_ehe(client, ehe_page, "Amira")
    made_at = time.time() - (settings.PORTAL_DRAFT_DAYS * 24 * 60 * 60 + 60)
    with monkeypatch.context() as frozen:
        frozen.setattr(time, "time", lambda: made_at)
        signed = signing.TimestampSigner(salt=RESUME_SALT).sign(draft.token)
    response = device().get(resume_path(ehe_page, signed))
    assert response.status_code == 410 and EXPIRED in response.content.decode()
    # A link made a day before the limit still works.
    made_at = time.time() - (settings.PORTAL_DRAFT_DAYS - 1) * 24 * 60 * 60
    with monkeypatch.context() as frozen:
        frozen.setattr(time, "time", lambda: made_at)
        signed = signing.TimestampSigner(salt=RESUME_SALT).sign(draft.token)
    assert device().get(resume_path(ehe_page, signed)).status_code == 302


def test_a_save_and_return_link_opens_no_other_journey_or_user(
    client, home, ehe_page, referral_page, school, school_user, other_school,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    ehe_link = save_for_later_link(client, ehe_page, django_capture_on_commit_callbacks)
    # The parent's link, pasted into another form's address, opens nothing there.
    client.force_login(school_user)
    pasted = ehe_link.replace(ehe_page.url, referral_page.url)
    assert client.get(pasted).status_code == 410
    # A school user's saved referral opens for nobody else, even another school's user.
    referral = Draft.objects.create(journey=Journey.ATTENDANCE_REFERRAL, user=school_user)
    signed = signing.TimestampSigner(salt=RESUME_SALT).sign(referral.token)
    other = MembershipFactory(school=other_school, user__email="head@beechfield.example").user
    stranger = device()
    stranger.force_login(other)
    assert stranger.get(resume_path(referral_page, signed)).status_code == 404
    assert Draft.objects.get(pk=referral.pk).token == referral.token  # not used up
    assert client.get(resume_path(referral_page, signed)).status_code == 302


def save_for_later_link(client, page, capture):
    start_ehe(client, page, "Amira")
    return save_for_later(client, page, capture)


def test_other_signed_values_do_not_pass_as_a_save_and_return_link(
    client, ehe_page, booking, school_user
):
    draft = start_ehe(client, ehe_page, "Amira")
    # The draft's token signed for another purpose (a booking link's salt).
    wrong_purpose = signing.TimestampSigner(salt=BOOKING_SALT).sign(draft.token)
    # A booking's manage token, and an invitation token, in the resume address.
    reference, signature = manage_token(booking).split(":")
    invite = invite_tokens.make_token(school_user)
    for path in (
        resume_path(ehe_page, wrong_purpose),
        f"{ehe_page.url}continue/{reference}/{int(time.time())}/{signature}/",
        f"{ehe_page.url}continue/{draft.token}/{invite.replace('-', '/')}/",
    ):
        assert device().get(path).status_code in (404, 410), path
    assert Draft.objects.get().token == draft.token


# --- Manage a training booking -------------------------------------------------------------


@pytest.fixture
def course(home):
    index = TrainingIndexPage(title="Training", slug="training")
    home.add_child(instance=index)
    index.save_revision().publish()
    return make_course(index, fmt="online", sessions=[(10, 1), (20, 3)])


@pytest.fixture
def session(course):
    return course.sessions.order_by("starts_at").first()


@pytest.fixture
def booking(session):
    return bookings.book(session.pk, name="Ada Booker", email="ada@school.example", role="dsl")


def manage(token, action="manage"):
    return reverse(f"training:{action}", args=[token])


def test_a_manage_link_shows_and_changes_only_its_booking(client, session, booking):
    other = bookings.book(session.pk, name="Bo Waiting", email="bo@school.example", role="dsl")
    assert other.status == "waiting"
    page = client.get(manage(manage_token(booking))).content.decode()
    assert booking.reference in page and other.reference not in page
    # Swapping the reference in the link for another booking's breaks the signature.
    swapped = other.reference + ":" + manage_token(booking).split(":")[1]
    for action in ("manage", "cancel", "accept"):
        assert client.get(manage(swapped, action)).status_code == 404
    client.post(manage(manage_token(booking), "cancel"), {"confirm": "yes"})
    booking.refresh_from_db()
    other.refresh_from_db()
    assert booking.status == "cancelled" and other.status == "offered"


def test_after_cancelling_a_manage_link_shows_the_booking_and_changes_nothing(
    client, session, booking, course
):
    later = course.sessions.order_by("starts_at").last()
    waiting = bookings.book(session.pk, name="Bo Waiting", email="bo@school.example", role="dsl")
    token = manage_token(booking)
    client.post(manage(token, "cancel"), {"confirm": "yes"})
    waiting.refresh_from_db()
    assert waiting.status == "offered"  # the freed place went to the next person
    sent = len(mail.outbox)

    page = client.get(manage(token)).content.decode()
    assert "Cancelled" in page and "This booking is cancelled" in page
    for action in ("cancel", "move", "accept"):
        assert f'href="{manage(token, action)}"' not in page
    # The same link used again to cancel, move or take a place: back to the page, no change.
    assert client.post(manage(token, "cancel"), {"confirm": "yes"})["Location"] == manage(token)
    assert client.post(manage(token, "move"), {"session": later.pk})["Location"] == manage(token)
    assert client.post(manage(token, "accept"))["Location"] == manage(token)
    booking.refresh_from_db()
    waiting.refresh_from_db()
    assert booking.status == "cancelled" and booking.session == session
    assert waiting.status == "offered"
    assert len(mail.outbox) == sent  # and nobody was emailed again

    # The waiting person leaves instead of taking the offer: their accept link is spent too.
    waiting_token = manage_token(waiting)
    client.post(manage(waiting_token, "cancel"), {"confirm": "yes"})
    assert client.post(manage(waiting_token, "accept"))["Location"] == manage(waiting_token)
    waiting.refresh_from_db()
    assert waiting.status == "cancelled"


def past_session(session, days_ago):
    ended = timezone.now() - timedelta(days=days_ago)
    session.starts_at = ended - timedelta(hours=2)
    session.ends_at = ended
    session.save()


def test_a_manage_link_expires_a_while_after_the_session(client, session, booking, settings):
    token = manage_token(booking)
    Booking.objects.filter(pk=booking.pk).update(attendance="attended")
    past_session(session, settings.PORTAL_BOOKING_LINK_DAYS_AFTER - 1)
    assert client.get(manage(token)).status_code == 200  # feedback and certificate still work
    assert client.get(manage(token, "certificate")).status_code == 200
    past_session(session, settings.PORTAL_BOOKING_LINK_DAYS_AFTER + 1)
    for action in ("manage", "cancel", "move", "accept", "feedback", "certificate"):
        response = client.get(manage(token, action))
        assert response.status_code == 410, action
    page = response.content.decode()
    assert "This booking link has expired" in page
    assert "attendance@testshire.example" in page  # the course has none, so the council's
    assert booking.reference in page
    # The window is a setting.
    settings.PORTAL_BOOKING_LINK_DAYS_AFTER = 365
    assert client.get(manage(token)).status_code == 200


def test_an_expired_manage_link_names_the_courses_contact(client, session, booking, course):
    course.contact_email = "training@testshire.example"
    course.save_revision().publish()
    past_session(session, 400)
    page = client.get(manage(manage_token(booking))).content.decode()
    assert "training@testshire.example" in page


def test_other_signed_values_do_not_pass_as_a_manage_link(client, booking, school_user):
    reference = booking.reference
    for token in (
        signing.Signer(salt=RESUME_SALT).sign(reference),  # right value, wrong purpose
        signing.TimestampSigner(salt=RESUME_SALT).sign(reference),  # a resume link's value
        signing.Signer().sign(reference),  # no purpose at all
        invite_tokens.make_token(school_user),
        default_token_generator.make_token(school_user),
    ):
        assert client.get(manage(token)).status_code == 404, token
        assert client.post(manage(token, "cancel"), {"confirm": "yes"}).status_code == 404
    booking.refresh_from_db()
    assert booking.status == "confirmed"


# --- Invitations and password resets -------------------------------------------------------

NEW_PASSWORD = "a brand new long password"


def uid(user):
    return urlsafe_base64_encode(force_bytes(user.pk))


def invite_path(user, token):
    return reverse("portal:invite-accept", args=[uid(user), token])


def reset_path(user, token):
    return reverse("portal:password-reset-confirm", args=[uid(user), token])


def set_password(client, path, password=NEW_PASSWORD):
    """Open the link and choose a password; the form's address, or None if refused."""
    response = client.get(path)
    if response.status_code != 302:
        return None
    client.post(response["Location"], {"new_password1": password, "new_password2": password})
    return response["Location"]


def token_made_ago(generator, user, seconds):
    made = generator._num_seconds(datetime.now() - timedelta(seconds=seconds))
    return generator._make_token_with_timestamp(user, made, generator.secret)


@pytest.fixture
def other_user(other_school):
    return MembershipFactory(school=other_school, user__email="head@beechfield.example").user


@pytest.mark.parametrize(
    "generator, path", [(invite_tokens, invite_path), (default_token_generator, reset_path)]
)
def test_invitation_and_reset_links_work_once_for_their_user(
    client, home, school_user, other_user, generator, path
):
    token = generator.make_token(school_user)
    # The token with another user's id in the link opens nothing.
    assert USED in client.get(path(other_user, token), follow=True).content.decode()
    assert set_password(client, path(school_user, token)) is not None
    school_user.refresh_from_db()
    other_user.refresh_from_db()
    assert school_user.check_password(NEW_PASSWORD)
    assert other_user.check_password(PASSWORD)
    # Used once: the password is in the token's hash, so the link is spent.
    assert USED in device().get(path(school_user, token), follow=True).content.decode()
    assert set_password(device(), path(school_user, token), "yet another long password") is None
    school_user.refresh_from_db()
    assert school_user.check_password(NEW_PASSWORD)


@pytest.mark.parametrize(
    "generator, path, timeout",
    [
        (invite_tokens, invite_path, "PORTAL_INVITE_TIMEOUT"),
        (default_token_generator, reset_path, "PASSWORD_RESET_TIMEOUT"),
    ],
)
def test_invitation_and_reset_links_expire(
    client, home, school_user, settings, generator, path, timeout
):
    lifetime = getattr(settings, timeout)
    old = token_made_ago(generator, school_user, lifetime + 60)
    assert USED in client.get(path(school_user, old), follow=True).content.decode()
    assert set_password(device(), path(school_user, old)) is None
    recent = token_made_ago(generator, school_user, lifetime - 60)
    assert set_password(device(), path(school_user, recent)) is not None


def test_a_password_reset_link_lasts_hours_not_days(settings):
    assert settings.PASSWORD_RESET_TIMEOUT <= 4 * 60 * 60
    assert settings.PASSWORD_RESET_TIMEOUT < settings.PORTAL_INVITE_TIMEOUT


def test_invitation_and_reset_tokens_do_not_pass_for_each_other(client, home, school_user, booking):
    invite = invite_tokens.make_token(school_user)
    reset = default_token_generator.make_token(school_user)
    assert set_password(client, reset_path(school_user, invite)) is None
    assert set_password(client, invite_path(school_user, reset)) is None
    # Nor does a form opened with one kind of link take a password through the other.
    form_url = client.get(reset_path(school_user, reset))["Location"]
    invite_form = form_url.replace("/password-reset/", "/invitation/")
    assert USED in client.get(invite_form, follow=True).content.decode()
    # Nor a booking's manage token, nor a save-and-return link's value.
    for token in (manage_token(booking), signing.TimestampSigner(salt=RESUME_SALT).sign("x")):
        assert set_password(device(), reset_path(school_user, token)) is None
        assert set_password(device(), invite_path(school_user, token)) is None
    school_user.refresh_from_db()
    assert school_user.check_password(PASSWORD)
