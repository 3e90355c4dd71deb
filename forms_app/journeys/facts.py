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
    """Where a submission is in the service's hands (Submission.Status)."""

    RECEIVED = "received", _("Received")
    IN_REVIEW = "in_review", _("In review")
    MORE_INFORMATION = "more_information", _("More information needed")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CLOSED = "closed", _("Closed")


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
    statuses: tuple = tuple(Status)  # the statuses officers may give it
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
