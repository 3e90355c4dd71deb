"""Booking, cancelling, moving and the waiting list.

Every change that takes or frees a place locks the session's row first (select_for_update
in one transaction), so two people can never both take the last place: on PostgreSQL the
second waits for the first to commit; SQLite serialises all writes anyway."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from . import notify, rules
from .models import Booking, Session


class BookingRefused(Exception):
    """Why a booking or change cannot be made; `reason` is one of the codes below."""

    PAST = rules.PAST
    CLOSED = rules.CLOSED
    ALREADY_BOOKED = "already_booked"
    AFTER_DEADLINE = "after_deadline"
    FULL = "full"
    NOT_OFFERED = "not_offered"
    OFFER_LAPSED = "offer_lapsed"
    NOT_SAME_COURSE = "not_same_course"

    def __init__(self, reason, booking=None):
        super().__init__(reason)
        self.reason = reason
        self.booking = booking


def _locked_session(session_id):
    # of=("self",): lock the session's row only, not the course page's rows it joins.
    return (
        Session.objects.select_for_update(of=("self",)).select_related("course").get(pk=session_id)
    )


def _places_taken(session):
    return session.bookings.holding_place().count()


def book(session_id, *, name, email, role, school=None, needs="", user=None, request_key=""):
    """Book a place, or a place on the waiting list when the session is full. The same
    request_key again (a double click, two tabs) gives back the booking it made."""
    email = email.strip().lower()
    with transaction.atomic():
        session = _locked_session(session_id)
        existing = session.bookings.active().filter(email=email).first()
        if existing and request_key and existing.request_key == request_key:
            return existing  # before the checks: booking closing since changes nothing
        reason = session.why_not_bookable()
        if reason:
            raise BookingRefused(reason)
        if existing:
            raise BookingRefused(BookingRefused.ALREADY_BOOKED, existing)
        status = rules.status_for_new_booking(_places_taken(session), session.capacity)
        booking = Booking.objects.create(
            session=session,
            name=name,
            email=email,
            role=role,
            school=school,
            needs=needs,
            user=user if getattr(user, "is_authenticated", False) else None,
            language=get_language() or "",
            status=status,
            request_key=request_key,
        )
        if status == Booking.Status.CONFIRMED:
            notify.confirmed(booking)
        else:
            notify.waiting(booking)
    return booking


def offer_free_places(session):
    """Offer each free place to the next person waiting, in the order they joined. Call
    with the session's row locked."""
    free = rules.places_left(_places_taken(session), session.capacity)
    if free <= 0 or session.why_not_bookable():
        return []
    offered = list(
        session.bookings.filter(status=Booking.Status.WAITING).order_by("created_at", "pk")[:free]
    )
    expires = rules.offer_expires_at(timezone.now())
    for booking in offered:
        booking.status = Booking.Status.OFFERED
        booking.offer_expires_at = expires
        booking.save(update_fields=["status", "offer_expires_at", "updated_at"])
        booking.session = session
        notify.offered(booking)
    return offered


def _check_deadline(booking):
    course = booking.session.course
    if not rules.may_change(timezone.now(), booking.session.starts_at, course.change_deadline_days):
        raise BookingRefused(BookingRefused.AFTER_DEADLINE, booking)


def cancel(booking):
    """Cancel a booking (or leave the waiting list); a freed place goes to the next
    person waiting."""
    with transaction.atomic():
        session = _locked_session(booking.session_id)
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        booking.session = session
        if booking.status not in Booking.ACTIVE:
            return booking
        # Leaving the waiting list is always allowed; giving up a place has a deadline.
        if booking.holds_place:
            _check_deadline(booking)
        booking.status = Booking.Status.CANCELLED
        booking.offer_expires_at = None
        booking.save(update_fields=["status", "offer_expires_at", "updated_at"])
        notify.cancelled(booking)
        offer_free_places(session)
    return booking


def accept_offer(booking):
    with transaction.atomic():
        session = _locked_session(booking.session_id)
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        booking.session = session
        if booking.status == Booking.Status.CONFIRMED:
            return booking  # a second click on the same link
        if booking.status != Booking.Status.OFFERED:
            raise BookingRefused(BookingRefused.NOT_OFFERED, booking)
        if booking.offer_expires_at <= timezone.now() or session.why_not_bookable():
            raise BookingRefused(BookingRefused.OFFER_LAPSED, booking)
        booking.status = Booking.Status.CONFIRMED
        booking.offer_expires_at = None
        booking.save(update_fields=["status", "offer_expires_at", "updated_at"])
        notify.confirmed(booking)
    return booking


def move(booking, new_session_id):
    """Move a booked place to another session of the same course that has a free place."""
    with transaction.atomic():
        # Lock both sessions in id order, so two moves the other way cannot deadlock.
        ids = sorted({booking.session_id, int(new_session_id)})
        locked = {
            s.pk: s
            for s in Session.objects.select_for_update(of=("self",))
            .select_related("course")
            .filter(pk__in=ids)
            .order_by("pk")
        }
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.session_id == int(new_session_id) and booking.status in Booking.ACTIVE:
            booking.session = locked[booking.session_id]
            return booking  # moved there already: a second click, or two tabs
        old, new = locked.get(booking.session_id), locked.get(int(new_session_id))
        if old is None:  # moved elsewhere meanwhile: choose again from where it is now
            raise BookingRefused(BookingRefused.NOT_SAME_COURSE, booking)
        booking.session = old
        if new is None or new.course_id != old.course_id or new.pk == old.pk:
            raise BookingRefused(BookingRefused.NOT_SAME_COURSE, booking)
        if booking.status != Booking.Status.CONFIRMED:
            raise BookingRefused(BookingRefused.NOT_OFFERED, booking)
        _check_deadline(booking)
        reason = new.why_not_bookable()
        if reason:
            raise BookingRefused(reason, booking)
        if new.bookings.active().filter(email=booking.email).exists():
            raise BookingRefused(BookingRefused.ALREADY_BOOKED, booking)
        if _places_taken(new) >= new.capacity:
            raise BookingRefused(BookingRefused.FULL, booking)
        booking.session = new
        booking.reminder_sent_at = None
        booking.save(update_fields=["session", "reminder_sent_at", "updated_at"])
        notify.moved(booking, old)
        offer_free_places(old)
    return booking


def lapse_expired_offers(now=None):
    """Offers not taken up in time lapse, and the place goes to the next person waiting.
    Returns how many lapsed."""
    now = now or timezone.now()
    session_ids = set(
        Booking.objects.filter(
            status=Booking.Status.OFFERED, offer_expires_at__lte=now
        ).values_list("session_id", flat=True)
    )
    lapsed = 0
    for session_id in session_ids:
        with transaction.atomic():
            session = _locked_session(session_id)
            expired = list(
                session.bookings.select_for_update().filter(
                    status=Booking.Status.OFFERED, offer_expires_at__lte=now
                )
            )
            for booking in expired:
                booking.status = Booking.Status.LAPSED
                booking.save(update_fields=["status", "updated_at"])
                booking.session = session
                notify.offer_lapsed(booking)
            lapsed += len(expired)
            offer_free_places(session)
    return lapsed
