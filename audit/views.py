"""Pieces the feature apps' admin views share to write to the audit log."""

from .log import Action, record


class AuditedExportMixin:
    """For a Wagtail IndexView with list_export: each spreadsheet downloaded is logged,
    with how many rows and which filters. Set audit_kind and audit_service."""

    audit_kind = ""
    audit_service = ""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        filters = self.request.GET.copy()
        filters.pop("export", None)
        record(
            Action.EXPORTED,
            kind=self.audit_kind,
            service=self.audit_service,
            detail=f"{spreadsheet_format}, {queryset.count()} rows"
            + (f", filters: {filters.urlencode()}" if filters else ""),
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)
