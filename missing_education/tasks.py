"""Scheduled work (django-q2 schedules made by migration 0003): the officers reminded of
next steps due, and cases past their retention period deleted."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from audit.log import acting_as, purge
from portal.tasks import deliver_email
from shared.retention import report_line

from .access import SERVICE
from .models import Case, CaseEvent


def due_cases(today):
    """Open cases whose next step is due or overdue, not yet reminded today."""
    return (
        Case.objects.filter(status__in=Case.OPEN_STATUSES, next_step_due__lte=today)
        .exclude(reminded_on=today)
        .select_related("assigned_to")
        .order_by("next_step_due", "pk")
    )


def remind_due_cases(today=None):
    """Email each assigned officer (or the service's inbox, for cases nobody has) the
    cases whose next step is due or overdue, at most once a day per case. A case's
    reminded_on is set only once its email has gone, so a send that fails is tried again
    on the next run. A fixed number of queries: the cases read once, the sent ones
    marked in one update and their history in one insert."""
    today = today or timezone.localdate()
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    by_recipient = {}
    for case in due_cases(today):
        officer = case.assigned_to if case.assigned_to and case.assigned_to.is_active else None
        address = officer.email if officer else settings.PORTAL_SERVICE_INBOXES[SERVICE]
        language = (officer.language if officer else "") or settings.LANGUAGE_CODE
        by_recipient.setdefault((address, language), []).append(case)
    reminded, failed = [], 0
    for (address, language), cases in by_recipient.items():
        try:
            with override(language):
                subject = _("Children missing education: next steps due")
                body = render_to_string(
                    "missing_education/email/due_cases.txt",
                    {"cases": cases, "base_url": base_url},
                )
                deliver_email(subject, body, [address])
        except Exception:  # noqa: BLE001 (whatever stopped it, it is tried again next run)
            failed += 1
        else:
            reminded.extend(cases)
    if reminded:
        with acting_as("missing education reminders"):
            Case.objects.filter(pk__in=[case.pk for case in reminded]).update(reminded_on=today)
            CaseEvent.objects.bulk_create(
                CaseEvent(case=case, kind=CaseEvent.Kind.REMINDED,
                          note=case.assigned_to.email if case.assigned_to else "service inbox")
                for case in reminded
            )  # fmt: skip
    return f"{len(reminded)} cases reminded, {failed} emails failed"


# --- Retention (shared/retention.py) --------------------------------------------------


def expired_cases(today=None):
    """Cases closed before the retention period began (PORTAL_RECORD_RETENTION_DAYS)."""
    today = today or timezone.localdate()
    days = settings.PORTAL_RECORD_RETENTION_DAYS["missing_education"]
    cut_off = timezone.make_aware(datetime.combine(today - timedelta(days=days), time()))
    return Case.objects.filter(status=Case.Status.CLOSED, closed_at__lt=cut_off)


def purge_expired_cases(dry_run=False, today=None):
    """Delete closed cases past their period, with their enquiries and history."""
    return purge(expired_cases(today), dry_run)


def retention_report(dry_run=False):
    count = purge_expired_cases(dry_run=dry_run)
    return [
        report_line(
            "missing_education",
            count,
            "children missing education case(s) with their enquiries",
            "deleted",
            dry_run,
        )
    ]
