"""Officers' imports of attendance figures in the Wagtail admin: upload a CSV file, see
what it would do (or its errors, row by row) once the worker has checked it, then import
it all at once or cancel; and the list of past imports."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_q.tasks import async_task
from wagtail.admin.paginator import WagtailPaginator

from shared.spreadsheets import csv_download

from .. import imports, tasks
from ..access import is_attendance_officer
from ..models import FiguresImport

IMPORT_PERMISSION = "attendance.add_figuresimport"
IMPORTS_PER_PAGE = 50
ERRORS_SHOWN = imports.ERRORS_KEPT
WORKING = (FiguresImport.Status.CHECKING, FiguresImport.Status.IMPORTING)


def may_import(user):
    return is_attendance_officer(user, IMPORT_PERMISSION)


def _officer_only(request):
    if not may_import(request.user):
        raise PermissionDenied


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file of attendance figures"),
        help_text=gettext_lazy(
            "The council's export or a DfE file, as UTF-8 CSV with the columns named in "
            "its first row."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.ATTENDANCE_IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB. Split it into smaller files.")
                % {"size": settings.ATTENDANCE_IMPORT_MAX_BYTES // (1024 * 1024) or 1}
            )
        try:
            self.text = imports.decode(upload.read())
            # The whole file's shape now; its rows in the worker.
            self.layout, _header, rows = imports.read(self.text)
        except imports.ImportRefused as refusal:
            raise forms.ValidationError(str(refusal)) from None
        self.rows_total = len(rows)
        return upload


def imports_view(request):
    """The upload form, and the imports made so far."""
    _officer_only(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        figures_import = FiguresImport.objects.create(
            file_name=form.cleaned_data["file"].name[:255],
            kind="dfe" if form.layout == imports.DFE else "council",
            content=form.text,
            rows_total=form.rows_total,
            uploaded_by=request.user,
        )
        tasks.write_progress(figures_import.pk, "checking", 0, form.rows_total)
        async_task("attendance.tasks.check_import", figures_import.pk)
        return redirect("attendance_import", pk=figures_import.pk)
    paginator = WagtailPaginator(
        FiguresImport.objects.select_related("uploaded_by").defer("content", "errors"),
        IMPORTS_PER_PAGE,
    )
    page = paginator.get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "attendance/admin/imports.html",
        {
            "form": form,
            "page": page,
            "elided_page_range": paginator.get_elided_page_range(page.number),
            "max_mb": settings.ATTENDANCE_IMPORT_MAX_BYTES // (1024 * 1024),
        },
        status=400 if form.errors else 200,
    )


def _import_or_404(pk):
    return get_object_or_404(FiguresImport.objects.defer("content"), pk=pk)


def import_view(request, pk):
    """One import: its progress while the worker has it, then what it would do (or
    did), or its errors."""
    _officer_only(request)
    figures_import = _import_or_404(pk)
    summary = figures_import.summary or {}
    return TemplateResponse(
        request,
        "attendance/admin/import.html",
        {
            "figures_import": figures_import,
            "summary": summary,
            "counts": summary.get("counts", {}),
            "progress_text": progress_message(
                figures_import.status, tasks.read_progress(figures_import)
            ),
            "working": figures_import.status in WORKING,
            "errors": figures_import.errors[:ERRORS_SHOWN],
            "more_errors": max(figures_import.error_count - ERRORS_SHOWN, 0),
            "Status": FiguresImport.Status,
        },
    )


def progress_view(request, pk):
    """The import's progress as JSON, for the page's script to poll."""
    _officer_only(request)
    figures_import = _import_or_404(pk)
    progress = tasks.read_progress(figures_import)
    return JsonResponse(
        {
            "status": figures_import.status,
            "working": figures_import.status in WORKING,
            "done": progress["done"],
            "total": progress["total"],
            "message": progress_message(figures_import.status, progress),
        }
    )


def progress_message(status, progress):
    numbers = {"done": f"{progress['done']:,}", "total": f"{progress['total']:,}"}
    if status == FiguresImport.Status.CHECKING:
        return _("Checked %(done)s of %(total)s rows.") % numbers
    if status == FiguresImport.Status.IMPORTING:
        return _("Imported %(done)s of %(total)s rows.") % numbers
    return _("Finished: reload the page to see the result.")


def errors_csv(request, pk):
    """Every error in the file, checked again (the import keeps only the first few)."""
    _officer_only(request)
    figures_import = get_object_or_404(FiguresImport, pk=pk)
    uploaded_on = figures_import.uploaded_at.date()
    try:
        problems = imports.check(figures_import.content, uploaded_on).problems
    except imports.ImportRefused as refusal:
        problems = [imports.Problem(None, "", str(refusal))]
    return csv_download(
        f"attendance-import-{figures_import.pk}-errors.csv",
        [_("Row"), _("Column"), _("Value"), _("Problem")],
        ((problem.row, problem.column, problem.value, problem.reason) for problem in problems),
    )


@require_POST
def confirm_view(request, pk):
    """Import: once, however many times it is pressed."""
    _officer_only(request)
    figures_import = _import_or_404(pk)
    if tasks.start_import(figures_import.pk):
        async_task("attendance.tasks.run_import", figures_import.pk)
    return redirect("attendance_import", pk=figures_import.pk)


@require_POST
def cancel_view(request, pk):
    _officer_only(request)
    figures_import = _import_or_404(pk)
    with transaction.atomic():
        locked = FiguresImport.objects.select_for_update().get(pk=figures_import.pk)
        if locked.status in (FiguresImport.Status.CHECKED, FiguresImport.Status.REFUSED):
            locked.status = FiguresImport.Status.CANCELLED
            locked.save(update_fields=["status"])
    return redirect("attendance_imports")
