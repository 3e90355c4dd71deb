from django.apps import AppConfig


class SharedConfig(AppConfig):
    # An app so that its templates and template tags are found, and for ready(); no models.
    name = "shared"
    verbose_name = "Shared parts"

    def ready(self):
        # Imported here: Wagtail's admin views are loaded once the apps are.
        from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin

        from .admin_start import start_choosers_from_data
        from .spreadsheets import dict_writer

        start_choosers_from_data()

        def stream_csv(self, queryset):
            # Wagtail's own, with our writer for its csv.DictWriter: Wagtail writes a cell
            # starting with = + - @ as it is (its XLSX files force such cells to text).
            # Patched on the mixin, not on our views, so that every CSV export in the
            # admin is covered in this one place: our viewsets' list_export and Wagtail's
            # reports (site history, aging and locked pages, workflows, redirects, search
            # promotions, form submissions). tests/shared/test_spreadsheets.py checks it.
            rows = dict_writer(Echo(), fieldnames=self.list_export)
            yield rows.writerow(
                {field: self.get_heading(queryset, field) for field in self.list_export}
            )
            for item in queryset:
                yield self.write_csv_row(rows, self.to_row_dict(item))

        SpreadsheetExportMixin.stream_csv = stream_csv
