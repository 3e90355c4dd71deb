"""Half terms, the periods attendance figures are kept for. No Django models here, so
the rules read plainly and test in milliseconds.

A school year is named by the calendar year it starts in: 2025 is 2025/26. Its six half
terms are numbered 1 to 6 (autumn 1 and 2, spring 1 and 2, summer 1 and 2). Figures are
kept for the year to date at the end of each half term, as the council's own exports
and the DfE's publications give them: persistent absence, missing 10% or more of the
sessions so far, cannot be added up from one half term to the next, so each half term's
row says where the year stood then. Half term 6 is the whole year."""

import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

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


def term_on(day):
    """(school year, term number) of the term `day` falls in, or the term that follows a
    holiday: September to December is autumn, January to Easter spring, then summer.
    By month, so that it answers for years the council's term dates do not cover."""
    year = school_year_of(day)
    if day.month >= 9:
        return year, 1
    if day.month <= 3:
        return year, 2
    return year, 3


def school_year_starting(day=None):
    return school_year_of(day or date.today())
