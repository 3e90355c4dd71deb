"""Every spreadsheet the portal writes: CSV files that people open in spreadsheet programs.

A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by
Excel, LibreOffice and others ("CSV injection"): a name such as `=HYPERLINK(...)` typed into
a form would run when an officer opens the export. Every CSV of the
portal's is written with `writer` or `dict_writer` below, whose every text cell goes through
`spreadsheet_cell`; Wagtail's own exports are patched to use them (shared.apps)."""

import csv
import datetime
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import translation

# A leading apostrophe makes such a cell plain text (OWASP's advice on CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Numbers and dates are written as values: a negative number stays a number.
VALUES = (int, float, Decimal, datetime.date, datetime.time)


def _needs_quote(text):
    # After leading whitespace too: a program that trims spaces on import (LibreOffice's
    # "Trim spaces" option) would see " =1+1" as a formula; an apostrophe costs nothing. And a cell that starts
    # with an apostrophe itself, so that `from_spreadsheet` gives back every text exactly.
    return text.startswith((*FORMULA_STARTS, "'")) or text.lstrip().startswith(FORMULA_STARTS)


def spreadsheet_safe(text):
    """A text as a cell that spreadsheet programs show and never run."""
    return f"'{text}" if _needs_quote(text) else text


def from_spreadsheet(text):
    """Undo `spreadsheet_safe`, so that an exported file imports unchanged (CASO contacts)."""
    return text[1:] if text.startswith("'") and _needs_quote(text[1:]) else text


def spreadsheet_cell(value):
    """A value for a CSV cell: numbers and dates as they are, None empty, anything else
    (text, lazy translations, model instances) as safe text."""
    if value is None:
        return ""
    if isinstance(value, VALUES):  # bool is an int: written True or False
        return value
    return spreadsheet_safe(str(value))


class _SafeWriter:
    """csv.writer's interface, every cell through `spreadsheet_cell`."""

    def __init__(self, out, **options):
        self._writer = csv.writer(out, **options)
        self.dialect = self._writer.dialect

    def writerow(self, row):
        return self._writer.writerow([spreadsheet_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(out, **options):
    """A csv.writer onto `out` (a file, an HttpResponse) whose cells are safe."""
    return _SafeWriter(out, **options)


def dict_writer(out, fieldnames):
    """A csv.DictWriter onto `out` whose cells are safe."""
    rows = csv.DictWriter(out, fieldnames)
    rows.writer = _SafeWriter(out)  # DictWriter writes each row through .writer
    return rows


BYTE_ORDER_MARK = "\ufeff"  # so spreadsheet programs read the file as UTF-8


def csv_response(filename):
    """An empty CSV download named `filename`, for `writer` to write to: for a file that
    stays small. A list that grows with the county is sent with `csv_download`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BYTE_ORDER_MARK)
    return response


class _Line:
    """A file whose write gives back what it is given: csv.writer then returns each line."""

    def write(self, text):
        return text


def csv_download(filename, heading, rows):
    """A CSV download of `heading` then `rows` (an iterable, best a generator or a
    queryset's .iterator()), written line by line as it is sent: memory and the first
    byte's wait stay the same however long the list. The rows are worked out after the
    view has returned, in the language of the request."""
    language = translation.get_language()

    def lines():
        out = writer(_Line())
        with translation.override(language):
            yield BYTE_ORDER_MARK + out.writerow(heading)
            for row in rows:
                yield out.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
