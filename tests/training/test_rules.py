from datetime import UTC, datetime, timedelta

from training import rules

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def test_a_session_can_be_booked_until_booking_closes():
    starts = NOW + timedelta(days=3)
    assert rules.why_not_bookable(NOW, starts) is None
    assert rules.why_not_bookable(NOW, starts, NOW + timedelta(hours=1)) is None
    assert rules.why_not_bookable(NOW, starts, NOW - timedelta(minutes=1)) == rules.CLOSED


def test_a_started_or_past_session_cannot_be_booked():
    assert rules.why_not_bookable(NOW, NOW) == rules.PAST
    assert rules.why_not_bookable(NOW, NOW - timedelta(days=1)) == rules.PAST


def test_booking_never_closes_after_the_start():
    starts = NOW + timedelta(days=1)
    assert rules.booking_closes_at(starts, starts + timedelta(days=2)) == starts


def test_places_are_taken_until_capacity_then_the_waiting_list():
    assert rules.status_for_new_booking(4, 5) == "confirmed"
    assert rules.status_for_new_booking(5, 5) == "waiting"
    assert rules.places_left(7, 5) == 0


def test_changes_are_allowed_until_the_deadline():
    starts = NOW + timedelta(days=2, hours=1)
    assert rules.may_change(NOW, starts, 2)
    assert not rules.may_change(NOW, starts, 3)
    assert not rules.may_change(NOW, NOW + timedelta(days=2), 2)


def test_an_offer_is_held_for_48_hours():
    assert rules.offer_expires_at(NOW) == NOW + timedelta(hours=48)


def test_reminders_fall_due_two_days_before():
    assert rules.reminder_due(NOW, NOW + timedelta(days=1))
    assert rules.reminder_due(NOW, NOW + timedelta(days=2))
    assert not rules.reminder_due(NOW, NOW + timedelta(days=2, minutes=1))
    assert not rules.reminder_due(NOW, NOW - timedelta(minutes=1))
