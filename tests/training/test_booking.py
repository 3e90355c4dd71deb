"""The booking service: capacity, waiting list, offers, cancelling, moving, reminders."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from training import services as bookings
from training import tasks
from training.models import Booking


def book(session, email, **kwargs):
    return bookings.book(session.pk, name="Someone", email=email, role="governor", **kwargs)


def test_places_are_booked_then_people_wait(session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        made = [book(session, f"p{n}@example.com") for n in range(5)]
    assert [b.status for b in made] == ["confirmed"] * 3 + ["waiting"] * 2
    confirmation = mail.outbox[0]
    assert confirmation.to == ["p0@example.com"]
    assert "Place booked" in confirmation.subject
    filename, content, mimetype = confirmation.attachments[0]
    assert (filename, mimetype) == ("training.ics", "text/calendar")
    assert "BEGIN:VEVENT" in content and made[0].reference in content
    # Joining details go to booked people only, never to people waiting.
    assert "secret-room" in confirmation.body
    waiting = [m for m in mail.outbox if m.to == ["p4@example.com"]][0]
    assert "waiting list" in waiting.body and "secret-room" not in waiting.body
    assert not waiting.attachments


def test_the_same_email_books_a_session_once(session):
    first = book(session, "Twice@Example.com")
    with pytest.raises(bookings.BookingRefused) as refused:
        book(session, "twice@example.com ")
    assert refused.value.reason == "already_booked"
    assert refused.value.booking == first
    assert Booking.objects.count() == 1


def test_closed_and_past_sessions_cannot_be_booked(session):
    session.booking_closes_at = timezone.now() - timedelta(minutes=1)
    session.save()
    with pytest.raises(bookings.BookingRefused) as refused:
        book(session, "a@example.com")
    assert refused.value.reason == "closed"
    session.starts_at = timezone.now() - timedelta(hours=1)
    session.save()
    with pytest.raises(bookings.BookingRefused) as refused:
        book(session, "a@example.com")
    assert refused.value.reason == "past"
    assert not Booking.objects.exists()


def test_a_cancellation_offers_the_place_to_the_first_waiting(
    session, django_capture_on_commit_callbacks
):
    made = [book(session, f"p{n}@example.com") for n in range(5)]
    with django_capture_on_commit_callbacks(execute=True):
        bookings.cancel(made[1])
    statuses = dict(Booking.objects.values_list("email", "status"))
    assert statuses["p1@example.com"] == "cancelled"
    assert statuses["p3@example.com"] == "offered"
    assert statuses["p4@example.com"] == "waiting"
    offered = Booking.objects.get(email="p3@example.com")
    assert offered.offer_expires_at > timezone.now() + timedelta(hours=47)
    offer_mail = [m for m in mail.outbox if m.to == ["p3@example.com"]][-1]
    assert "/accept/" in offer_mail.body
    # The offered place still counts: a newcomer joins the waiting list.
    assert book(session, "new@example.com").status == "waiting"


def test_an_offer_not_taken_up_passes_to_the_next(session):
    made = [book(session, f"p{n}@example.com") for n in range(5)]
    bookings.cancel(made[0])
    offered = Booking.objects.get(email="p3@example.com")
    Booking.objects.filter(pk=offered.pk).update(
        offer_expires_at=timezone.now() - timedelta(minutes=1)
    )
    assert tasks.expire_offers() == 1
    assert Booking.objects.get(email="p3@example.com").status == "lapsed"
    assert Booking.objects.get(email="p4@example.com").status == "offered"
    with pytest.raises(bookings.BookingRefused):
        bookings.accept_offer(Booking.objects.get(email="p3@example.com"))


def test_accepting_an_offer_confirms_the_place(session):
    made = [book(session, f"p{n}@example.com") for n in range(4)]
    bookings.cancel(made[0])
    accepted = bookings.accept_offer(Booking.objects.get(email="p3@example.com"))
    assert accepted.status == "confirmed"
    assert Booking.objects.holding_place().filter(session=session).count() == 3


def test_cancelling_after_the_deadline_is_refused(session):
    made = book(session, "late@example.com")
    session.starts_at = timezone.now() + timedelta(days=1)
    session.ends_at = session.starts_at + timedelta(hours=2)
    session.save()
    with pytest.raises(bookings.BookingRefused) as refused:
        bookings.cancel(made)
    assert refused.value.reason == "after_deadline"
    assert Booking.objects.get(pk=made.pk).status == "confirmed"


def test_moving_to_another_date_frees_the_old_place(session, later_session):
    made = [book(session, f"p{n}@example.com") for n in range(4)]
    bookings.move(made[0], later_session.pk)
    assert Booking.objects.get(pk=made[0].pk).session == later_session
    assert Booking.objects.get(email="p3@example.com").status == "offered"


def test_moving_to_a_full_session_is_refused(session, later_session):
    mine = book(session, "me@example.com")
    for n in range(3):
        book(later_session, f"p{n}@example.com")
    with pytest.raises(bookings.BookingRefused) as refused:
        bookings.move(mine, later_session.pk)
    assert refused.value.reason == "full"
    assert Booking.objects.get(pk=mine.pk).session == session


def _two_days_ahead(session):
    """Move the session to when its reminder falls due, and forget the emails so far."""
    session.starts_at = timezone.now() + timedelta(days=1, hours=20)
    session.ends_at = session.starts_at + timedelta(hours=2)
    session.save()
    mail.outbox.clear()


def test_reminders_go_once_two_days_before(session, django_capture_on_commit_callbacks):
    made = book(session, "remind@example.com")
    assert tasks.send_reminders() == 0  # ten days away
    _two_days_ahead(session)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_reminders() == 1
        assert tasks.send_reminders() == 0
    assert [m.to for m in mail.outbox] == [["remind@example.com"]]
    assert "secret-room" in mail.outbox[0].body  # online: joining details
    assert Booking.objects.get(pk=made.pk).reminder_sent_at is not None


def test_attendees_are_asked_for_feedback_once(session, django_capture_on_commit_callbacks):
    made = book(session, "came@example.com")
    absent = book(session, "absent@example.com")
    Booking.objects.filter(pk=made.pk).update(attendance="attended")
    Booking.objects.filter(pk=absent.pk).update(attendance="no_show")
    session.starts_at = timezone.now() - timedelta(hours=3)
    session.ends_at = timezone.now() - timedelta(hours=1)
    session.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.request_feedback() == 1
        assert tasks.request_feedback() == 0
    assert [m.to for m in mail.outbox] == [["came@example.com"]]
    assert "/feedback/" in mail.outbox[0].body


def test_send_email_attachments_reach_the_message(db, django_capture_on_commit_callbacks):
    from portal.emails import send_email

    with django_capture_on_commit_callbacks(execute=True):
        send_email("x@example.com", "Hi", "portal/email/password_reset_subject.txt", {})
        send_email(
            "y@example.com",
            "File",
            "portal/email/password_reset_subject.txt",
            {},
            attachments=[("a.txt", "hello", "text/plain")],
        )
    assert mail.outbox[0].attachments == []
    assert mail.outbox[1].attachments == [("a.txt", "hello", "text/plain")]


def test_every_email_about_a_place_is_in_the_language_it_was_booked_in(
    session, django_capture_on_commit_callbacks
):
    from django.utils import translation

    with translation.override("pl"), django_capture_on_commit_callbacks(execute=True):
        made = book(session, "polski@example.com")
    assert made.language == "pl"
    with translation.override("pl"):
        booked, reminder = (
            translation.gettext(s) for s in ("Place booked: %(course)s", "Reminder: %(course)s")
        )
    assert booked != "Place booked: %(course)s"
    assert mail.outbox[-1].subject == booked % {"course": session.course.title}
    # The reminder comes from the worker, where no request says the language: still Polish.
    _two_days_ahead(session)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_reminders() == 1
    assert mail.outbox[0].subject == reminder % {"course": session.course.title}
    assert "/pl/" in mail.outbox[0].body  # its links lead to the Polish pages


def test_the_booking_form_asks_for_a_persons_name_as_every_form_does(db):
    from training.forms import BookingForm

    def name_errors(name):
        form = BookingForm(data={"name": name, "email": "a@example.com", "role": "governor"})
        form.is_valid()
        return form.errors.get("name", [])

    assert name_errors("Zoë O'Brien-Łukasz") == []
    assert name_errors("  Ana   Popescu ") == []
    assert any("letters" in error for error in name_errors("12345"))
    assert any("letters" in error for error in name_errors("<script>"))
