"""The audit log keeps its own retention period (PORTAL_AUDIT_RETENTION_DAYS): events
older than that are deleted daily, and that deletion is itself the last thing logged."""

from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .log import Action, acting_as, record
from .models import AuditEvent


def purge_old_events():
    older_than = timezone.now() - timedelta(days=settings.PORTAL_AUDIT_RETENTION_DAYS)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # The trigger of migration 0002 lets this transaction, and only it, delete.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL portal.audit_purge = 'on'")
        old = AuditEvent.objects.filter(at__lt=older_than)
        deleted = old._raw_delete(old.db)  # the model's own delete() refuses, by design
        if deleted:
            with acting_as("audit log retention"):
                record(
                    Action.DELETED,
                    kind="audit events",
                    detail=f"{deleted} events from before {older_than:%Y-%m-%d}",
                )
    return deleted
