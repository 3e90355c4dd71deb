"""Links in emails: to manage a booking (unguessable, valid only for its booking, and only
until a while after its session), and absolute addresses for them."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from .models import Booking

# A purpose of its own, so no other signed value in the portal passes as a booking link.
SALT = "training.manage-booking"


def manage_token(booking):
    # The same token for the booking's whole life (it is in every email about it); when it
    # stops working depends on the session it is for now (link_expires_at), not on when
    # it was made.
    return signing.Signer(salt=SALT).sign(booking.reference)


def link_expires_at(booking):
    """A link works until this many days after its session ends, long enough for the
    feedback request and the certificate."""
    return booking.session.ends_at + timedelta(days=settings.PORTAL_BOOKING_LINK_DAYS_AFTER)


def link_expired(booking, now=None):
    return (now or timezone.now()) >= link_expires_at(booking)


def booking_for_token(token, include_expired=False):
    """The booking a token was made for, or None for a forged or altered token, or for
    an expired link (unless include_expired, to say it has expired)."""
    try:
        reference = signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature:
        return None
    booking = (
        Booking.objects.select_related("session__course", "school", "feedback")
        .filter(reference=reference)
        .first()
    )
    if booking is not None and not include_expired and link_expired(booking):
        return None
    return booking


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def manage_url(booking, action="manage"):
    return absolute(reverse(f"training:{action}", args=[manage_token(booking)]))
