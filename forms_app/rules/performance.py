"""Child performance licences and chaperones: The Children (Performances and Activities)
(England) Regulations 2014."""

from dataclasses import dataclass
from datetime import timedelta

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
    reason: str


def licence_exemption(paid, misses_school, days_in_last_six_months, body_of_persons_approval):
    """Does this performance need a licence? `days_in_last_six_months` counts the days the
    child has already performed, not counting this performance."""
    if body_of_persons_approval:
        return Exemption(True, "The performance is covered by a body of persons approval.")
    if paid:
        return Exemption(False, "The child is paid, so a licence is needed.")
    if misses_school:
        return Exemption(False, "The child will miss school, so a licence is needed.")
    if days_in_last_six_months + 1 > EXEMPT_DAYS_IN_SIX_MONTHS:
        return Exemption(
            False,
            f"With this performance the child would have performed on more than "
            f"{EXEMPT_DAYS_IN_SIX_MONTHS} days in 6 months, so a licence is needed.",
        )
    return Exemption(
        True,
        f"The child is not paid, misses no school and performs on no more than "
        f"{EXEMPT_DAYS_IN_SIX_MONTHS} days in 6 months.",
    )


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
