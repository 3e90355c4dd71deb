"""The demo's training sessions fall on working days, and a school staff course's in term
on school days, whatever day the demo is seeded on (training/demo.py)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.terms import council_terms, in_term, is_bank_holiday, is_school_day, working_day
from shared.demo_data import load
from training.demo import seed_training, session_days
from training.models import Booking, CoursePage, Session

# Christmas Eve, New Year's Eve, the Friday after Good Friday in the Easter holidays, a
# Sunday in term, the Saturday of a May bank holiday weekend, the start of half term.
HARD_DAYS = [
    date(2026, 12, 24),
    date(2026, 12, 31),
    date(2027, 4, 2),
    date(2027, 1, 10),
    date(2027, 5, 1),
    date(2026, 10, 23),
]


def check(today):
    """Every course's session days for a demo seeded on `today`, each as it should be."""
    terms = council_terms()
    for spec in load("training", "courses")["courses"]:
        days = session_days(spec, today, terms)
        assert days == sorted(days) and len(set(days)) == len(days), spec["slug"]
        for row, day in zip(spec["sessions"], days, strict=True):
            where = (spec["slug"], row["days"], day)
            assert working_day(day), where
            # A past session stays past, an upcoming one upcoming: no further than a
            # half term or the days round Christmas away.
            assert (day < today) == (row["days"] < 0), where
            assert abs((day - (today + timedelta(days=row["days"]))).days) <= 10, where
            if spec.get("term_time") and in_term(today + timedelta(days=row["days"]), terms):
                assert is_school_day(day, terms), where


@pytest.mark.parametrize("today", HARD_DAYS)
def test_sessions_are_on_working_days_whatever_today_is(today):
    check(today)


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=date(2025, 11, 1), max_value=date(2028, 4, 30)))
def test_sessions_are_on_working_days_on_any_day_within_the_council_terms(today):
    check(today)


def test_school_staff_courses_are_marked_for_term_time():
    """The courses for staff in school are placed by the term dates; the governors' evening
    course and the partners' course are not."""
    courses = {spec["slug"]: spec for spec in load("training", "courses")["courses"]}
    assert courses["registers-and-attendance-codes"].get("term_time")
    assert not courses["governors-and-attendance"].get("term_time")
    assert not courses["partners-around-the-school"].get("term_time")


@pytest.mark.parametrize("today", [date(2026, 12, 24), date(2027, 4, 2)])
def test_the_seeded_sessions_keep_their_registers_and_places(home, today):
    from portal.demo import seed_accounts, seed_schools

    seed_schools()
    seed_accounts()
    seed_training(today=today)
    sessions = Session.objects.all()
    assert sessions.count() == sum(
        len(spec["sessions"]) for spec in load("training", "courses")["courses"]
    )
    for session in sessions:
        starts = timezone.localtime(session.starts_at)
        assert working_day(starts.date()) and not is_bank_holiday(starts.date()), starts
        assert starts.hour in (9, 10, 12, 13, 14, 15, 18)  # the times the YAML gives
        bookings = Booking.objects.filter(session=session)
        assert all(booking.created_at < session.starts_at for booking in bookings)
        if starts.date() < today:  # a register marked, and feedback asked for
            assert bookings.filter(attendance=Booking.Attendance.ATTENDED).exists()
            assert session.booking_closes_at is None or session.booking_closes_at < starts
        else:
            assert not bookings.exclude(attendance=Booking.Attendance.UNKNOWN).exists()
            if session.booking_closes_at:
                assert today < timezone.localtime(session.booking_closes_at).date() < starts.date()
    assert CoursePage.objects.count() == len(load("training", "courses")["courses"])
