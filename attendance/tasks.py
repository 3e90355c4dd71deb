"""Work done in the worker (django-q2): checking an uploaded file of figures, and
importing it once an officer confirms.

Progress goes to the cache, not the database: the import writes inside one transaction,
and what it wrote there (progress included) is invisible to the page asking until it
commits. The cache is shared between processes (Redis in production, files otherwise).

Also the calendar invitations to targeting support meetings (invitations.py says what
is sent and when).

And the scheduled work (django-q2 schedules made by migrations): overdue agreed
actions reminded, and meetings past their retention period purged."""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from audit.log import purge
from portal.emails import school_emails_by_language
from portal.models import Membership
from portal.tasks import deliver_email
from shared.retention import report_line

from . import imports, invitations
from .models import FiguresImport, MeetingAction, SupportMeeting

PROGRESS_SECONDS = 24 * 60 * 60


def progress_key(pk):
    return f"attendance-import-progress-{pk}"


def write_progress(pk, stage, done, total):
    cache.set(progress_key(pk), {"stage": stage, "done": done, "total": total}, PROGRESS_SECONDS)


def read_progress(figures_import):
    """{"stage", "done", "total"}: the worker's latest word, else the record's own."""
    found = cache.get(progress_key(figures_import.pk))
    if found:
        return found
    return {
        "stage": figures_import.status,
        "done": figures_import.rows_done,
        "total": figures_import.rows_total,
    }


def _refuse(figures_import, problems, count=None):
    figures_import.status = FiguresImport.Status.REFUSED
    figures_import.errors = [problem.as_dict() for problem in problems[: imports.ERRORS_KEPT]]
    figures_import.error_count = count if count is not None else len(problems)


def check_import(pk, today=None):
    """Check an uploaded file in full and record what importing it would do."""
    today = today or date.today()
    figures_import = FiguresImport.objects.get(pk=pk)
    if figures_import.status != FiguresImport.Status.CHECKING:
        return "not waiting to be checked"
    text = figures_import.content
    total = max(text.count("\n"), 1)  # a first guess, until the file is read

    def progress(done):
        write_progress(pk, "checking", done, total)

    try:
        checked = imports.check(text, today, progress)
    except imports.ImportRefused as refusal:
        _refuse(figures_import, [imports.Problem(None, "", str(refusal))])
        figures_import.save()
        return "refused"
    figures_import.kind = checked.kind
    figures_import.rows_total = figures_import.rows_done = checked.rows_total
    figures_import.summary = checked.summary
    if checked.problems:
        _refuse(figures_import, checked.problems)
    else:
        figures_import.status = FiguresImport.Status.CHECKED
        figures_import.errors = []
        figures_import.error_count = 0
    figures_import.save()
    cache.delete(progress_key(pk))
    return figures_import.status


def start_import(pk):
    """Move a checked import on to importing, once: a second press of "Import" (or two
    at once) finds it no longer CHECKED. True when this call moved it."""
    with transaction.atomic():
        figures_import = FiguresImport.objects.select_for_update().get(pk=pk)
        if figures_import.status != FiguresImport.Status.CHECKED:
            return False
        figures_import.status = FiguresImport.Status.IMPORTING
        figures_import.rows_done = 0
        figures_import.save(update_fields=["status", "rows_done"])
    write_progress(pk, "importing", 0, figures_import.rows_total)
    return True


def run_import(pk, today=None):
    """Import a file the officer confirmed: checked again (schools may have changed since),
    then every row written in one transaction, or none."""
    today = today or date.today()
    try:
        status = _import(pk, today)
    except Exception:
        # Nothing was saved (the transaction rolled back): ready to import again.
        FiguresImport.objects.filter(pk=pk, status=FiguresImport.Status.IMPORTING).update(
            status=FiguresImport.Status.CHECKED
        )
        cache.delete(progress_key(pk))
        raise
    cache.delete(progress_key(pk))
    return status


def _import(pk, today):
    with transaction.atomic():
        figures_import = FiguresImport.objects.select_for_update().get(pk=pk)
        if figures_import.status != FiguresImport.Status.IMPORTING:
            return "not being imported"
        checked = _check_again(figures_import, today)
        if checked is not None:
            total = len(checked.rows)

            def progress(done, total=total):
                write_progress(pk, "importing", done, total)

            imports.import_checked(checked, figures_import, today, progress)
            figures_import.status = FiguresImport.Status.IMPORTED
            figures_import.imported_at = timezone.now()
            figures_import.rows_done = figures_import.rows_total
            figures_import.summary = checked.summary
        figures_import.save()
    return figures_import.status


def _check_again(figures_import, today):
    try:
        checked = imports.check(figures_import.content, today)
    except imports.ImportRefused as refusal:
        _refuse(figures_import, [imports.Problem(None, "", str(refusal))])
        return None
    if checked.problems:
        _refuse(figures_import, checked.problems)
        return None
    return checked


# --- Calendar invitations to targeting support meetings ---------------------------------


def send_meeting_invitation(meeting_pk):
    """Raises when the mail server fails, so the worker tries again (Q_CLUSTER retry)."""
    return invitations.send(meeting_pk)


# ------------------------------------------------------------------------------------
# Overdue agreed actions reminded (schedule: migration 0003_att_coverage_reminder_schedule)
# ------------------------------------------------------------------------------------

# An action still open this many days after the last reminder is reminded again.
REMIND_AGAIN_AFTER_DAYS = 7
# Those who see to a school's actions; governors read them but are not chased.
REMINDED_ROLES = (Membership.Role.HEADTEACHER, Membership.Role.ATTENDANCE_LEAD)


def overdue_actions(today):
    """Open actions of active schools past their due date by ATTENDANCE_ACTION_REMINDER_DAYS
    or more, not reminded in the last REMIND_AGAIN_AFTER_DAYS days."""
    due_by = today - timedelta(days=settings.ATTENDANCE_ACTION_REMINDER_DAYS)
    reminded_by = today - timedelta(days=REMIND_AGAIN_AFTER_DAYS)
    return (
        MeetingAction.objects.filter(
            status__in=MeetingAction.OPEN_STATUSES,
            due_on__lte=due_by,
            meeting__school__active=True,
        )
        .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lte=reminded_by))
        .select_related("meeting__school")
        .order_by("meeting__school__name", "meeting__school_id", "due_on", "pk")
    )


def meetings_path(school):
    """The school's meetings page in the language now active."""
    return reverse("attendance:meetings", args=[school.urn])


def _send_reminder(addresses, school, actions, today, base_url):
    """Send one school's reminder now, in the language active. It raises when the mail
    server fails."""
    subject = _("Agreed attendance actions overdue: %(school)s") % {"school": school.name}
    body = render_to_string(
        "attendance/email/overdue_actions.txt",
        {
            "school": school,
            "actions": actions,
            "today": today,
            "url": base_url + meetings_path(school),
        },
    )
    deliver_email(subject, body, addresses)


def remind_overdue_actions(today=None):
    """Email each school with overdue open actions once: its headteacher and attendance
    leads, each in their own language, listing the actions. The email is sent here, in
    the worker, rather than queued: an action's reminded_on is set only once its email
    has gone, so a send that fails leaves it to be tried again on the next run. A fixed
    number of queries whatever the number of schools: the actions and the recipients
    are read once each, and the sent actions marked in one update."""
    today = today or timezone.localdate()
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    by_school = {}
    for action in overdue_actions(today):
        by_school.setdefault(action.meeting.school_id, []).append(action)
    recipients = school_emails_by_language(by_school, REMINDED_ROLES)
    reminded, failed = [], 0
    for school_id, actions in by_school.items():
        school = actions[0].meeting.school
        sent = school_failed = False
        for language, addresses in recipients.get(school_id, {}).items():
            try:
                with override(language):
                    _send_reminder(addresses, school, actions, today, base_url)
            except Exception:  # noqa: BLE001 (whatever stopped it, it is tried again next run)
                school_failed = True
                failed += 1
            else:
                sent = True
        # Marked only when every recipient's email went: one that failed is sent again
        # (the others may then have it twice, rather than anyone never having it).
        if sent and not school_failed:
            reminded.extend(action.pk for action in actions)
    if reminded:
        MeetingAction.objects.filter(pk__in=reminded).update(reminded_on=today)
    return f"{len(reminded)} overdue actions reminded, {failed} emails failed"


# ------------------------------------------------------------------------------------
# Retention: support meetings past their period (shared/retention.py; the same daily
# schedule as the reminders' migration makes)
# ------------------------------------------------------------------------------------


def expired_meetings(today=None):
    """(cut-off date, meetings) held (or due) before the retention period began. Their
    agreed actions, which may name a pupil by UPN or initials, go with them. The figures
    and stages name no one and are kept."""
    today = today or timezone.localdate()
    days = settings.PORTAL_RECORD_RETENTION_DAYS["support_meetings"]
    cut_off = today - timedelta(days=days)
    # Before midnight at the start of the cut-off day, in the council's time.
    start_of_cut_off = timezone.make_aware(datetime.combine(cut_off, time()))
    return cut_off, SupportMeeting.objects.filter(starts_at__lt=start_of_cut_off)


def purge_expired_meetings(dry_run=False, today=None):
    """Delete meetings (and their actions) past the retention period. Returns how many
    meetings went (or would go)."""
    _cut_off, expired = expired_meetings(today)
    return purge(expired.select_related("school"), dry_run)


def retention_report(dry_run=False):
    count = purge_expired_meetings(dry_run=dry_run)
    return [
        report_line(
            "attendance",
            count,
            "targeting support meeting(s) with their agreed actions",
            "deleted",
            dry_run,
        )
    ]
