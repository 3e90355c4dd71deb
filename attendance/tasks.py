"""Work done in the worker (django-q2): checking an uploaded file of figures, and
importing it once an officer confirms.

Progress goes to the cache, not the database: the import writes inside one transaction,
and what it wrote there (progress included) is invisible to the page asking until it
commits. The cache is shared between processes (Redis in production, files otherwise).

Also the calendar invitations to targeting support meetings (invitations.py says what
is sent and when)."""

from datetime import date

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from . import imports, invitations
from .models import FiguresImport

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
