"""Scheduled clean-up (django-q2 schedules made in migration 0003)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from audit.log import acting_as

from .journeys.registry import retention_days, services
from .models import Attachment, Draft, RetentionPurge, Submission


def _delete_files(attachments):
    count = 0
    for attachment in attachments:
        attachment.file.delete(save=False)
        count += 1
    return count


def expired_submissions(now=None):
    """{service: (cut-off, queryset)} of submissions past their retention period."""
    now = now or timezone.now()
    result = {}
    for service in services():
        older_than = now - timedelta(days=retention_days(service))
        result[service] = (
            older_than,
            Submission.objects.filter(service=service, updated_at__lt=older_than),
        )
    return result


def purge_expired_submissions(dry_run=False):
    """Delete submissions (and their files and drafts) kept longer than their service's
    retention period, recording each run. Returns {service: count}."""
    counts = {}
    for service, (older_than, expired) in expired_submissions().items():
        counts[service] = expired.count()
        if dry_run or not counts[service]:
            continue
        # Each submission deleted is logged (audit.log follows Submission) as done by this job.
        with transaction.atomic(), acting_as("retention purge"):
            ids = list(expired.values_list("pk", flat=True))
            files = _delete_files(Attachment.objects.filter(submission_id__in=ids))
            Draft.objects.filter(submission_id__in=ids).delete()
            Submission.objects.filter(pk__in=ids).delete()
            RetentionPurge.objects.create(
                service=service, deleted=len(ids), files_deleted=files, older_than=older_than
            )
    return counts


def purge_expired_drafts():
    """Drafts nobody came back to within 28 days go, with any files they held."""
    expired = Draft.objects.filter(expires_at__lt=timezone.now(), submission__isnull=True)
    _delete_files(Attachment.objects.filter(draft__in=expired, submission__isnull=True))
    Attachment.objects.filter(draft__in=expired, submission__isnull=True).delete()
    deleted, _by_model = expired.delete()
    return deleted


def retention_report(dry_run=False):
    """The retention purge of submissions, for `retention_purge`: a line per service
    (and, in a dry run, the references that would go)."""
    if not dry_run:
        return [
            f"{service}: {count} deleted" for service, count in purge_expired_submissions().items()
        ]
    lines = []
    for service, (older_than, expired) in expired_submissions().items():
        lines.append(
            f"{service}: {expired.count()} submission(s) last updated before "
            f"{older_than:%Y-%m-%d} would be deleted"
        )
        for reference, updated_at in expired.values_list("reference", "updated_at")[:50]:
            lines.append(f"  {reference} (last updated {updated_at:%Y-%m-%d})")
    return lines
