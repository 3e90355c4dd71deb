"""Scheduled work (django-q2; the schedule is made by migration 0005): deleting
self-assessments past their retention period."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils import timezone

from audit.log import acting_as
from shared.retention import report_line

from . import summaries
from .models import Answer, Assessment


def expired_assessments(now=None):
    """(cut-off, assessments) with no activity since the retention period began: submitted
    before it, or started before it and never submitted, with no answer changed since."""
    now = now or timezone.now()
    older_than = now - timedelta(days=settings.PORTAL_RECORD_RETENTION_DAYS["assessments"])
    submitted = Assessment.Status.SUBMITTED
    latest_submitted = (
        Assessment.objects.filter(school=OuterRef("school"), status=submitted)
        .order_by("-submitted_at", "-pk")
        .values("pk")[:1]
    )
    answered_since = Answer.objects.filter(assessment=OuterRef("pk"), updated_at__gte=older_than)
    expired = (
        Assessment.objects.filter(
            Q(status=submitted, submitted_at__lt=older_than)
            | (
                Q(status=Assessment.Status.IN_PROGRESS, started_at__lt=older_than)
                & ~Exists(answered_since)
            )
        )
        .annotate(latest_submitted=Subquery(latest_submitted))
        # A school's latest submitted assessment stays, however old: it is the school's
        # current view of itself, the next one starts from its answers and the report
        # compares with it. It goes once the school submits a newer one.
        .filter(Q(latest_submitted__isnull=True) | ~Q(pk=F("latest_submitted")))
    )
    return older_than, expired


def purge_expired_assessments(dry_run=False, now=None):
    """Delete expired assessments with their answers and completed areas. Returns how many
    went (or would go)."""
    _older_than, expired = expired_assessments(now)
    if dry_run:
        return expired.count()
    with transaction.atomic(), acting_as("retention purge"):
        assessments = list(expired.select_related("school"))
        for assessment in assessments:
            assessment.delete()  # each logged by audit.log (Assessment is followed)
        # A school's latest of an older year can go: that year's figures change.
        summaries.refresh_years(a.school_year for a in assessments if a.is_submitted)
    return len(assessments)


def retention_report(dry_run=False):
    count = purge_expired_assessments(dry_run=dry_run)
    return [report_line("assessments", count, "self-assessment(s)", "deleted", dry_run)]
