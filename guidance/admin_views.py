"""Editors' CSV import and export of CASO contacts, in the Wagtail admin."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from shared.spreadsheets import csv_download

from .caso_csv import (
    COLUMNS,
    ImportRefused,
    check_rows,
    contact_rows,
    read_upload,
    save_contacts,
)

# Importing creates and changes contacts, so it takes both permissions.
IMPORT_PERMISSIONS = ("guidance.add_agencycontact", "guidance.change_agencycontact")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8 text, smaller than 2 MB, with the columns named in its first row."
        ),
    )


@permission_required("guidance.view_agencycontact", raise_exception=True)
def export_view(request):
    filename = f"caso-contacts-{timezone.localdate():%Y-%m-%d}.csv"
    return csv_download(filename, COLUMNS, contact_rows())


@permission_required(IMPORT_PERMISSIONS, raise_exception=True)
def import_view(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            contacts, problems = check_rows(read_upload(form.cleaned_data["file"]))
        except ImportRefused as refusal:
            form.add_error("file", str(refusal))
        else:
            if not problems:
                created, updated = save_contacts(contacts, request.user)
                messages.success(
                    request,
                    _("Contacts imported: %(created)d new, %(updated)d updated.")
                    % {"created": created, "updated": updated},
                )
                return redirect("wagtailsnippets_guidance_agencycontact:list")
    return TemplateResponse(
        request,
        "guidance/caso/admin/import.html",
        {"form": form, "problems": problems, "columns": COLUMNS},
    )
