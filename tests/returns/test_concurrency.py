"""A return's "Send" pressed twice at once (PostgreSQL: real row locks): both presses
show the return sent, and it is sent once."""

import pytest
from django.db import connection
from django.urls import reverse

from returns.models import SchoolReturn
from tests.at_once import at_once, same_browser
from tests.clients import PortalClient

from .conftest import add_pupil

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent row locking needs PostgreSQL (SQLite serialises every write)",
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_send_pressed_twice_at_once_sends_once_and_shows_it_sent(school_user, own_return):
    add_pupil(own_return)
    browser = PortalClient(HTTP_HOST="localhost")
    browser.force_login(school_user)
    send = reverse("returns:send", args=[own_return.pk])
    answers = at_once(
        lambda: same_browser(browser).post(send), lambda: same_browser(browser).post(send)
    )

    done = reverse("returns:done", args=[own_return.pk])
    assert [(a.status_code, a.url) for a in answers] == [(302, done), (302, done)]
    own_return.refresh_from_db()
    assert own_return.status == SchoolReturn.Status.RETURNED
    assert own_return.amended_at is None  # the second press changed nothing
