"""School attendance referrals: attendance figures, the national threshold for a penalty
notice, what a penalty notice would be, and the pupil's UPN check letter.

Sources: DfE "Working together to improve school attendance" (statutory from August 2024)
and the School Attendance (Pupil Registration) (England) Regulations 2024; the year group
from the Education Act 1996 and the National Curriculum's year groups; the UPN check
letter from the DfE's "Unique Pupil Numbers (UPN): A guide for schools and local
authorities" (shared/upn.py). What the rules find is a Finding (a code and its values);
attendance_messages.py words it."""

from dataclasses import dataclass
from datetime import date, timedelta

from shared import upn as upns
from shared.ages import age_on

from .findings import Finding

# Missing this share of possible sessions is persistent, or severe, absence.
PERSISTENT_ABSENCE = 10
SEVERE_ABSENCE = 50
# Unauthorised absence codes that count towards the national threshold.
THRESHOLD_CODES = ("G", "N", "O", "U")

# --- attendance -------------------------------------------------------------------------


@dataclass(frozen=True)
class Attendance:
    possible: int
    attended: int

    @property
    def percent(self):
        return round(100 * self.attended / self.possible, 1) if self.possible else 0.0

    @property
    def absence_percent(self):
        return round(100 - self.percent, 1) if self.possible else 0.0

    @property
    def persistent(self):
        return self.possible > 0 and (self.possible - self.attended) * 100 >= (
            PERSISTENT_ABSENCE * self.possible
        )

    @property
    def severe(self):
        return self.possible > 0 and (self.possible - self.attended) * 100 >= (
            SEVERE_ABSENCE * self.possible
        )


def session_count_problems(possible, attended, by_code):
    """What cannot be true of the session counts: attended above possible, or more
    unauthorised sessions than the sessions missed."""
    if attended > possible:
        return [Finding("attended_above_possible", {"possible": possible})]
    unauthorised, missed = sum(by_code.values()), possible - attended
    if unauthorised > missed:
        return [
            Finding(
                "codes_above_missed",
                {
                    "total": unauthorised,
                    "missed": missed,
                    "possible": possible,
                    "attended": attended,
                },
            )
        ]
    return []


# Each school day has two sessions: the register is taken at the start of the morning
# session and once during the afternoon session (School Attendance (Pupil Registration)
# (England) Regulations 2024, regulation 10(1)).
SESSIONS_PER_DAY = 2


def period_outside_terms(first, last, span):
    """A finding when the period first..last runs outside `span`, the (first, last) days
    the council's published term dates answer for: its school days cannot be counted."""
    if span is not None and (first < span[0] or last > span[1]):
        return Finding("period_outside_terms", {"from": span[0], "to": span[1]})
    return None


def possible_sessions_problem(possible, school_days, first, last):
    """A finding when there are more possible sessions than two for each of the
    `school_days` school days from `first` to `last`."""
    most = SESSIONS_PER_DAY * school_days
    if possible > most:
        return Finding(
            "possible_above_school_days",
            {"days": school_days, "first": first, "last": last, "most": most},
        )
    return None


def absence_findings(attendance, found, weeks):
    """What the figures show, for the officer: attendance, persistent or severe absence,
    and whether `found` (a Threshold over windows of `weeks` school weeks) is met."""
    findings = [
        Finding("attendance", {"percent": attendance.percent, "absent": attendance.absence_percent})
    ]
    if attendance.severe:
        findings.append(Finding("severe_absence", {"percent": SEVERE_ABSENCE}))
    elif attendance.persistent:
        findings.append(Finding("persistent_absence", {"percent": PERSISTENT_ABSENCE}))
    if found.met:
        findings.append(
            Finding(
                "threshold_met",
                {"sessions": found.most_sessions, "weeks": weeks, "start": found.window_start},
            )
        )
    else:
        findings.append(
            Finding("threshold_not_met", {"sessions": found.most_sessions, "weeks": weeks})
        )
    return findings


# --- the dates of the absence -----------------------------------------------------------

SESSIONS_OF_PART = {"morning": 1, "afternoon": 1, "both": 2}


def school_days_between(first, last, is_school_day):
    days = []
    day = first
    while day <= last:
        if is_school_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def sessions_by_day(runs, is_school_day):
    """{school day: sessions} from runs of days (first, last, part, code), counting only
    the codes that count towards the threshold."""
    sessions = {}
    for first, last, part, code in runs:
        if code not in THRESHOLD_CODES:
            continue
        for day in school_days_between(first, last, is_school_day):
            sessions[day] = sessions.get(day, 0) + SESSIONS_OF_PART[part]
    return sessions


def sessions_by_code(runs, is_school_day):
    """{code: sessions} that the runs of days add up to."""
    totals = {}
    for first, last, part, code in runs:
        count = len(school_days_between(first, last, is_school_day)) * SESSIONS_OF_PART[part]
        totals[code] = totals.get(code, 0) + count
    return totals


# --- the national threshold -------------------------------------------------------------


@dataclass(frozen=True)
class Threshold:
    met: bool
    most_sessions: int  # the most unauthorised sessions found in any window
    window_start: date | None  # the Monday starting that window
    window_end: date | None  # the last day of its last school week


def threshold(sessions_on, school_weeks, sessions=10, weeks=10):
    """Were there `sessions` unauthorised sessions within any `weeks` consecutive school
    weeks? `sessions_on` is {day: sessions}; `school_weeks` the Mondays of every week with
    school days, in order. A window may span terms and school years: holidays are not
    school weeks, so they do not count."""
    if not sessions_on or not school_weeks:
        return Threshold(False, 0, None, None)
    per_week = {}
    for day, count in sessions_on.items():
        monday = day - timedelta(days=day.weekday())
        per_week[monday] = per_week.get(monday, 0) + count
    counts = [per_week.get(monday, 0) for monday in school_weeks]
    best, best_start = -1, 0
    for start in range(max(1, len(counts) - weeks + 1)):
        total = sum(counts[start : start + weeks])
        if total > best:
            best, best_start = total, start
    last = school_weeks[min(best_start + weeks, len(school_weeks)) - 1]
    return Threshold(best >= sessions, best, school_weeks[best_start], last + timedelta(days=4))


# --- penalty notices --------------------------------------------------------------------


@dataclass(frozen=True)
class PenaltyOutcome:
    allowed: bool
    number: int  # this would be the parent's first, second... notice for this child
    amount: int | None = None  # to pay, in pounds, within `pay_within_days`
    pay_within_days: int | None = None
    reduced_amount: int | None = None  # a lower amount if paid sooner
    reduced_within_days: int | None = None


def penalty_outcome(previous_notices, amounts):
    """What a penalty notice to this parent for this child would be, given how many they
    had in the last 3 years. `amounts` is settings.PORTAL_PENALTY_NOTICE."""
    number = previous_notices + 1
    if number > amounts["most_notices_in_period"]:
        return PenaltyOutcome(False, number)
    if number == 1:
        return PenaltyOutcome(
            True,
            1,
            amount=amounts["full_amount"],
            pay_within_days=amounts["full_days"],
            reduced_amount=amounts["first_reduced_amount"],
            reduced_within_days=amounts["reduced_days"],
        )
    return PenaltyOutcome(
        True, number, amount=amounts["repeat_amount"], pay_within_days=amounts["full_days"]
    )


def penalty_finding(outcome, amounts):
    """What a penalty notice would be, or why there can be no other, as a finding."""
    if not outcome.allowed:
        most, years = amounts["most_notices_in_period"], amounts["period_years"]
        return Finding("no_more_notices", {"most": most, "years": years})
    if outcome.number == 1:
        return Finding(
            "first_notice",
            {
                "low": outcome.reduced_amount,
                "low_days": outcome.reduced_within_days,
                "high": outcome.amount,
                "high_days": outcome.pay_within_days,
            },
        )
    return Finding("repeat_notice", {"amount": outcome.amount})


# --- the year group ---------------------------------------------------------------------
# Pupils are normally taught with their age group. A school year begins on 1 September
# (the Education Act 1996, section 579, counts it from the first term after July), and the
# pupil's age on the 31 August before it decides the National Curriculum year: 4 is
# Reception, 5 is Year 1 and so on to 17, Year 13 (the key stages by age: Education Act
# 2002, section 82). Some pupils are taught outside it (a summer-born child who started
# Reception a year late, a child moved up or down a year): the school says why.
RECEPTION_AGE = 4
LAST_YEAR = 13  # years are numbered 0 (Reception) to 13


def school_year_cutoff(today):
    """The 31 August before the school year `today` falls in."""
    return date(today.year if today.month >= 9 else today.year - 1, 8, 31)


def year_by_age(born, today):
    """(age on the cutoff, the year group that age puts the pupil in: 0 is Reception)."""
    age = age_on(born, school_year_cutoff(today))
    return age, age - RECEPTION_AGE


def year_group_problem(born, year, today, reason_given):
    """A finding when the year group cannot be the pupil's: younger than Reception, or
    not their age group and the school has not said why."""
    age, expected = year_by_age(born, today)
    cutoff = school_year_cutoff(today)
    if expected < 0:
        return Finding("too_young_for_reception", {"age": age, "cutoff": cutoff})
    if expected == year or reason_given:
        return None
    return Finding(
        "year_group_not_age_group",
        {"age": age, "cutoff": cutoff, "expected": expected, "given": year},
    )


def outside_age_group(born, year, today, reason):
    """For the officer: a pupil taught outside their age group, and the school's reason."""
    _age, expected = year_by_age(born, today)
    if expected == year:
        return None
    return Finding("outside_age_group", {"given": year, "expected": expected, "reason": reason})


# --- unique pupil numbers ---------------------------------------------------------------

CHECK_LETTERS = upns.CHECK_LETTERS
upn_check_letter = upns.check_letter


UPN_FINDINGS = {
    "upn_length": Finding("upn_length"),
    "upn_format": Finding("upn_format"),
    "upn_check_letter": Finding("upn_check_letter"),
}


def upn_problem(upn):
    """None for a valid UPN, or what is wrong: its length, its format or its check letter."""
    return UPN_FINDINGS.get(upns.problem(upn))
