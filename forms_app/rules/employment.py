"""Child employment: what a child may work, by age. Children and Young Persons Act 1933
s18 and the model byelaws (limits in EmploymentLimits, so the national changes coming with
the Children's Wellbeing and Schools Act 2026 s28 are a settings change, not a code change).

A working pattern is a list of WorkDay entries for one typical week; check_week returns
every breach, each a Finding named for the rule it breaks (words: employment_messages.py).
"""

from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

from shared.ages import age_on

from .clock import minutes_between
from .findings import Finding


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
        return minutes_between(self.start, self.end) / 60


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


def birthday(birth_date, age):
    """The day a child turns `age`."""
    try:
        return birth_date.replace(year=birth_date.year + age)
    except ValueError:  # born on 29 February
        return date(birth_date.year + age, 3, 1)


def _who(age):
    return "under_15" if age < 15 else "15_or_over"


def check_age(birth_date, on_date, light_work, limits=EmploymentLimits()):
    """Is the child old enough on `on_date` for this work (light work on the byelaws' list,
    or any other)?"""
    age = age_on(birth_date, on_date)
    youngest = limits.light_work_minimum_age
    if age < youngest:
        return [
            Finding(
                "too_young",
                {"age": age, "youngest": youngest, "birthday": birthday(birth_date, youngest)},
            )
        ]
    if age < limits.minimum_age and not light_work:
        return [Finding("light_work_only", {"age": age, "minimum": limits.minimum_age})]
    return []


def check_job(job, limits=EmploymentLimits()):
    if job in limits.prohibited_jobs:
        return [Finding("prohibited_job")]
    return []


def _check_day(day, age, limits):
    breaches = []
    for shift in day.shifts:
        if minutes_between(shift.start, shift.end) <= 0:
            breaches.append(Finding("shift_order", {"day": day.name}))
            continue
        if shift.start < limits.earliest:
            breaches.append(Finding("earliest", {"day": day.name, "earliest": limits.earliest}))
        if shift.end > limits.latest:
            breaches.append(Finding("latest", {"day": day.name, "latest": limits.latest}))
        if shift.hours > limits.hours_before_break:
            breaches.append(_break(day, limits))
    _check_breaks_between_shifts(day, limits, breaches)
    if day.kind is DayKind.SCHOOL_DAY:
        breaches += _check_school_day(day, limits)
    elif day.kind is DayKind.SUNDAY and limits.sunday_hours is not None:
        if day.hours > limits.sunday_hours:
            breaches.append(
                Finding("sunday_hours", {"day": day.name, "sunday": limits.sunday_hours})
            )
    else:
        cap = limits.other_day_hours_under_15 if age < 15 else limits.other_day_hours_15_plus
        if day.hours > cap:
            breaches.append(
                Finding("other_day_hours", {"day": day.name, "who": _who(age), "day_cap": cap})
            )
    return breaches


def _break(day, limits):
    return Finding(
        "break",
        {
            "day": day.name,
            "before_break": limits.hours_before_break,
            "break_minutes": limits.break_minutes,
        },
    )


def _check_breaks_between_shifts(day, limits, breaches):
    """Two shifts with a short gap are one stretch of work for the break rule."""
    ordered = sorted(day.shifts, key=lambda s: s.start)
    stretch = 0
    for previous, shift in zip([None, *ordered], ordered, strict=False):
        gap = minutes_between(previous.end, shift.start) if previous else None
        stretch = (
            shift.hours if gap is None or gap >= limits.break_minutes else stretch + shift.hours
        )
        if stretch > limits.hours_before_break and gap is not None and gap < limits.break_minutes:
            breaches.append(_break(day, limits))
            return


def _check_school_day(day, limits):
    breaches = []
    if day.hours > limits.school_day_hours:
        breaches.append(
            Finding("school_day_hours", {"day": day.name, "school_day": limits.school_day_hours})
        )
    if day.school_start and day.school_end:
        before_school = 0
        for shift in day.shifts:
            if shift.start < day.school_end and shift.end > day.school_start:
                breaches.append(
                    Finding(
                        "school_hours",
                        {
                            "day": day.name,
                            "school_start": day.school_start,
                            "school_end": day.school_end,
                        },
                    )
                )
            elif shift.end <= day.school_start:
                before_school += shift.hours
        # The byelaws limit the hours worked before school (at most one), not how long
        # before the bell the work ends: 7am to 8am before an 8:45 start is lawful.
        if before_school > limits.before_school_hours:
            breaches.append(
                Finding(
                    "before_school", {"day": day.name, "before_school": limits.before_school_hours}
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
            Finding("school_week_hours", {"school_week": limits.school_week_hours, "total": total})
        )
    if not term_time:
        cap = limits.holiday_week_hours_under_15 if age < 15 else limits.holiday_week_hours_15_plus
        if total > cap:
            breaches.append(
                Finding(
                    "holiday_week_hours", {"who": _who(age), "holiday_week": cap, "total": total}
                )
            )
    return list(dict.fromkeys(breaches))  # each breach once, in order
