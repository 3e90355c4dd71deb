"""Why a child does or does not need a performance licence, what each breach of the
hours at the place of performance says (rules/performance.py), naming the regulation of the
Children (Performances and Activities) (England) Regulations 2014 it breaks, and what a
chaperone's application needs."""

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from shared import times

from .messages import Catalogue, hours

MESSAGES = {
    # Worded as the "licence not needed" page words them, so one translation serves both.
    "body_of_persons": _(
        "The performance is covered by a body of persons approval, so the organiser is "
        "responsible for the child instead."
    ),
    "within_exempt_days": _(
        "The child is not paid, will not miss any school, and with this performance will have "
        "performed on no more than %(days)s days in 6 months."
    ),
    "paid": _("The child is paid, so a licence is needed."),
    "misses_school": _("The child will miss school, so a licence is needed."),
    "too_many_days": _(
        "With this performance the child would have performed on more than %(days)s days in "
        "6 months, so a licence is needed."
    ),
    # The days at the place of performance: each names its dates.
    "same_date": _("%(dates)s: this date is in more than one entry. Remove or change one of them"),
    "hours_at_place": _(
        "%(dates)s: a child aged %(age)s may be at the place of performance or rehearsal for "
        "at most %(limit)s a day (regulation 22)"
    ),
    "hours_performing": _(
        "%(dates)s: a child aged %(age)s may perform or rehearse for at most %(limit)s a day "
        "(regulation 22)"
    ),
    "continuous": _(
        "%(dates)s: a child aged %(age)s may perform or rehearse for at most %(minutes)s "
        "minutes without a break (regulation 22)"
    ),
    "meal_break": _(
        "%(dates)s: a child at the place of performance for more than %(after)s must have a "
        "meal break of at least %(minutes)s minutes (regulation 23)"
    ),
    "rest_break": _(
        "%(dates)s: a child at the place of performance for more than %(after)s must have a "
        "break of at least %(minutes)s minutes as well as the meal break (regulation 23)"
    ),
    "second_rest_break": _(
        "%(dates)s: a child at the place of performance for more than %(after)s must have a "
        "second break of at least %(minutes)s minutes as well as the meal break (regulation 23)"
    ),
    "overnight": _(
        "%(dates)s: a child must have at least %(hours)s between leaving the place of "
        "performance and coming back the next day (regulation 24)"
    ),
    "consecutive_days": _(
        "%(dates)s: a child may perform or rehearse on at most %(days)s days in a row "
        "(regulation 26). Leave a day without performing or rehearsing"
    ),
}

# Chaperones: said to the applicant (dbs_too_old) and to the officer (the others).
MESSAGES |= {
    "dbs_too_old": _(
        "Your DBS certificate was issued more than %(years)s ago. We accept an enhanced "
        "certificate from the last %(years)s, or one on the DBS update service"
    ),
    "convictions_declared": _(
        "The applicant declared convictions or cautions: read the details before approving"
    ),
    "dbs_update_service": _(
        "The DBS certificate is on the update service: check its status online"
    ),
}


def years(count):
    return ngettext("%(count)d year", "%(count)d years", count) % {"count": count}


def dates(first_and_last):
    """One date, or a run of dates, as a person reads them."""
    first, last = first_and_last
    if first == last:
        return times.day(first)
    return gettext("%(first)s to %(last)s") % {
        "first": times.day(first),
        "last": times.day(last),
    }


CATALOGUE = Catalogue(
    MESSAGES,
    readings={
        "dates": dates,
        "years": years,
        **dict.fromkeys(("limit", "after", "hours"), hours),
    },
)
say = CATALOGUE.say
