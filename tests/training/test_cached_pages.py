"""Course pages and the training index come from the page cache for anonymous visitors,
and still show the places left as they are: every change to a booking or a session
empties the copies of its course's pages and of the index (training/cached_pages.py),
and only those."""

import time
from datetime import timedelta

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from home.page_cache import key_for
from training import services as bookings
from training.links import manage_token
from training.models import Booking

from .conftest import DETAILS, make_course


def anonymous_get(url):
    """A new visitor, with no cookies: the one the page cache serves."""
    return Client().get(url)


def places_left(count, language):
    with translation.override(language):
        return ngettext("%(counter)s place left", "%(counter)s places left", count) % {
            "counter": count
        }


def book_through_pages(session, email="ada@school.example"):
    booker = Client()
    booker.post(reverse("training:book", args=[session.pk]), {**DETAILS, "email": email})
    booker.post(reverse("training:check", args=[session.pk]))
    return booker, Booking.objects.get(email=email, session=session)


def test_a_course_page_from_the_cache_shows_places_after_booking_and_cancelling(session):
    url = session.course.url
    assert anonymous_get(url)["X-Page-Cache"] == "miss"
    stored = anonymous_get(url)
    assert stored["X-Page-Cache"] == "hit"
    assert "3 places left" in stored.content.decode()

    booker, booking = book_through_pages(session)
    after_booking = anonymous_get(url)
    assert after_booking["X-Page-Cache"] == "miss"
    assert "2 places left" in after_booking.content.decode()
    assert "2 places left" in anonymous_get(url).content.decode()  # stored again

    booker.post(reverse("training:cancel", args=[manage_token(booking)]), {"confirm": "yes"})
    assert Booking.objects.get().status == "cancelled"
    after_cancelling = anonymous_get(url)
    assert "3 places left" in after_cancelling.content.decode()
    assert "2 places left" not in after_cancelling.content.decode()


def test_a_move_and_the_waiting_list_change_the_stored_page(session, later_session):
    url = session.course.url
    session.capacity = 1
    session.save()
    _booker, first = book_through_pages(session, "first@example.com")
    book_through_pages(session, "second@example.com")
    body = anonymous_get(url).content.decode()
    assert "Full" in body and "3 places left" in body  # the later session untouched
    anonymous_get(url)

    bookings.move(first, later_session.pk)  # frees the place: offered to the second
    assert Booking.objects.get(email="second@example.com").status == "offered"
    body = anonymous_get(url).content.decode()
    assert "2 places left" in body  # the later session, with the moved booking
    assert "Full" in body  # the offered place is held for the person waiting

    bookings.lapse_expired_offers(now=timezone.now() + timedelta(days=3))
    assert "1 place left" in anonymous_get(url).content.decode()


def test_a_session_changed_by_an_editor_changes_the_stored_page(session):
    url = session.course.url
    anonymous_get(url)
    session.capacity = 10
    session.save()
    assert "10 places left" in anonymous_get(url).content.decode()


def test_a_booking_empties_its_course_in_every_language_and_no_other_course(index, session):
    other = make_course(index, "other-course", sessions=[(15, 5)])
    urls = [session.course.url, "/cy" + session.course.url, other.url]
    for url in urls:
        anonymous_get(url)
    book_through_pages(session)
    assert anonymous_get(session.course.url)["X-Page-Cache"] == "miss"
    welsh = anonymous_get("/cy" + session.course.url)
    assert welsh["X-Page-Cache"] == "miss"
    assert places_left(2, "cy") in welsh.content.decode()
    assert anonymous_get(other.url)["X-Page-Cache"] == "hit"  # one busy course empties its own


def test_a_reminder_or_attendance_leaves_the_stored_page(session):
    _booker, booking = book_through_pages(session)
    anonymous_get(session.course.url)
    booking.attendance = Booking.Attendance.ATTENDED
    booking.save(update_fields=["attendance", "updated_at"])
    assert anonymous_get(session.course.url)["X-Page-Cache"] == "hit"


def test_the_index_from_the_cache_shows_when_a_session_fills(index, session):
    session.capacity = 1
    session.save()
    assert "Places available" in anonymous_get("/training/").content.decode()
    assert anonymous_get("/training/")["X-Page-Cache"] == "hit"
    book_through_pages(session)
    body = anonymous_get("/training/").content.decode()
    assert "Full: waiting list open" in body


def test_a_stored_course_page_costs_no_query(session):
    anonymous_get(session.course.url)
    with CaptureQueriesContext(connection) as made_for_a_visitor:
        Client().get(session.course.url, HTTP_COOKIE="sessionid=x")  # never from the cache
    with CaptureQueriesContext(connection) as stored:
        response = anonymous_get(session.course.url)
    assert response["X-Page-Cache"] == "hit" and "3 places left" in response.content.decode()
    assert len(made_for_a_visitor) > 0
    assert len(stored) == 0


def test_no_copy_outlives_the_moment_a_session_closes_for_booking(session):
    session.booking_closes_at = timezone.now() + timedelta(seconds=100)
    session.save()
    anonymous_get(session.course.url)
    # LocMemCache keeps each key's expiry time: the copy goes when booking closes, not
    # after the usual five minutes.
    key = cache.make_and_validate_key(key_for("testserver", session.course.url))
    assert time.time() < cache._expire_info[key] <= time.time() + 100
