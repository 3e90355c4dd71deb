"""Demo returns, read from returns/demo/returns.yaml: three past periods and the open one,
with a realistic mix of returned, nil and outstanding schools. Dates follow today."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from string import ascii_uppercase

from django.db import transaction
from django.utils import timezone

from portal.demo import demo_email
from portal.models import User
from portal.terms import (
    council_terms,
    next_working_day,
    previous_school_day,
    previous_working_day,
)
from shared.demo_data import load

from .models import ReturnPeriod, ReturnPupil, SchoolReturn


def _pupil(school_return, row, today, **changes):
    row = {**row, **changes}
    starts_on = _school_day(today - timedelta(days=row["started_days_ago"]))
    return ReturnPupil(
        school_return=school_return,
        pupil=row["pupil"],
        year_group=row["year_group"],
        starts_on=starts_on,
        hours_per_week=Decimal(row["hours_per_week"]),
        reason=row["reason"],
        parental_agreement=row["parental_agreement"],
        review_on=_school_day(starts_on + timedelta(days=row["review_after_days"])),
        ends_on=_school_day(starts_on + timedelta(days=row["ends_after_days"])),
        sen=row["sen"],
        social_care=row["social_care"],
    )


def _school_day(day):
    """A timetable starts, is reviewed and ends on a school day: a day in the holidays or at
    a weekend moves back to the last school day before it (never later, so that a review
    the YAML puts within 8 weeks stays within them), or to a working day outside the
    council's known terms."""
    return previous_school_day(day, council_terms()) or previous_working_day(day)


def _sent(school_return, status, when, user):
    school_return.status = status
    school_return.submitted_at = when
    school_return.submitted_by = user
    school_return.save()


def _period(spec, today):
    return ReturnPeriod.objects.create(
        name=spec["name"],
        cadence=spec["cadence"],
        # Opening and due on working days, not at a weekend or on a bank holiday.
        opens_on=previous_working_day(today + timedelta(days=spec["opens_in_days"])),
        due_on=next_working_day(today + timedelta(days=spec["due_in_days"])),
    )


def seed_returns():
    data = load("returns", "returns")
    *past, current = data["periods"]
    if ReturnPeriod.objects.filter(name=current["name"]).exists():
        return f"{len(data['periods'])} return periods (0 new)"
    today = date.today()
    lead = User.objects.filter(email=demo_email("attendance.lead")).first()
    with transaction.atomic():
        for spec in past:
            period = _period(spec, today)
            _fill_past(period, data, lead, today, last=spec is past[-1])
        period = _period(current, today)  # opening carries Alderbrook's pupil over
        _fill_current(period, data, today)
    count = len(data["periods"])
    return f"{count} return periods ({count} new), with the schools' returns"


def _fill_past(period, data, lead, today, last):
    """Past periods: most schools answered (every seventh never did), a few with a pupil."""
    sent_day = previous_working_day(period.due_on - timedelta(days=3))
    sent_on = timezone.make_aware(datetime.combine(sent_day, time(10)))
    returns = sorted(period.returns.select_related("school"), key=lambda r: r.school.urn)
    for index, school_return in enumerate(returns):
        urn = school_return.school.urn
        if urn == data["carried_over"]["school"] and last:
            _pupil(school_return, data["carried_over"], today).save()
            _sent(school_return, SchoolReturn.Status.RETURNED, sent_on, lead)
        elif index % 7 == 6:
            continue  # never answered
        elif urn in data["nil_schools"] or index % 3:
            _sent(school_return, SchoolReturn.Status.NIL, sent_on, None)
        else:
            # Started before the period opened, and ended before the open period.
            row = data["past_pupil"]
            started_days_ago = (today - period.opens_on).days + row["started_days_ago"]
            # Initials only, never a name or a number: a letter for each school.
            pupil = row["pupil"].format(letter=ascii_uppercase[index % 26])
            _pupil(school_return, row, today, pupil=pupil, started_days_ago=started_days_ago).save()
            _sent(school_return, SchoolReturn.Status.RETURNED, sent_on, None)


def _fill_current(period, data, today):
    returns = {r.school.urn: r for r in period.returns.select_related("school")}
    sent_day = previous_working_day(timezone.localdate() - timedelta(days=4))
    sent_on = timezone.make_aware(datetime.combine(sent_day, time(10)))
    for row in data["pupils"]:
        _pupil(returns[row["school"]], row, today).save()
    for urn in {row["school"] for row in data["pupils"]}:
        if urn in data["in_progress_schools"]:
            returns[urn].status = SchoolReturn.Status.IN_PROGRESS
            returns[urn].save()
        else:
            _sent(returns[urn], SchoolReturn.Status.RETURNED, sent_on, None)
    for urn in data["nil_schools"]:
        _sent(returns[urn], SchoolReturn.Status.NIL, sent_on, None)
