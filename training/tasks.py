"""Scheduled work (django-q2 schedules made in migrations/0002 and 0003): lapsing offers
not taken up, reminders two days before, asking attendees for feedback, and anonymising
bookings past their retention period."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from audit.log import acting_as
from shared.personal_data import ERASED_DOMAIN
from shared.retention import report_line

from . import notify, rules, services
from .models import Booking
from .personal_data import anonymise


def expire_offers():
    return services.lapse_expired_offers()


def send_reminders():
    """Email each booked person once, two days before (recorded on the booking, so a
    second run, or a second worker, sends nothing more)."""
    now = timezone.now()
    due = Booking.objects.filter(
        status=Booking.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        session__starts_at__gt=now,
        session__starts_at__lte=now + timedelta(days=rules.REMINDER_DAYS),
    ).select_related("session__course")
    sent = 0
    for one in due:
        # Claim the reminder first: only one run can flip it from empty.
        if Booking.objects.filter(pk=one.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        ):
            notify.reminder(one)
            sent += 1
    return sent


def request_feedback():
    """After a session, ask each attendee (marked attended on the register) once."""
    now = timezone.now()
    due = Booking.objects.filter(
        attendance=Booking.Attendance.ATTENDED,
        feedback_requested_at__isnull=True,
        feedback__isnull=True,
        session__ends_at__lte=now,
    ).select_related("session__course")
    sent = 0
    for one in due:
        if Booking.objects.filter(pk=one.pk, feedback_requested_at__isnull=True).update(
            feedback_requested_at=now
        ):
            notify.feedback_request(one)
            sent += 1
    return sent


def expired_bookings(now=None):
    """(cut-off, bookings) for sessions that ended before the retention period began and
    still hold the booker's details (not yet anonymised, here or by an erasure)."""
    now = now or timezone.now()
    older_than = now - timedelta(days=settings.PORTAL_RECORD_RETENTION_DAYS["bookings"])
    expired = Booking.objects.filter(session__ends_at__lt=older_than).exclude(
        email__endswith=f"@{ERASED_DOMAIN}"
    )
    return older_than, expired


def purge_expired_bookings(dry_run=False, now=None):
    """Anonymise old bookings. Returns how many were (or would be) anonymised."""
    _older_than, expired = expired_bookings(now)
    if dry_run:
        return expired.count()
    # Anonymised, not deleted: registers, attendance figures and feedback ratings of past
    # sessions still count the places, without saying who took them. The same change as an
    # erasure makes (personal_data.anonymise); each save is logged by audit.log.
    with transaction.atomic(), acting_as("retention purge"):
        bookings = list(expired)
        for one in bookings:
            anonymise(one)
    return len(bookings)


def retention_report(dry_run=False):
    count = purge_expired_bookings(dry_run=dry_run)
    return [report_line("bookings", count, "training booking(s)", "anonymised", dry_run)]
