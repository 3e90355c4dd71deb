"""Fifty people book the last five places at once (PostgreSQL: real row locks)."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from training import services as bookings
from training.models import Booking

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent row locking needs PostgreSQL (SQLite serialises every write)",
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_concurrent_bookings_for_the_last_five_places(home):
    from training.models import TrainingIndexPage

    from .conftest import make_course

    index = TrainingIndexPage(title="Training", slug="training")
    home.add_child(instance=index)
    course = make_course(index, sessions=[(10, 10)])
    session = course.sessions.get()
    for n in range(5):  # five places already gone
        bookings.book(session.pk, name="Early", email=f"early{n}@example.com", role="dsl")

    start = threading.Barrier(50)
    errors = []

    def book_one(n):
        try:
            start.wait()
            bookings.book(session.pk, name="Racer", email=f"racer{n}@example.com", role="dsl")
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book_one, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    racers = Booking.objects.filter(email__startswith="racer")
    assert racers.filter(status="confirmed").count() == 5
    assert racers.filter(status="waiting").count() == 45
    assert Booking.objects.holding_place().filter(session=session).count() == 10

    bookings.cancel(racers.filter(status="confirmed").first())
    assert Booking.objects.filter(status="offered").count() == 1
    assert racers.filter(status="waiting").count() == 44
    assert Booking.objects.holding_place().filter(session=session).count() == 10
    assert session.starts_at > timezone.now() + timedelta(days=9)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_confirm_booking_sent_twice_at_once_shows_one_booking_both_times(home):
    """A double click on "Confirm booking": two requests of one browser at the same moment,
    each with the details in its session. Both show the booking made, with its reference."""
    from django.urls import reverse

    from tests.at_once import at_once, same_browser
    from tests.clients import PortalClient
    from training.links import manage_token
    from training.models import TrainingIndexPage
    from training.views import DRAFTS

    from .conftest import DETAILS, make_course

    index = TrainingIndexPage(title="Training", slug="training")
    home.add_child(instance=index)
    session = make_course(index, sessions=[(10, 10)]).sessions.get()
    browser = PortalClient(HTTP_HOST="localhost")
    browser.post(reverse("training:book", args=[session.pk]), DETAILS)
    assert DRAFTS in browser.session
    check = reverse("training:check", args=[session.pk])
    answers = at_once(
        lambda: same_browser(browser).post(check), lambda: same_browser(browser).post(check)
    )

    booking = Booking.objects.get()
    assert [a.status_code for a in answers] == [302, 302]
    manage = reverse("training:manage", args=[manage_token(booking)])
    assert {a.url.split("?")[0] for a in answers} == {manage}
