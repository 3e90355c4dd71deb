"""The council's term dates (settings.PORTAL_TERMS) as dates, and the questions the rules
ask of them: is this a school day, which term is this, which weeks were school weeks."""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from django.conf import settings


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
        return day.weekday() < 5 and any(first <= day <= last for first, last in self.halves)


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


def week_start(day):
    return day - timedelta(days=day.weekday())


def school_weeks(terms):
    """Mondays of the weeks with at least one school day, in order."""
    weeks = set()
    for term in terms:
        for first, last in term.halves:
            monday = week_start(first)
            while monday <= last:
                weeks.add(monday)
                monday += timedelta(weeks=1)
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
