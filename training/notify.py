"""The emails a booker gets. Each goes through portal.emails.send_email, so it leaves
only once the booking change is committed."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override

from portal.emails import send_email

from . import calendar
from .links import manage_url


def _context(booking, **extra):
    return {
        "booking": booking,
        "session": booking.session,
        "course": booking.session.course,
        "manage_url": manage_url(booking),
        **extra,
    }


def _language(booking):
    """The booker's language: the one they booked in (from the worker too, where no
    request says it), else their account's, else the default."""
    user = booking.user
    return booking.language or (user.language if user else "") or settings.LANGUAGE_CODE


def _send(booking, subject, template, attachments=None, **extra):
    with override(_language(booking)):
        send_email(
            booking.email,
            _(subject) % {"course": booking.session.course.title},
            f"training/email/{template}.txt",
            _context(booking, **extra),
            attachments=attachments,
        )


def confirmed(booking):
    _send(
        booking,
        gettext_noop("Place booked: %(course)s"),
        "confirmed",
        [calendar.attachment(booking)],
    )


def waiting(booking):
    _send(booking, gettext_noop("On the waiting list: %(course)s"), "waiting")


def offered(booking):
    _send(
        booking,
        gettext_noop("A place is free for you: %(course)s"),
        "offered",
        accept_url=manage_url(booking, "accept"),
    )


def offer_lapsed(booking):
    _send(booking, gettext_noop("Place offer ended: %(course)s"), "offer_lapsed")


def cancelled(booking):
    _send(booking, gettext_noop("Booking cancelled: %(course)s"), "cancelled")


def moved(booking, old_session):
    _send(
        booking,
        gettext_noop("Booking moved: %(course)s"),
        "moved",
        [calendar.attachment(booking)],
        old_session=old_session,
    )


def reminder(booking):
    _send(booking, gettext_noop("Reminder: %(course)s"), "reminder")


def feedback_request(booking):
    _send(
        booking,
        gettext_noop("How was it? %(course)s"),
        "feedback_request",
        feedback_url=manage_url(booking, "feedback"),
    )


def message_from_admin(booking, subject, message):
    with override(_language(booking)):  # the officer's words as typed, the frame translated
        send_email(
            booking.email,
            subject,
            "training/email/message.txt",
            _context(booking, message=message),
        )
