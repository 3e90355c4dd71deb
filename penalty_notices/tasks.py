"""The register's scheduled work: notices past their retention period are deleted
(settings.PORTAL_RECORD_RETENTION_DAYS["penalty_notices"], counted from the day the
notice was issued: longer than the three years in which it counts towards the limit)."""

from datetime import date, timedelta

from django.conf import settings

from audit.log import purge
from shared.retention import report_line

from .models import PenaltyNotice


def expired_notices(today=None):
    days = settings.PORTAL_RECORD_RETENTION_DAYS["penalty_notices"]
    cut_off = (today or date.today()) - timedelta(days=days)
    return PenaltyNotice.objects.filter(issued_on__lt=cut_off)


def purge_expired_notices(dry_run=False, today=None):
    """Delete the notices past their period; returns how many went (or would go)."""
    return purge(expired_notices(today), dry_run)


def retention_report(dry_run=False):
    count = purge_expired_notices(dry_run=dry_run)
    return [report_line("penalty_notices", count, "penalty notice(s)", "deleted", dry_run)]
