"""Turning a draft into a submission: once, in one transaction, with a unique reference,
and emails queued for the worker only after it has committed."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import override

from portal.emails import send_email

from .engine import to_json
from .journeys.registry import prefix_of, service_of
from .models.records import Draft, Submission, SubmissionEvent
from .rules.reference import new_reference


def _submitter(definition, draft, values):
    """(name, email): a school journey's submitter is the signed-in user who made it."""
    if definition.for_school_users and draft.user is not None:
        return draft.user.get_full_name() or draft.user.email, draft.user.email
    return definition.submitter(values)


def _create(definition, draft, values):
    name, email = _submitter(definition, draft, values)
    with override(settings.LANGUAGE_CODE):  # what officers read is in English
        findings = [str(finding) for finding in definition.findings(values)]
    flags = [str(flag) for flag in definition.flags(values)]
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Submission.objects.create(
                    journey=draft.journey,
                    reference=new_reference(prefix_of(draft.journey)),
                    answers=to_json(values),
                    schema_version=definition.schema_version,
                    submitter_name=name,
                    submitter_email=email,
                    school=definition.school(values),
                    submitted_by=draft.user,
                    flagged=bool(flags),
                    flags=flags,
                    findings=findings,
                    language=draft.language,
                )
        except IntegrityError:  # the reference was taken: draw another
            continue
    raise RuntimeError("Could not find a free reference after 5 tries")


class OverLimit(Exception):
    """The visitor has sent as many forms as the hour allows."""


def submit(definition, draft_id, values, page_url="", over_limit=None):
    """Returns (submission, created). A draft already submitted (a double click, or back
    and submit again) returns the submission it made, and makes no other. over_limit()
    counts a new submission against the visitor's limit (OverLimit when past it): asked
    under the draft's lock, so a second press of the same draft is never counted."""
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft_id)
        if draft.submission_id:
            return draft.submission, False
        if over_limit is not None and over_limit():
            raise OverLimit
        submission = _create(definition, draft, values)
        draft.attachments.update(submission=submission)
        draft.submission = submission
        draft.save(update_fields=["submission", "updated_at"])
        SubmissionEvent.objects.create(
            submission=submission, kind=SubmissionEvent.Kind.SUBMITTED, to_status=submission.status
        )
        definition.submitted(submission, values)
        with override(submission.language):  # the applicant's language
            send_email(
                submission.submitter_email,
                {
                    "referral": _("%(form)s: we have your referral, reference %(reference)s"),
                    "notice": _("%(form)s: we have your notice, reference %(reference)s"),
                }.get(
                    definition.sends,
                    _("%(form)s: we have your application, reference %(reference)s"),
                )
                % {"form": submission.get_journey_display(), "reference": submission.reference},
                "forms_app/email/confirmation.txt",
                {"submission": submission, "page_url": page_url},
            )
        inbox = settings.PORTAL_SERVICE_INBOXES.get(service_of(draft.journey))
        if inbox:
            with override(settings.LANGUAGE_CODE):  # the service's own inbox
                send_email(
                    inbox,
                    f"New {submission.get_journey_display()}: {submission.reference}",
                    "forms_app/email/service_notice.txt",
                    {"submission": submission},
                )
    return submission, True
