"""A referral asking for a penalty notice, checked against the council's register
(shared/penalty_notices.py): the notices that count for this child and its parents with
parental responsibility, what they allow (rules/attendance.py penalty_outcome), and
whether the school's declared count allows the same. The register, not the school's
memory, decides (DOMAIN.md, "Statutory records"). The register answers through a hook;
referral_named is what this app answers the register's own question with."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings

from shared.penalty_notices import (
    ChildNamed,
    ParentNamed,
    ReferralNamed,
    counted,
    history,
)

from .rules.attendance import penalty_finding, penalty_outcome
from .rules.attendance_messages import say


def _day(value):
    return date.fromisoformat(value) if isinstance(value, str) and value else value or None


def child_of(values):
    pupil = values.get("pupil", {})
    return ChildNamed(
        pupil.get("first_name", ""), pupil.get("last_name", ""), _day(pupil.get("date_of_birth"))
    )


def parents_of(values):
    """The parents with parental responsibility: a notice can only be given to them."""
    return [
        ParentNamed(parent.get("first_name", ""), parent.get("last_name", ""))
        for parent in values.get("parents", [])
        if parent.get("parental_responsibility")
    ]


@dataclass(frozen=True)
class RegisterCheck:
    notices: list  # NoticeSeen that count, oldest first
    register: object  # PenaltyOutcome the register allows
    declared: object  # PenaltyOutcome the school's count allows
    declared_count: int

    @property
    def disagrees(self):
        if self.register.allowed != self.declared.allowed:
            return True
        return self.register.allowed and self.register.number != self.declared.number

    @property
    def register_says(self):
        return say(penalty_finding(self.register, settings.PORTAL_PENALTY_NOTICE))

    @property
    def declared_says(self):
        return say(penalty_finding(self.declared, settings.PORTAL_PENALTY_NOTICE))


def register_check(values, today=None):
    """The check of a referral's answers (cleaned, or as stored), or None when it does
    not ask for a penalty notice."""
    request = values.get("request", {})
    if request.get("request") != "penalty_notice":
        return None
    amounts = settings.PORTAL_PENALTY_NOTICE
    found = counted(
        history(child_of(values), parents_of(values)),
        today or date.today(),
        amounts["period_years"],
    )
    declared = int(request.get("previous_notices") or 0)
    return RegisterCheck(
        notices=found,
        register=penalty_outcome(len(found), amounts),
        declared=penalty_outcome(declared, amounts),
        declared_count=declared,
    )


def referral_named(submission):
    """What a school's referral says of the child, the parents and the school, for the
    register's new entry (shared.penalty_notices.REFERRAL_HOOK_NAME)."""
    values = submission.answers
    responsible = [
        parent for parent in values.get("parents", []) if parent.get("parental_responsibility")
    ]
    home = values.get("pupil_address", {})
    home_address = ", ".join(
        part
        for part in (home.get("line_1"), home.get("line_2"), home.get("town"), home.get("postcode"))
        if part
    )
    return ReferralNamed(
        reference=submission.reference,
        child=child_of(values),
        parents=tuple(parents_of(values)),
        school_id=submission.school_id,
        upn=values.get("pupil", {}).get("upn", ""),
        parent_addresses=tuple(parent.get("address") or home_address for parent in responsible),
    )
