"""The council's term dates (settings.PORTAL_TERMS) as dates, and the questions the rules
ask of them: is this a school day, which term is this, which weeks were school weeks;
and England's bank holidays, on which neither schools nor the council's offices open."""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.conf import settings

# --- bank holidays -------------------------------------------------------------------------


@lru_cache(maxsize=32)
def england_bank_holidays(year):
    """England's bank holidays in `year`, substitute days included (Christmas Day on a
    Saturday gives the Monday after off). From the `holidays` package, which follows the
    Banking and Financial Dealings Act 1971 and each year's royal proclamations (a
    jubilee, a state funeral), so that no list kept by hand goes out of date."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_bank_holiday(day):
    return day in england_bank_holidays(day.year)


def working_day(day):
    """Monday to Friday and not a bank holiday: a day the council's offices are open."""
    return day.weekday() < 5 and not is_bank_holiday(day)


def next_working_day(day):
    """`day` if it is a working day, else the first working day after it."""
    return _first(day, working_day, timedelta(days=1))


def previous_working_day(day):
    """`day` if it is a working day, else the last working day before it."""
    return _first(day, working_day, timedelta(days=-1))


def _first(day, fits, step, until=None):
    """The first day from `day` (itself included) stepping by `step` that fits, or None
    once past `until`. A fortnight holds a working day, so without `until` it ends."""
    while not fits(day):
        day += step
        if until is not None and (day - until) * step.days > timedelta(0):
            return None
    return day


@dataclass(frozen=True)
class Term:
    name: str
    halves: tuple  # ((first day, last day), (first day, last day))

    @property
    def starts(self):
        return self.halves[0][0]

    @property
    def ends(self):
        return self.halves[-1][1]

    def is_school_day(self, day):
        """A weekday within one of the term's halves that is not a bank holiday (a May
        Day inside the summer half term is not a school day)."""
        return working_day(day) and any(first <= day <= last for first, last in self.halves)


def parse_terms(raw):
    return tuple(
        Term(
            name,
            tuple((date.fromisoformat(first), date.fromisoformat(last)) for first, last in halves),
        )
        for name, halves in raw
    )


@lru_cache(maxsize=4)
def _parsed(raw_key):
    return parse_terms(raw_key)


def council_terms():
    raw = tuple(
        (name, tuple(tuple(half) for half in halves)) for name, halves in settings.PORTAL_TERMS
    )
    return _parsed(raw)


def term_index(day, terms):
    """The index of the term whose dates (holidays within it included) hold `day`, or of
    the next term when `day` falls in a holiday between terms; None after the last."""
    for index, term in enumerate(terms):
        if day <= term.ends:
            return index
    return None


def is_school_day(day, terms):
    return any(term.is_school_day(day) for term in terms)


def next_school_day(day, terms):
    """`day` if it is a school day, else the first school day after it; None when no term
    after it is known."""
    if not terms:
        return None
    last = max(term.ends for term in terms)
    return _first(day, lambda d: is_school_day(d, terms), timedelta(days=1), until=last)


def previous_school_day(day, terms):
    """`day` if it is a school day, else the last school day before it; None when no term
    before it is known."""
    if not terms:
        return None
    first = min(term.starts for term in terms)
    return _first(day, lambda d: is_school_day(d, terms), timedelta(days=-1), until=first)


def in_term(day, terms):
    """Does `day` fall within a term, from its first day to its last (half term included)?"""
    return any(term.starts <= day <= term.ends for term in terms)


def week_start(day):
    return day - timedelta(days=day.weekday())


def school_weeks(terms):
    """Mondays of the weeks with at least one school day, in order."""
    weeks = set()
    for term in terms:
        for first, last in term.halves:
            day = first
            while day <= last:
                if term.is_school_day(day):
                    weeks.add(week_start(day))
                day += timedelta(days=1)
    return sorted(weeks)


def school_days(first, last, terms):
    """How many school days there are from `first` to `last`, both included."""
    count, day = 0, first
    while day <= last:
        count += is_school_day(day, terms)
        day += timedelta(days=1)
    return count


def published_span(terms):
    """The first and last day the council's term dates answer for: its published school
    years, so the summer holiday before the first autumn term and after the last summer
    term count (a school year runs from 1 September to 31 August). None with no terms."""
    if not terms:
        return None
    first, last = terms[0].starts, terms[-1].ends
    if first.month in (8, 9):  # an autumn term: the school year began on 1 September
        first = min(first, date(first.year, 9, 1))
    if last.month in (7, 8):  # a summer term: its school year runs to 31 August
        last = max(last, date(last.year, 8, 31))
    return first, last
