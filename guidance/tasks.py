"""Scheduled work for publishing (run by the django-q2 worker; see migration 0002)."""

from collections import defaultdict

from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from portal.emails import send_email

from .models import GuidancePage


def publish_scheduled():
    """Publish pages whose go-live time has come; unpublish those that have expired."""
    call_command("publish_scheduled")


def remind_review_owners():
    """Email each owner once about their guidance pages that are overdue for review."""
    today = timezone.localdate()
    due = (
        GuidancePage.objects.live()
        .filter(next_review__lt=today, content_owner__isnull=False, content_owner__is_active=True)
        .exclude(review_reminder_sent_for=F("next_review"))
        .select_related("content_owner")
        .defer_streamfields()
    )
    pages_by_owner = defaultdict(list)
    for page in due:
        pages_by_owner[page.content_owner].append(page)
    for owner, pages in pages_by_owner.items():
        send_email(
            owner.email,
            "Guidance pages overdue for review",
            "guidance/email/review_overdue.txt",
            {"owner": owner, "pages": pages},
        )
        for page in pages:
            # An update, not a save: no new revision, and the page stays as published.
            GuidancePage.objects.filter(pk=page.pk).update(
                review_reminder_sent_for=page.next_review
            )
    return sum(len(pages) for pages in pages_by_owner.values())
