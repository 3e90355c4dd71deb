"""Scheduled work (django-q2 schedules made in migrations/0002): lapsing offers not
taken up, reminders two days before, and asking attendees for feedback."""

from datetime import timedelta

from django.utils import timezone

from . import booking, notify, rules
from .models import Booking


def expire_offers():
    return booking.lapse_expired_offers()


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
