"""Child employment: what a child may work, by age. Children and Young Persons Act 1933
s18 and the model byelaws (limits in EmploymentLimits, so the national changes coming with
the Children's Wellbeing and Schools Act 2026 s28 are a settings change, not a code change).

A working pattern is a list of WorkDay entries for one typical week; check_week returns
every breach, each naming the rule it breaks.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum


class DayKind(StrEnum):
    SCHOOL_DAY = "school_day"
    SATURDAY = "saturday"
    SUNDAY = "sunday"
    HOLIDAY = "holiday"  # a weekday in the school holidays


@dataclass(frozen=True)
class EmploymentLimits:
    minimum_age: int = 14
    light_work_minimum_age: int = 13  # byelaws allow listed light work at 13
    earliest: time = time(7, 0)
    latest: time = time(19, 0)  # 20:00 once CWSA 2026 s28 is in force
    before_school_hours: float = 1
    school_day_hours: float = 2
    school_week_hours: float = 12
    sunday_hours: float | None = 2  # None: no separate Sunday rule
    other_day_hours_under_15: float = 5
    other_day_hours_15_plus: float = 8
    holiday_week_hours_under_15: float = 25
    holiday_week_hours_15_plus: float = 35
    hours_before_break: float = 4
    break_minutes: int = 60
    # Typical byelaw list of work no child may do.
    prohibited_jobs: frozenset = field(
        default_factory=lambda: frozenset(
            {
                "commercial_kitchen",
                "alcohol",
                "fairground",
                "slaughterhouse",
                "refuse",
                "fuel_delivery",
                "door_to_door",
                "height",
                "cinema_nightclub",
                "industrial",
            }
        )
    )


@dataclass(frozen=True)
class Shift:
    start: time
    end: time

    @property
    def hours(self):
        return _minutes_between(self.start, self.end) / 60


@dataclass(frozen=True)
class WorkDay:
    name: str  # how the applicant named it, e.g. "Saturday" or "Monday (term time)"
    kind: DayKind
    shifts: tuple
    school_start: time | None = None  # on school days
    school_end: time | None = None

    @property
    def hours(self):
        return sum(shift.hours for shift in self.shifts)


@dataclass(frozen=True)
class Breach:
    rule: str
    message: str


def age_on(birth_date, on_date):
    years = on_date.year - birth_date.year
    if (on_date.month, on_date.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def _minutes_between(start, end):
    today = date.today()
    return (datetime.combine(today, end) - datetime.combine(today, start)) // timedelta(minutes=1)


def _clock(moment):
    """7am, 7:30pm: the way the byelaws and GOV.UK write times."""
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def _hours(value):
    return f"{value:g} hour{'s' if value != 1 else ''}"


def check_age(age, light_work, limits=EmploymentLimits()):
    if age >= limits.minimum_age:
        return []
    if age >= limits.light_work_minimum_age and light_work:
        return []
    if age >= limits.light_work_minimum_age:
        return [
            Breach(
                "minimum_age",
                f"A child of {age} may only do light work that the byelaws "
                f"list. Children must be {limits.minimum_age} for other work.",
            )
        ]
    return [
        Breach(
            "minimum_age",
            f"A child must be at least {limits.light_work_minimum_age} to "
            f"work, and {limits.minimum_age} for most jobs.",
        )
    ]


def check_job(job, limits=EmploymentLimits()):
    if job in limits.prohibited_jobs:
        return [
            Breach("prohibited_job", "Children may not do this kind of work under the byelaws.")
        ]
    return []


def _check_day(day, age, limits):
    breaches = []
    for shift in day.shifts:
        if _minutes_between(shift.start, shift.end) <= 0:
            breaches.append(
                Breach("shift_order", f"{day.name}: the end time must be after the start time.")
            )
            continue
        if shift.start < limits.earliest:
            breaches.append(
                Breach(
                    "earliest",
                    f"{day.name}: children may not work before {_clock(limits.earliest)}.",
                )
            )
        if shift.end > limits.latest:
            breaches.append(
                Breach(
                    "latest", f"{day.name}: children may not work after {_clock(limits.latest)}."
                )
            )
        if shift.hours > limits.hours_before_break:
            breaches.append(
                Breach(
                    "break",
                    f"{day.name}: after {_hours(limits.hours_before_break)} "
                    f"of work a child must have a break of at least "
                    f"{limits.break_minutes} minutes.",
                )
            )
    _check_breaks_between_shifts(day, limits, breaches)
    if day.kind is DayKind.SCHOOL_DAY:
        breaches += _check_school_day(day, limits)
    elif day.kind is DayKind.SUNDAY and limits.sunday_hours is not None:
        if day.hours > limits.sunday_hours:
            breaches.append(
                Breach(
                    "sunday_hours",
                    f"{day.name}: at most {_hours(limits.sunday_hours)} on a Sunday.",
                )
            )
    else:
        cap = limits.other_day_hours_under_15 if age < 15 else limits.other_day_hours_15_plus
        if day.hours > cap:
            who = "under 15" if age < 15 else "aged 15 or over"
            breaches.append(
                Breach(
                    "other_day_hours",
                    f"{day.name}: a child {who} may work at "
                    f"most {_hours(cap)} on a Saturday or a holiday.",
                )
            )
    return breaches


def _check_breaks_between_shifts(day, limits, breaches):
    """Two shifts with a short gap are one stretch of work for the break rule."""
    ordered = sorted(day.shifts, key=lambda s: s.start)
    stretch = 0
    for previous, shift in zip([None, *ordered], ordered, strict=False):
        gap = _minutes_between(previous.end, shift.start) if previous else None
        stretch = (
            shift.hours if gap is None or gap >= limits.break_minutes else stretch + shift.hours
        )
        if stretch > limits.hours_before_break and gap is not None and gap < limits.break_minutes:
            breaches.append(
                Breach(
                    "break",
                    f"{day.name}: after {_hours(limits.hours_before_break)} "
                    f"of work a child must have a break of at least "
                    f"{limits.break_minutes} minutes.",
                )
            )
            return


def _check_school_day(day, limits):
    breaches = []
    if day.hours > limits.school_day_hours:
        breaches.append(
            Breach(
                "school_day_hours",
                f"{day.name}: at most {_hours(limits.school_day_hours)} on a school day.",
            )
        )
    if day.school_start and day.school_end:
        for shift in day.shifts:
            if shift.start < day.school_end and shift.end > day.school_start:
                breaches.append(
                    Breach(
                        "school_hours", f"{day.name}: children may not work during school hours."
                    )
                )
            elif shift.end <= day.school_start:
                before = _minutes_between(shift.start, day.school_start) / 60
                if shift.hours > limits.before_school_hours or before > limits.before_school_hours:
                    breaches.append(
                        Breach(
                            "before_school",
                            f"{day.name}: at most "
                            f"{_hours(limits.before_school_hours)} of work before "
                            "school.",
                        )
                    )
    return breaches


def check_week(days, age, term_time, limits=EmploymentLimits()):
    """Every breach in one typical week: term time (school week) or holidays."""
    breaches = []
    for day in days:
        breaches += _check_day(day, age, limits)
    total = sum(day.hours for day in days)
    if term_time and total > limits.school_week_hours:
        breaches.append(
            Breach(
                "school_week_hours",
                f"At most {_hours(limits.school_week_hours)} "
                f"in a school week; this pattern has {_hours(total)}.",
            )
        )
    if not term_time:
        cap = limits.holiday_week_hours_under_15 if age < 15 else limits.holiday_week_hours_15_plus
        if total > cap:
            who = "under 15" if age < 15 else "aged 15 or over"
            breaches.append(
                Breach(
                    "holiday_week_hours",
                    f"A child {who} may work at most "
                    f"{_hours(cap)} in a holiday week; this pattern has {_hours(total)}.",
                )
            )
    return list(dict.fromkeys(breaches))  # one message per breach, in order
