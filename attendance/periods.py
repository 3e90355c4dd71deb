"""Half terms, the periods attendance figures are kept for, and terms, the periods of
targeting support meetings (the council's own term dates, portal/terms.py, where it has
published them). No Django models here, so the rules read plainly and test quickly.

A school year is named by the calendar year it starts in: 2025 is 2025/26. Its six half
terms are numbered 1 to 6 (autumn 1 and 2, spring 1 and 2, summer 1 and 2). Figures are
kept for the year to date at the end of each half term, as the council's own exports
and the DfE's publications give them: persistent absence, missing 10% or more of the
sessions so far, cannot be added up from one half term to the next, so each half term's
row says where the year stood then. Half term 6 is the whole year."""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.terms import council_terms, published_span, term_index

HALVES = (1, 2, 3, 4, 5, 6)
HALF_NAMES = {
    1: _("Autumn 1"),
    2: _("Autumn 2"),
    3: _("Spring 1"),
    4: _("Spring 2"),
    5: _("Summer 1"),
    6: _("Summer 2"),
}
# Terms are numbered 1 to 3; each holds two half terms.
TERM_NAMES = {1: _("Autumn term"), 2: _("Spring term"), 3: _("Summer term")}

_YEAR = re.compile(r"^\s*(\d{4})\s*(?:[/-]\s*(\d{2}|\d{4}))?\s*$")
_DFE_YEAR = re.compile(r"^\s*(\d{4})(\d{2})\s*$")  # the DfE's time_period: 202425


def year_label(year):
    """2025 -> "2025/26"."""
    return f"{year}/{(year + 1) % 100:02d}"


def parse_year(text):
    """The starting year of a school year written as 2025/26, 2025-26, 2025/2026, 202526
    or 2025; None when it is not a school year (2025/27, 20xx, 1890)."""
    text = str(text or "")
    match = _DFE_YEAR.match(text) or _YEAR.match(text)
    if not match:
        return None
    first = int(match.group(1))
    second = match.group(2)
    if second is not None:
        following = int(second)
        if following != (first + 1) % (100 if len(second) == 2 else 10_000):
            return None
    if not 1990 <= first <= 2100:
        return None
    return first


def term_of(half):
    return (half + 1) // 2


@dataclass(frozen=True, order=True)
class HalfTerm:
    year: int
    half: int

    def __str__(self):
        return gettext("%(half)s %(year)s") % {
            "half": HALF_NAMES[self.half],
            "year": year_label(self.year),
        }

    @property
    def term(self):
        return term_of(self.half)

    @property
    def year_label(self):
        return year_label(self.year)

    def previous(self):
        return HalfTerm(self.year, self.half - 1) if self.half > 1 else HalfTerm(self.year - 1, 6)

    def next(self):
        return HalfTerm(self.year, self.half + 1) if self.half < 6 else HalfTerm(self.year + 1, 1)


def school_year_of(day):
    """The school year (its starting calendar year) that `day` falls in: from 1 September
    to 31 August."""
    return day.year if day.month >= 9 else day.year - 1


# A term's months, for years whose dates the council has not published: autumn is
# September to December, spring January to March, summer April to August.
TERM_MONTHS = {1: (9, 12), 2: (1, 3), 3: (4, 8)}


def _term_by_month(day):
    return next(term for term, (first, last) in TERM_MONTHS.items() if first <= day.month <= last)


def _council_term(year, term):
    """The council's published dates of this term (settings.PORTAL_TERMS), or None."""
    for known in council_terms():
        if school_year_of(known.starts) == year and _term_by_month(known.starts) == term:
            return known
    return None


def term_span(year, term):
    """(first day, last day) of a term of school year `year`: the council's published
    dates (its half term included); for years it has not published, the term's months."""
    known = _council_term(year, term)
    if known is not None:
        return known.starts, known.ends
    first_month, last_month = TERM_MONTHS[term]
    calendar_year = year if term == 1 else year + 1
    last_day = calendar.monthrange(calendar_year, last_month)[1]
    return date(calendar_year, first_month, 1), date(calendar_year, last_month, last_day)


# The usual last day of each half term (month, day), for years whose dates the council
# has not published.
HALF_ENDS = {1: (10, 24), 2: (12, 19), 3: (2, 13), 4: (3, 27), 5: (5, 22), 6: (7, 22)}


def half_term_ends(year, half):
    """The last day of half term `half` of school year `year`: the council's published
    date, else the usual one."""
    known = _council_term(year, term_of(half))
    if known is not None:
        return known.halves[(half - 1) % 2][1]
    month, day = HALF_ENDS[half]
    return date(year if month >= 9 else year + 1, month, day)


def in_term(day, year, term):
    first, last = term_span(year, term)
    return first <= day <= last


def term_on(day):
    """(school year, term number) of the term `day` falls in, or of the term that follows
    when it falls in a holiday between terms, as portal.terms.term_index answers: from
    the council's term dates where they cover the day, else by month."""
    terms = council_terms()
    span = published_span(terms)
    if span and span[0] <= day <= span[1]:
        index = term_index(day, terms)
        if index is not None:
            starts = terms[index].starts
            return school_year_of(starts), _term_by_month(starts)
    return school_year_of(day), _term_by_month(day)
