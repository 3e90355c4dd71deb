"""Bookings for sessions that ended longer ago than the retention period are anonymised:
the place, the attendance mark and the rating stay; who it was goes."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from audit.models import AuditEvent
from portal.factories import UserFactory
from training.models import Booking, Feedback, Session
from training.tasks import purge_expired_bookings

pytestmark = pytest.mark.django_db

DAYS = 100


@pytest.fixture(autouse=True)
def _retention(settings):
    settings.PORTAL_RECORD_RETENTION_DAYS = {
        **settings.PORTAL_RECORD_RETENTION_DAYS,
        "bookings": DAYS,
    }


def ended(course, days_ago, now):
    end = now - timedelta(days=days_ago)
    return Session.objects.create(
        course=course, starts_at=end - timedelta(hours=2), ends_at=end, capacity=10
    )


def book(session, name, **kwargs):
    values = {
        "email": f"{name.lower().replace(' ', '.')}@school.example",
        "role": Booking.Role.GOVERNOR,
        "status": Booking.Status.CONFIRMED,
        "needs": "Step-free access",
    }
    values.update(kwargs)
    return Booking.objects.create(session=session, name=name, **values)


def test_old_bookings_are_anonymised_and_recent_ones_kept(course, school):
    now = timezone.now()
    old_session = ended(course, DAYS + 1, now)
    edge_session = ended(course, DAYS - 1, now)
    old = book(
        old_session,
        "Ann Old",
        attendance=Booking.Attendance.ATTENDED,
        school=school,
        user=UserFactory(email="ann@school.example"),
    )
    Feedback.objects.create(booking=old, rating=4, comments="Ann found it useful")
    cancelled = book(old_session, "Bob Cancelled", status=Booking.Status.CANCELLED)
    edge = book(edge_session, "Cat Recent")

    assert purge_expired_bookings(now=now) == 2

    old.refresh_from_db()
    assert (old.name, old.email, old.needs, old.user) == (
        "(erased)",
        f"erased-{old.pk}@erased.invalid",
        "",
        None,
    )
    # What the registers and feedback averages need stays.
    assert (old.attendance, old.school, old.status) == (
        Booking.Attendance.ATTENDED,
        school,
        Booking.Status.CONFIRMED,
    )
    assert old.reference.startswith("TRN-")
    feedback = Feedback.objects.get(booking=old)
    assert (feedback.rating, feedback.comments) == (4, "")
    cancelled.refresh_from_db()
    assert cancelled.email == f"erased-{cancelled.pk}@erased.invalid"
    edge.refresh_from_db()
    assert (edge.name, edge.needs) == ("Cat Recent", "Step-free access")

    events = AuditEvent.objects.filter(actor_label="retention purge")
    assert sorted(events.values_list("action", "label")) == sorted(
        [("changed", old.reference), ("changed", cancelled.reference)]
    )
    assert all("email" in e.detail and "name" in e.detail for e in events)
    assert not events.filter(detail__icontains="Ann").exists()
    assert purge_expired_bookings(now=now) == 0  # already anonymised: not again


def test_a_dry_run_counts_and_changes_nothing(course, capsys):
    old = book(ended(course, DAYS + 10, timezone.now()), "Ann Old")
    call_command("retention_purge", "--dry-run")
    assert "bookings: 1 training booking(s) would be anonymised" in capsys.readouterr().out
    old.refresh_from_db()
    assert old.name == "Ann Old"
    assert not AuditEvent.objects.filter(actor_label="retention purge").exists()


def test_the_worker_runs_it_daily():
    from django_q.models import Schedule

    assert Schedule.objects.filter(
        func="training.tasks.purge_expired_bookings", schedule_type=Schedule.DAILY
    ).exists()
