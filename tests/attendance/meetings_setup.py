"""Shared set-up for the targeting support meeting tests (plain functions, not fixtures)."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from attendance.factories import SupportMeetingFactory
from attendance.periods import term_on


def a_week_ahead(hour=10):
    """A moment a week from now, at `hour` local time, and its (year, term)."""
    day = timezone.localdate() + timedelta(days=7)
    moment = timezone.make_aware(datetime.combine(day, time(hour, 0)))
    return moment, term_on(day)


def future_meeting(school, **kwargs):
    moment, (year, term) = a_week_ahead()
    values = {"school": school, "year": year, "term": term, "starts_at": moment}
    values.update(kwargs)
    return SupportMeetingFactory(**values)
