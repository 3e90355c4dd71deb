"""A return's "Send" pressed twice at once (PostgreSQL: real row locks): both presses
show the return sent, and it is sent once."""

import threading

import pytest
from django.db import connection, connections
from django.urls import reverse

from returns.models import SchoolReturn
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
    start = threading.Barrier(2)
    answers = []

    def press():
        tab = PortalClient(HTTP_HOST="localhost")
        tab.cookies = browser.cookies  # the same browser
        try:
            start.wait()
            answers.append(tab.post(reverse("returns:send", args=[own_return.pk])))
        finally:
            connections.close_all()

    presses = [threading.Thread(target=press) for _ in range(2)]
    for thread in presses:
        thread.start()
    for thread in presses:
        thread.join()

    done = reverse("returns:done", args=[own_return.pk])
    assert [(a.status_code, a.url) for a in answers] == [(302, done), (302, done)]
    own_return.refresh_from_db()
    assert own_return.status == SchoolReturn.Status.RETURNED
    assert own_return.amended_at is None  # the second press changed nothing
