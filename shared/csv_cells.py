"""Cells for CSV files that people open in spreadsheet programs."""

# A cell starting with one of these is run as a formula by Excel and others ("CSV
# injection"); a leading apostrophe makes it plain text and is not shown.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def from_spreadsheet(value):
    """Undo `spreadsheet_safe`, so an exported file imports unchanged."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value
