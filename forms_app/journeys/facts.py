"""What a journey declares about itself, in one place at the top of its module: the facts
the rest of the portal reads (forms_app/journeys/registry.py) rather than keeping lists of
its own. Its questions are declared below them (engine.JourneyDefinition)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from shared.privacy_notice import NoticeEntry

from ..rules import erasure, erasure_messages


class Status(models.TextChoices):
    """Where a submission is in the service's hands (Submission.Status): every service's,
    each journey's facts saying which of them it may have (JourneyFacts.statuses)."""

    RECEIVED = "received", _("Received")
    IN_REVIEW = "in_review", _("In review")
    MORE_INFORMATION = "more_information", _("More information needed")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    # Home education: a parent's notice, not an application; nothing is approved or refused.
    # The council makes informal enquiries, and only if the education does not appear
    # suitable serves a notice that may lead to a school attendance order (Education Act
    # 1996 s436A, s437; DfE Elective home education guidance, 2019).
    ACKNOWLEDGED = "acknowledged", _("Notice acknowledged")
    FIRST_CONTACT = "first_contact", _("First contact made")
    EDUCATION_SUITABLE = "education_suitable", _("Education appears suitable")
    EDUCATION_CONCERNS = "education_concerns", _("Concerns about the education")
    ATTENDANCE_ORDER = "attendance_order", _("School attendance order considered")
    CLOSED = "closed", _("Closed")


# An application the council decides: a permit, a licence, a chaperone's approval, and a
# school's referral (whose outcome is recorded besides, JourneyFacts.outcomes).
APPLICATION_STATUSES = (
    Status.RECEIVED,
    Status.IN_REVIEW,
    Status.MORE_INFORMATION,
    Status.APPROVED,
    Status.REFUSED,
    Status.WITHDRAWN,
    Status.CLOSED,
)
# What the applicant is emailed about: a decision, or a request for more.
APPLICATION_TOLD = frozenset({Status.MORE_INFORMATION, Status.APPROVED, Status.REFUSED})

HOME_EDUCATION_STATUSES = (
    Status.RECEIVED,
    Status.ACKNOWLEDGED,
    Status.FIRST_CONTACT,
    Status.EDUCATION_SUITABLE,
    Status.EDUCATION_CONCERNS,
    Status.ATTENDANCE_ORDER,
    # The parent took the notice back (the child stays at school): the registration may
    # then be erased on request (rules/erasure.py home_education_rule).
    Status.WITHDRAWN,
    Status.CLOSED,
)
# The parent is told in writing where the council stands (the guidance asks councils to
# write to parents about their enquiries and any concerns); first contact and closing a
# case are the officer's own record.
HOME_EDUCATION_TOLD = frozenset(
    {
        Status.ACKNOWLEDGED,
        Status.EDUCATION_SUITABLE,
        Status.EDUCATION_CONCERNS,
        Status.ATTENDANCE_ORDER,
    }
)


class Flag(models.TextChoices):
    """Why an officer should read a submission first (Submission.flags), worked out from
    its answers by its journey (JourneyDefinition.flags)."""

    # Home education: the council's consent is needed before the child leaves the roll
    # (rules/home_education.py).
    CONSENT = "consent", _("Consent needed")
    # Performance licence applied for under 21 days before the first performance
    # (rules/performance.py NOTICE_DAYS).
    SHORT_NOTICE = "short_notice", _("Short notice")
    # A safeguarding answer: a school's concerns, or a chaperone's declared convictions.
    SAFEGUARDING = "safeguarding", _("Safeguarding")
    # A performance licence asking for times outside the regulations' earliest and latest,
    # which the council may permit (performance regulations 2014, reg. 28).
    NIGHT_WORK = "night_work", _("Night work")
    # A referral asking for a penalty notice whose declared count of the parent's notices
    # allows other than the council's register does (forms_app/penalty_register.py).
    PENALTY_REGISTER = "penalty_register", _("Penalty notice register disagrees")
    # A school's roll-change notice sent after its deadline (rules/roll_changes.py).
    LATE_NOTICE = "late_notice", _("Late notice")
    # A home education record started from a school's roll-change notice, not by the
    # parent: the officer contacts the family to fill in the rest.
    FROM_SCHOOL = "from_school", _("Started by a school")


@dataclass(frozen=True)
class Outcome:
    """What the service did with a submission, recorded by an officer besides its status
    (a school's referral: a notice to improve, a penalty notice...); the submitter is told."""

    code: str  # stored in Submission.outcome: never change it
    label: str
    # Enforcement the council may have to prove: kept as evidence, never erased on request.
    enforcement: bool = False
    # Said to an officer who records it without a reason ("" when no reason is needed).
    reason_required: str = ""


@dataclass(frozen=True)
class JourneyFacts:
    key: str  # stored on drafts, submissions and form pages: never change it
    name: str  # "Child employment permit": lists, emails, the officers' queue
    order: int  # where it comes among the journeys (lists, the privacy notice)
    service: str  # the officer service that works it, by code (portal.groups.SERVICE_OF_GROUP)
    prefix: str  # of its references: "CEP" gives "CEP-7KD4MWX2"
    # Submissions are deleted this long after they last changed; the journeys of one
    # service agree, and settings.PORTAL_RETENTION_DAYS may override it for the service.
    retention_days: int
    # What the privacy notice says about it; the period comes from the retention above.
    notice: NoticeEntry
    statuses: tuple = APPLICATION_STATUSES  # the statuses officers may give it
    # Of those, the ones the person who sent it is emailed about (the officer sees the email
    # and confirms it before it goes).
    told: frozenset = APPLICATION_TOLD
    # The Flags its answers may raise (JourneyDefinition.flags): the queue's filter offers these.
    may_flag: tuple = ()
    outcomes: tuple = ()  # the Outcomes officers may record (none: the status says it all)
    # Why the law says a submission must be kept when its person asks to erase it
    # (a function of forms_app/rules/erasure.py).
    erasure: Callable = erasure.case_rule

    def outcome(self, code):
        return next((outcome for outcome in self.outcomes if outcome.code == code), None)

    def reason_to_keep(self, status, outcome, kept_until):
        """Why a submission of this journey must be kept, or "" if it may be erased."""
        enforcement = {outcome.code for outcome in self.outcomes if outcome.enforcement}
        finding = self.erasure(status, outcome, kept_until, enforcement)
        return erasure_messages.say(finding) if finding else ""
