"""Reading the spreadsheets the portal hands over, to check that none would run a formula
(shared/spreadsheets.py)."""

import csv
import io
import re

from openpyxl import load_workbook

from shared.spreadsheets import FORMULA_STARTS

# What someone might type into a form, meaning harm to whoever opens the export.
HOSTILE = ('=HYPERLINK("http://x")', "+1", "-1+2", "@SUM(1)", "\tTAB", "\rCR")
# A cell with a number in it may start with a minus.
NUMBER = re.compile(r"-?\d+(\.\d+)?")


def fitted(model, field, value):
    """`value` cut to the field's length (PostgreSQL refuses longer)."""
    length = model._meta.get_field(field).max_length
    return value[:length] if length else value


def spreadsheet_rows(response):
    """The rows of a CSV or XLSX response: lists of strings, or of openpyxl cells."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("text/csv"):
        return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    return [list(row) for row in load_workbook(io.BytesIO(body)).active.iter_rows()]


def would_run(rows):
    """Each cell a spreadsheet program would run as a formula."""
    found = []
    for row in rows:
        for cell in row:
            if isinstance(cell, str):
                starts = cell.startswith(FORMULA_STARTS) or cell.lstrip().startswith(FORMULA_STARTS)
                if starts and not NUMBER.fullmatch(cell):
                    found.append(cell)
            elif cell.data_type == "f":  # XLSX: a cell of text is never run
                found.append(cell.value)
    return found


def hostile_shown(rows):
    """The HOSTILE values the rows show, as text (a CSV's with the apostrophe)."""
    texts = [
        cell if isinstance(cell, str) else str(cell.value or "") for row in rows for cell in row
    ]
    quote = "'" if rows and isinstance(rows[0][0], str) else ""
    # XML reads a carriage return as a newline: an XLSX cell's "\r" comes back "\n".
    starts = {
        value: (quote + value[:10], quote + value[:10].replace("\r", "\n")) for value in HOSTILE
    }
    return {value for value in HOSTILE if any(t.startswith(starts[value]) for t in texts)}
