"""What each attendance finding (rules/attendance.py) says: to the school making a
referral, and in the findings the officer reads."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from shared import times

from .attendance import LAST_YEAR
from .messages import Catalogue

MESSAGES = {
    # The session counts and the UPN, as the school enters them.
    "attended_above_possible": _(
        "Sessions attended must be no more than the %(possible)s possible sessions"
    ),
    "codes_above_missed": _(
        "The sessions of codes G, N, O and U add up to %(total)s, but the pupil "
        "missed only %(missed)s sessions (%(possible)s possible, %(attended)s "
        "attended). Check the numbers"
    ),
    # The possible sessions against the council's term dates.
    "possible_above_school_days": _(
        "There are %(days)s school days from %(first)s to %(last)s in the council's term "
        "dates. A school day has 2 sessions, so there can be at most %(most)s possible "
        "sessions"
    ),
    "period_outside_terms": _(
        "These dates are outside the term dates the council has published, which cover "
        "%(from)s to %(to)s, so the school days in the period cannot be counted. Give a "
        "period within them"
    ),
    # The year group against the date of birth.
    "too_young_for_reception": _(
        "By this date of birth the pupil was %(age)s on %(cutoff)s, too young for "
        "Reception this school year. Check the date of birth"
    ),
    "year_group_not_age_group": _(
        "By this date of birth the pupil was %(age)s on %(cutoff)s, so their age group is "
        "%(expected)s, not %(given)s. Check the year group and the date of birth, or, if "
        "the pupil is taught outside their age group, say why"
    ),
    "outside_age_group": _(
        "Taught outside their age group: in %(given)s, where their age puts them in "
        "%(expected)s. The school says: %(reason)s"
    ),
    "upn_length": _("The UPN must be 13 characters, like H801200001001"),
    "upn_format": _("The UPN must be a letter, then 11 numbers, then a number or a letter"),
    "upn_check_letter": _(
        "This is not a valid UPN: check each character against the pupil's record"
    ),
    # What the figures show.
    "attendance": _("Attendance %(percent)s%% (absent from %(absent)s%% of sessions)"),
    "severe_absence": _("Severe absence: %(percent)s%% or more of sessions missed"),
    "persistent_absence": _("Persistent absence: %(percent)s%% or more of sessions missed"),
    "threshold_met": _(
        "National threshold met: %(sessions)s unauthorised sessions in the %(weeks)s "
        "school weeks from %(start)s"
    ),
    "threshold_not_met": _(
        "National threshold not met: at most %(sessions)s unauthorised sessions in "
        "any %(weeks)s school weeks"
    ),
    # Penalty notices.
    "first_notice": _(
        "First penalty notice: £%(low)s within %(low_days)s days, £%(high)s "
        "within %(high_days)s days"
    ),
    "repeat_notice": _("Second penalty notice in 3 years: £%(amount)s, no reduction"),
    "no_more_notices": _(
        "This parent has had %(most)s penalty notices for this pupil in the last "
        "%(years)s years, so another cannot be issued. Choose another route, such "
        "as prosecution"
    ),
}


def _day(day):
    return times.day(day)


def year_name(year):
    """0 is Reception, 1 to 13 are Year 1 to Year 13; past 13, said as such."""
    if year == 0:
        return gettext("Reception")
    if year > LAST_YEAR:
        return gettext("beyond Year 13")
    return gettext("Year %(year)s") % {"year": year}


CATALOGUE = Catalogue(
    MESSAGES,
    readings={
        "start": times.day,
        "first": _day,
        "last": _day,
        "from": _day,
        "to": _day,
        "cutoff": _day,
        "expected": year_name,
        "given": year_name,
    },
)
say = CATALOGUE.say
