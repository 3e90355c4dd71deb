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
