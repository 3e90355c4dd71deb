"""Child performance licences and chaperones: The Children (Performances and Activities)
(England) Regulations 2014."""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from shared.ages import age_on

from .findings import Finding

# The council may refuse an application made less than this many days before the first
# performance (reg. 5).
NOTICE_DAYS = 21
# "The 4-day rule": no licence is needed for a child who performs on no more than this many
# days in six months, is not paid and misses no school (Children and Young Persons Act 1963 s37(3)).
EXEMPT_DAYS_IN_SIX_MONTHS = 4
PRIVATE_TUTOR_HOURS_PER_DAY = 3
# A chaperone's minimum age and the oldest DBS certificate the council accepts are the
# council's own (settings PORTAL_CHAPERONE_MINIMUM_AGE, PORTAL_CHAPERONE_DBS_MAX_AGE_YEARS).
CHAPERONE_MAX_CHILDREN = 12
CHAPERONE_APPROVAL_YEARS = 3


@dataclass(frozen=True)
class Exemption:
    exempt: bool
    reason: Finding  # why (words: performance_messages.py)


def licence_exemption(paid, misses_school, days_in_last_six_months, body_of_persons_approval):
    """Does this performance need a licence? `days_in_last_six_months` counts the days the
    child has already performed, not counting this performance."""
    if body_of_persons_approval:
        return Exemption(True, Finding("body_of_persons"))
    if paid:
        return Exemption(False, Finding("paid"))
    if misses_school:
        return Exemption(False, Finding("misses_school"))
    if days_in_last_six_months + 1 > EXEMPT_DAYS_IN_SIX_MONTHS:
        return Exemption(False, Finding("too_many_days", {"days": EXEMPT_DAYS_IN_SIX_MONTHS}))
    return Exemption(True, Finding("within_exempt_days", {"days": EXEMPT_DAYS_IN_SIX_MONTHS}))


def short_notice(first_performance, applied_on):
    """True when the council may refuse because the application is late."""
    return first_performance - applied_on < timedelta(days=NOTICE_DAYS)


def years_before(day, years):
    """The same day `years` earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def dbs_certificate_problem(issued, today, on_update_service, max_age_years):
    """Is the enhanced DBS certificate recent enough to approve a chaperone on? The council
    accepts one issued in the last `max_age_years` years (to the day), or any age when it
    is on the DBS update service, where its status can be checked today (local practice,
    matching an approval's 3 years). A Finding when not; else None."""
    if on_update_service or issued >= years_before(today, max_age_years):
        return None
    return Finding("dbs_too_old", {"years": max_age_years})


def chaperone_findings(convictions, on_update_service):
    """What the officer must look at before approving: a declared conviction or caution
    is not a refusal, but it is weighed (Rehabilitation of Offenders Act 1974; the DBS
    filtering rules), and an update service certificate needs its status checked."""
    found = []
    if convictions:
        found.append(Finding("convictions_declared"))
    if on_update_service:
        found.append(Finding("dbs_update_service"))
    return found


def chaperone_approval_ends(approved_on):
    try:
        return approved_on.replace(year=approved_on.year + CHAPERONE_APPROVAL_YEARS)
    except ValueError:  # approved on 29 February
        return approved_on.replace(year=approved_on.year + CHAPERONE_APPROVAL_YEARS, day=28)


# --- Hours at the place of performance (Part 4 and Part 5 of the 2014 Regulations) ---------
#
# The numbers below could not be read from the regulations' own text here: legislation.gov.uk
# was not within reach, and each number was taken from the guidance councils and the sector
# publish about SI 2014/3309 (named by each). Check each against the regulation before relying
# on it: the limits are in this one place so that a correction is one line.


@dataclass(frozen=True)
class AgeBand:
    """The limits for children from their `youngest` birthday until the next band's."""

    youngest: int
    # reg. 21 (earliest and latest times at the place of performance or rehearsal): from
    # birth until 5, 7am to 10pm; from 5 to school leaving age, 7am to 11pm (the bands as the
    # ITC's helpsheet on the 2014 Regulations gives them; the times as the London Borough of
    # Hackney's table gives them, and as the Department's 2014 consultation proposed them).
    earliest: time
    latest: time
    # reg. 22 (attendance at the place and hours of performance): the most hours at the
    # place, the most time performing or rehearsing, and the longest time doing so without a
    # break (Hackney's table: 0-4: 5 hours, 2 hours, 30 minutes; then 8 hours, 3 hours, 2.5
    # hours; then 9.5 hours, 5 hours, 2.5 hours). The middle band is ages 5 to 8 and the
    # last 9 and over: one council's table writes "5 to 9" and "10 to 18", which the sector's
    # summaries do not; check against reg. 22.
    hours_at_place: float
    hours_performing: float
    continuous_minutes: int


@dataclass(frozen=True)
class PerformanceLimits:
    bands: tuple = (
        AgeBand(0, time(7, 0), time(22, 0), 5, 2, 30),
        AgeBand(5, time(7, 0), time(23, 0), 8, 3, 150),
        AgeBand(9, time(7, 0), time(23, 0), 9.5, 5, 150),
    )
    # reg. 23 (breaks on a day of performing or rehearsing), as a theatre technicians' forum
    # (blue-room.org.uk) summarises it, with no official page found to confirm it: a
    # child at the place for more than 4 hours has a meal break of at least 45 minutes and
    # another break of at least 15 minutes; for more than 8 hours, one more 15 minute break.
    meal_break_after_hours: float = 4
    meal_break_minutes: int = 45
    rest_break_minutes: int = 15
    second_rest_break_after_hours: float = 8
    # reg. 24 (minimum breaks overnight): at least 12 hours between leaving the place and
    # coming back the next day (the same forum's summary; the 1968 Regulations had 14).
    overnight_hours: float = 12
    # reg. 26: performances or rehearsals on at most 6 consecutive days (the Wales 2015 and
    # Scotland 2014 Regulations say the same; councils' pages quote it for England).
    consecutive_days: int = 6
    # reg. 28 (night-work): the council may permit a child to be there before the earliest
    # or after the latest time. Its conditions (rest after night work) could not be read
    # here, so the form asks why and flags the application for the officer instead.


@dataclass(frozen=True)
class PerformanceDay:
    """One day at the place of performance or rehearsal: when the child arrives and leaves
    (leaving earlier than arriving means after midnight), and minutes performing."""

    on: date
    arrives: time
    leaves: time
    performing_minutes: int
    longest_minutes: int
    meal_break_minutes: int = 0
    rest_breaks: int = 0  # other breaks of at least the rest break's length

    @property
    def arrival(self):
        return datetime.combine(self.on, self.arrives)

    @property
    def departure(self):
        leaving = datetime.combine(self.on, self.leaves)
        return leaving if leaving > self.arrival else leaving + timedelta(days=1)

    @property
    def hours_at_place(self):
        return (self.departure - self.arrival) / timedelta(hours=1)


def days_from(first, last):
    """Each date from `first` to `last` (the same for one day)."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def band_for(age, limits=PerformanceLimits()):
    return [band for band in limits.bands if age >= band.youngest][-1]


def night_work(day, age, limits=PerformanceLimits()):
    """Is the child there before the earliest or after the latest time for their age (reg.
    21)? That is night work, which only the council's permission allows (reg. 28)."""
    band = band_for(age, limits)
    latest = datetime.combine(day.on, band.latest)
    return day.arrives < band.earliest or day.departure > latest


def _day_findings(day, age, limits):
    band = band_for(age, limits)
    dates = (day.on, day.on)
    found = []
    if day.hours_at_place > band.hours_at_place:
        found.append(
            Finding("hours_at_place", {"dates": dates, "age": age, "limit": band.hours_at_place})
        )
    if day.performing_minutes > band.hours_performing * 60:
        found.append(
            Finding(
                "hours_performing", {"dates": dates, "age": age, "limit": band.hours_performing}
            )
        )
    if day.longest_minutes > band.continuous_minutes:
        found.append(
            Finding("continuous", {"dates": dates, "age": age, "minutes": band.continuous_minutes})
        )
    if day.hours_at_place <= limits.meal_break_after_hours:
        return found
    after, minutes = limits.meal_break_after_hours, limits.rest_break_minutes
    if day.meal_break_minutes < limits.meal_break_minutes:
        found.append(
            Finding(
                "meal_break",
                {"dates": dates, "after": after, "minutes": limits.meal_break_minutes},
            )
        )
    if day.rest_breaks < 1:
        found.append(Finding("rest_break", {"dates": dates, "after": after, "minutes": minutes}))
    elif day.rest_breaks < 2 and day.hours_at_place > limits.second_rest_break_after_hours:
        after = limits.second_rest_break_after_hours
        found.append(
            Finding("second_rest_break", {"dates": dates, "after": after, "minutes": minutes})
        )
    return found


def check_days(days, birth_date, limits=PerformanceLimits()):
    """Every breach in a list of days at the place of performance, each naming its dates
    and the child's age on them (words: performance_messages.py); a breach on a run of
    days is said once for the run. Night work is not a breach: night_work() says where the
    council's permission is needed."""
    found = []
    dates = [day.on for day in days]
    for on in sorted(set(dates)):
        if dates.count(on) > 1:
            found.append(Finding("same_date", {"dates": (on, on)}))
    ordered = sorted(days, key=lambda day: day.arrival)
    for day in ordered:
        found += _day_findings(day, age_on(birth_date, day.on), limits)
    by_date = {day.on: day for day in ordered}
    run, previous = 0, None
    for on in sorted(by_date):
        run = run + 1 if previous and on - previous == timedelta(days=1) else 1
        previous = on
        if run == limits.consecutive_days + 1:
            found.append(
                Finding("consecutive_days", {"dates": (on, on), "days": limits.consecutive_days})
            )
        before = by_date.get(on - timedelta(days=1))
        if before and (by_date[on].arrival - before.departure) < timedelta(
            hours=limits.overnight_hours
        ):
            found.append(Finding("overnight", {"dates": (on, on), "hours": limits.overnight_hours}))
    return _runs_of_days(list(dict.fromkeys(found)))


def _runs_of_days(findings):
    """The same breach on consecutive dates, said once: from the first date to the last."""
    merged = []
    for finding in findings:
        first, last = finding.params["dates"]
        rest = {name: value for name, value in finding.params.items() if name != "dates"}
        for index, earlier in enumerate(merged):
            was_first, was_last = earlier.params["dates"]
            same = (
                earlier.code == finding.code
                and {name: value for name, value in earlier.params.items() if name != "dates"}
                == rest
            )
            if same and first - was_last == timedelta(days=1):
                merged[index] = replace(finding, params={**rest, "dates": (was_first, last)})
                break
        else:
            merged.append(finding)
    return merged
