"""The emails a booker gets. Each goes through portal.emails.send_email, so it leaves
only once the booking change is committed."""

from django.utils.translation import gettext as _

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


def _send(booking, subject, template, attachments=None, **extra):
    send_email(
        booking.email,
        subject % {"course": booking.session.course.title},
        f"training/email/{template}.txt",
        _context(booking, **extra),
        attachments=attachments,
    )


def confirmed(booking):
    _send(booking, _("Place booked: %(course)s"), "confirmed", [calendar.attachment(booking)])


def waiting(booking):
    _send(booking, _("On the waiting list: %(course)s"), "waiting")


def offered(booking):
    _send(
        booking,
        _("A place is free for you: %(course)s"),
        "offered",
        accept_url=manage_url(booking, "accept"),
    )


def offer_lapsed(booking):
    _send(booking, _("Place offer ended: %(course)s"), "offer_lapsed")


def cancelled(booking):
    _send(booking, _("Booking cancelled: %(course)s"), "cancelled")


def moved(booking, old_session):
    _send(
        booking,
        _("Booking moved: %(course)s"),
        "moved",
        [calendar.attachment(booking)],
        old_session=old_session,
    )


def reminder(booking):
    _send(booking, _("Reminder: %(course)s"), "reminder")


def feedback_request(booking):
    _send(
        booking,
        _("How was it? %(course)s"),
        "feedback_request",
        feedback_url=manage_url(booking, "feedback"),
    )


def message_from_admin(booking, subject, message):
    send_email(
        booking.email,
        subject,
        "training/email/message.txt",
        _context(booking, message=message),
    )
