"""Links in emails: to manage a booking (unguessable, and valid only for its booking),
and absolute addresses for them."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import Booking

# A purpose of its own, so no other signed value in the portal passes as a booking link.
SALT = "training.manage-booking"


def manage_token(booking):
    return signing.Signer(salt=SALT).sign(booking.reference)


def booking_for_token(token):
    """The booking a token was made for, or None for a forged or altered token."""
    try:
        reference = signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature:
        return None
    return (
        Booking.objects.select_related("session__course", "school", "feedback")
        .filter(reference=reference)
        .first()
    )


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def manage_url(booking, action="manage"):
    return absolute(reverse(f"training:{action}", args=[manage_token(booking)]))
