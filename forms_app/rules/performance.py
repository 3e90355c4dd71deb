"""Child performance licences and chaperones: The Children (Performances and Activities)
(England) Regulations 2014."""

from dataclasses import dataclass
from datetime import timedelta

from .findings import Finding

# The council may refuse an application made less than this many days before the first
# performance (reg. 5).
NOTICE_DAYS = 21
# "The 4-day rule": no licence is needed for a child who performs on no more than this many
# days in six months, is not paid and misses no school (Children and Young Persons Act 1963 s37(3)).
EXEMPT_DAYS_IN_SIX_MONTHS = 4
PRIVATE_TUTOR_HOURS_PER_DAY = 3
CHAPERONE_MINIMUM_AGE = 18
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


def chaperone_age_ok(age):
    return age >= CHAPERONE_MINIMUM_AGE


def chaperone_approval_ends(approved_on):
    try:
        return approved_on.replace(year=approved_on.year + CHAPERONE_APPROVAL_YEARS)
    except ValueError:  # approved on 29 February
        return approved_on.replace(year=approved_on.year + CHAPERONE_APPROVAL_YEARS, day=28)
