"""The booking rules, as plain functions of dates and counts (no Django), so they read
like the policy and test in milliseconds."""

from datetime import timedelta

# A place freed by a cancellation is held this long for the first person waiting.
OFFER_HOURS = 48
# Booked people are reminded this many days before a session starts.
REMINDER_DAYS = 2
# Unless a course says otherwise, bookings can be cancelled or moved until this many
# days before the session starts.
DEFAULT_CHANGE_DEADLINE_DAYS = 2

CLOSED = "closed"
PAST = "past"


def booking_closes_at(starts_at, closes_at=None):
    """Booking closes when the course says, and never later than the start."""
    return min(closes_at, starts_at) if closes_at else starts_at


def why_not_bookable(now, starts_at, closes_at=None):
    """None if a place can be booked now; else PAST or CLOSED."""
    if starts_at <= now:
        return PAST
    if booking_closes_at(starts_at, closes_at) <= now:
        return CLOSED
    return None


def status_for_new_booking(places_taken, capacity):
    """A booking takes a place while one is free; otherwise it joins the waiting list."""
    return "confirmed" if places_taken < capacity else "waiting"


def places_left(places_taken, capacity):
    return max(0, capacity - places_taken)


def change_deadline(starts_at, deadline_days=DEFAULT_CHANGE_DEADLINE_DAYS):
    return starts_at - timedelta(days=deadline_days)


def may_change(now, starts_at, deadline_days=DEFAULT_CHANGE_DEADLINE_DAYS):
    """Cancelling or moving is open until the course's deadline before the start."""
    return now < change_deadline(starts_at, deadline_days)


def offer_expires_at(now):
    return now + timedelta(hours=OFFER_HOURS)


def reminder_due(now, starts_at):
    """A session starting within the reminder window (and not yet started)."""
    return now < starts_at <= now + timedelta(days=REMINDER_DAYS)
