"""Scheduled work for returns (django-q2; schedules made by migration 0002): open returns
for schools made active since a period opened, remind outstanding schools before and after
the due date, send the attendance officers a weekly summary (and, from migration 0003,
delete the pupils of returns past their retention period)."""

from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from audit.log import purge
from portal.emails import school_emails_by_language, send_email
from portal.groups import ATTENDANCE_OFFICERS
from portal.models import Membership, User
from shared.retention import report_line

from . import services, tracker
from .models import ReturnPeriod, ReturnPupil, ReturnReminder, SchoolReturn

# A run missed for a few days still sends the step it missed; older steps are not sent,
# so a period long past does not start emailing schools.
CATCH_UP_DAYS = 7


def open_missing_returns():
    return f"{services.open_returns_for_all_periods()} returns opened"


def _step_due(due_on, today):
    """The latest reminder step reached today, if it was reached recently enough."""
    reached = [
        step
        for step in sorted(settings.PORTAL_RETURN_REMINDER_DAYS)
        if due_on + timedelta(days=step) <= today
    ]
    if reached and today - (due_on + timedelta(days=reached[-1])) <= timedelta(CATCH_UP_DAYS):
        return reached[-1]
    return None


# The people who act for a school are reminded, not its governors.
ACTING_ROLES = [role for role in Membership.Role if role not in Membership.READ_ONLY_ROLES]


def _claim(school_return, step):
    """Record the reminder; False if it was recorded already (by an earlier run or
    another worker), so each school gets each step once."""
    try:
        with transaction.atomic():
            ReturnReminder.objects.create(school_return=school_return, step=step)
    except IntegrityError:
        return False
    return True


def _remind(addresses, school_return, period, step, base_url):
    subject = _("Reduced-timetable return %(when)s: %(school)s") % {
        "when": _("overdue") if step > 0 else _("due soon"),
        "school": school_return.school.name,
    }
    send_email(
        addresses,
        subject,
        "returns/email/reminder.txt",
        {
            "school": school_return.school,
            "period": period,
            "overdue": step > 0,
            "url": base_url + reverse("returns:detail", args=[school_return.pk]),
        },
    )


def send_reminders(today=None):
    today = today or date.today()
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    sent = 0
    for period in ReturnPeriod.objects.opened(today):
        step = _step_due(period.due_on, today)
        if step is None:
            continue
        outstanding = list(
            SchoolReturn.objects.filter(period=period)
            .exclude(status__in=SchoolReturn.MADE)
            .exclude(reminders__step=step)
            .select_related("school")
        )
        emails = school_emails_by_language(
            [school_return.school_id for school_return in outstanding], ACTING_ROLES
        )
        for school_return in outstanding:
            recipients = emails.get(school_return.school_id)
            if not recipients or not _claim(school_return, step):
                continue
            for language, addresses in recipients.items():  # each in their own language
                with override(language):
                    _remind(addresses, school_return, period, step, base_url)
            sent += 1
    return f"{sent} reminders sent"


def send_weekly_summary(today=None):
    today = today or date.today()
    periods = []
    for period in ReturnPeriod.objects.being_chased(today):
        rows = list(tracker.school_returns(period, tracker.Filters(), today))
        periods.append(
            {
                "period": period,
                "summary": tracker.summary(rows),
                "outstanding": [row for row in rows if not row.is_made],
            }
        )
    officers = User.objects.filter(groups__name=ATTENDANCE_OFFICERS, is_active=True).values_list(
        "email", flat=True
    )
    recipients = sorted({*officers, settings.PORTAL_SERVICE_INBOXES["attendance"]})
    send_email(
        recipients,
        _("Reduced-timetable returns: weekly summary"),
        "returns/email/summary.txt",
        {
            "periods": periods,
            "tracker_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("returns_tracker"),
        },
    )
    return f"summary of {len(periods)} periods sent to {len(recipients)} addresses"


def expired_pupils(today=None):
    """(cut-off date, pupils) of returns whose period closed (its due date) more than the
    retention period ago."""
    today = today or timezone.localdate()
    closed_before = today - timedelta(days=settings.PORTAL_RECORD_RETENTION_DAYS["returns"])
    return closed_before, ReturnPupil.objects.filter(
        school_return__period__due_on__lt=closed_before
    )


def purge_expired_pupils(dry_run=False, today=None):
    """Delete the pupils of long-closed returns. Returns how many went (or would go)."""
    _closed_before, expired = expired_pupils(today)
    # Only the pupils go: the return itself (school, period, status, dates) names nobody
    # and stays as the record that the school made its return, for the termly statistics.
    return purge(expired.select_related("school_return__school", "school_return__period"), dry_run)


def retention_report(dry_run=False):
    count = purge_expired_pupils(dry_run=dry_run)
    return [
        report_line("returns", count, "pupil(s) on reduced-timetable returns", "deleted", dry_run)
    ]
