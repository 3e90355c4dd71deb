"""What the forms hold about a person, for subject access and erasure (shared/personal_data.py):
submissions (with their files and history) and drafts not yet sent."""

from datetime import timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from shared.personal_data import MAX_PER_KIND, Held

from .journeys.registry import facts_of, retention_days, service_of
from .models import Draft, Submission


def _strings(value):
    """Every string in a JSON value: the answers a person gave, without the keys."""
    if isinstance(value, dict):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)
    elif value is not None:
        yield str(value)


def _matches(query, texts, emails):
    return query.name_matches(*texts) or query.email_matches(*emails, *texts)


def _erase_submission(submission):
    def erase():
        with transaction.atomic():
            for attachment in submission.attachments.all():
                attachment.file.delete(save=False)
            Draft.objects.filter(submission=submission).delete()
            submission.delete()
        return "erased"

    return erase


def find_submissions(query):
    condition = query.condition(
        name_fields=["submitter_name"], email_fields=["submitter_email"], json_fields=["answers"]
    )
    if condition is None:
        return []
    found = []
    submissions = (
        Submission.objects.filter(condition)
        .select_related("school")
        .prefetch_related("attachments", "events__user")
        .order_by("-created_at")[:MAX_PER_KIND]
    )
    for submission in submissions:
        texts = [submission.submitter_name, *_strings(submission.answers)]
        if not _matches(query, texts, [submission.submitter_email]):
            continue
        kept_until = submission.updated_at + timedelta(days=retention_days(submission.service))
        keep = facts_of(submission.journey).reason_to_keep(
            submission.status, submission.outcome, kept_until
        )
        attachments = list(submission.attachments.all())
        found.append(
            Held(
                service=submission.service,
                kind="submission",
                reference=submission.reference,
                description=f"{submission.get_journey_display()}, "
                f"{submission.get_status_display().lower()}",
                when=submission.created_at,
                record=submission,
                data={
                    "reference": submission.reference,
                    "form": submission.get_journey_display(),
                    "status": submission.get_status_display(),
                    "outcome": submission.get_outcome_display(),
                    "outcome_reason": submission.outcome_reason,
                    "sent": submission.created_at.isoformat(),
                    "last_changed": submission.updated_at.isoformat(),
                    "submitter_name": submission.submitter_name,
                    "submitter_email": submission.submitter_email,
                    "language": submission.language,
                    "school": str(submission.school or ""),
                    "answers": submission.answers,
                    "files": [a.original_name for a in attachments],
                    "history": [
                        {
                            "at": event.at.isoformat(),
                            "what": event.get_kind_display(),
                            "by": str(event.user or ""),
                            "note": event.note,
                        }
                        for event in submission.events.all()
                    ],
                },
                files=[
                    (f"{submission.reference}/{a.pk}", a.original_name, a.file) for a in attachments
                ],
                erase=None if keep else _erase_submission(submission),
                erase_label=_("Delete the submission and its files"),
                kept_because=keep,
            )
        )
    return found


def _erase_draft(draft):
    def erase():
        with transaction.atomic():
            for attachment in draft.attachments.filter(submission__isnull=True):
                attachment.file.delete(save=False)
                attachment.delete()
            draft.delete()
        return "erased"

    return erase


def find_drafts(query):
    condition = query.condition(email_fields=["email"], json_fields=["answers"])
    if condition is None:
        return []
    drafts = Draft.objects.filter(condition, submission__isnull=True).order_by("-created_at")
    found = []
    for draft in drafts[:MAX_PER_KIND]:
        if not _matches(query, list(_strings(draft.answers)), [draft.email]):
            continue
        found.append(
            Held(
                service=service_of(draft.journey),
                kind="draft",
                reference=str(draft.pk),
                description=_("%(form)s, not sent") % {"form": draft.get_journey_display()},
                when=draft.created_at,
                data={
                    "form": draft.get_journey_display(),
                    "started": draft.created_at.isoformat(),
                    "deleted_automatically_on": draft.expires_at.date().isoformat(),
                    "email": draft.email,
                    "language": draft.language,
                    "answers": draft.answers,
                },
                erase=_erase_draft(draft),
                erase_label=_("Delete the unsent form"),
            )
        )
    return found
