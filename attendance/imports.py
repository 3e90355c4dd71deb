"""Attendance figures from CSV files: the council's own export and the DfE's published
files (docs/attendance-import.md names every column taken).

A file is read and checked in full before anything is saved: every row that cannot be
taken is reported with its row number (as a spreadsheet numbers it: the header is row 1),
its column and a plain reason, and one such row means nothing is imported. Reading and
the row rules need no database; `check` then looks every URN and every existing row up
in bulk (a fixed number of queries whatever the number of rows), and `import_checked`
writes them all in one transaction with bulk upserts."""

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from portal.models import School

from . import periods
from .models import (
    AUTHORISED,
    COUNTS,
    RATES,
    UNAUTHORISED,
    AreaFigures,
    SchoolFigures,
    percent,
)
from .signals import figures_changed

# Layouts of file: schools' rows of the council's export, its council and national rows,
# and the DfE's published files.
SCHOOLS = "schools"
AREAS = "areas"
DFE = "dfe"

# The council's export: its column for each count.
COUNCIL_COUNTS = {name: name for name in COUNTS}
COUNCIL_REQUIRED = ("school_year", "half_term", "pupils_on_roll", "possible_sessions")
COUNCIL_OPTIONAL_COUNTS = (*AUTHORISED, *UNAUTHORISED, "persistent_absentees", "severe_absentees")

# The DfE's files: the columns each count is the sum of.
DFE_COUNTS = {
    "pupils_on_roll": ("enrolments",),
    "possible_sessions": ("sess_possible",),
    "authorised_illness": ("sess_auth_illness",),
    "authorised_medical": ("sess_auth_appointments",),
    "authorised_holiday": ("sess_auth_holiday",),
    # authorised_other: every other sess_auth_* count (see _dfe_other_authorised)
    "unauthorised_holiday": ("sess_unauth_holiday",),
    "unauthorised_late": ("sess_unauth_late",),
    "unauthorised_other": ("sess_unauth_other", "sess_unauth_noyet"),
    "persistent_absentees": ("enrolments_pa_10_exact",),
    "severe_absentees": ("enrolments_pa_50_exact",),
}
DFE_REQUIRED = ("time_period", "time_identifier", "geographic_level", "enrolments", "sess_possible")
# sess_auth_* columns that are not counts of their own: totals and percentages.
DFE_AUTH_NAMED = {"sess_auth_illness", "sess_auth_appointments", "sess_auth_holiday"}
DFE_NOT_COUNTS = re.compile(r"(_percent|_rate|_totalreasons|_total)$")
# Figures are year to date: only the periods that end a half term of ours are taken.
DFE_HALVES = {"autumn term": 2, "autumn and spring term": 4, "full academic year": 6}
DFE_PHASES = {
    "state-funded primary": School.Phase.PRIMARY,
    "state-funded secondary": School.Phase.SECONDARY,
    "special": School.Phase.SPECIAL,
    "total": AreaFigures.ALL_SCHOOLS,
}
AREA_PHASES = {AreaFigures.ALL_SCHOOLS, *School.Phase.values}
AREAS_TAKEN = set(AreaFigures.Area.values)

# Errors kept with the import for its page; the CSV of errors checks the file again and
# lists every one.
ERRORS_KEPT = 200
FIRST_ROWS = 10
PROGRESS_EVERY = 1000
BATCH = 1000
_WHOLE = re.compile(r"^-?\d+(?:\.0+)?$")


class ImportRefused(Exception):
    """The file as a whole cannot be taken: empty, too big, not UTF-8 text, not CSV, a
    header without the columns needed, too many rows."""


@dataclass
class Problem:
    row: int | None
    column: str
    reason: str
    value: str = ""  # the cell as the file gives it, so the officer can find it

    def as_dict(self):
        return {"row": self.row, "column": self.column, "reason": self.reason, "value": self.value}


@dataclass
class Row:
    """One row of figures as it would be written."""

    line: int
    year: int
    half: int
    counts: dict
    urn: str = ""
    area: str = ""
    phase: str = ""

    @property
    def key(self):
        return (self.urn,) if self.urn else (self.area, self.phase)


@dataclass
class Checked:
    layout: str
    rows_total: int = 0
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    school_ids: dict = field(default_factory=dict)  # URN -> school id
    summary: dict = field(default_factory=dict)

    @property
    def kind(self):
        return "dfe" if self.layout == DFE else "council"


# --- Reading the file --------------------------------------------------------------


def decode(data, max_bytes=None):
    """The file's text: UTF-8, with or without a byte order mark."""
    max_bytes = max_bytes or settings.ATTENDANCE_IMPORT_MAX_BYTES
    if not data or not data.strip():
        raise ImportRefused(_("The file is empty."))
    if len(data) > max_bytes:
        raise ImportRefused(
            _("The file is larger than %(size)s MB. Split it into smaller files.")
            % {"size": max_bytes // (1024 * 1024) or 1}
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(
            _(
                "The file is not UTF-8 text. Save it from your spreadsheet as "
                "“CSV UTF-8” (with or without a byte order mark) and upload it again."
            )
        ) from None
    if "\x00" in text:
        raise ImportRefused(_("The file is not a CSV file: save it as CSV and try again."))
    return text


def _header(text):
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader, None)
    except csv.Error:
        header = None
    if not header or not any(cell.strip() for cell in header):
        raise ImportRefused(_("The file is empty."))
    return [cell.strip().lower() for cell in header]


def layout_of(header):
    """Which kind of file the header names, or refused naming the columns missing."""
    names = set(header)
    if "urn" in names:
        layout, required = SCHOOLS, ("urn", *COUNCIL_REQUIRED)
    elif {"area", "phase"} <= names:
        layout, required = AREAS, ("area", "phase", *COUNCIL_REQUIRED)
    elif {"time_period", "geographic_level"} & names:
        layout, required = DFE, DFE_REQUIRED
    else:
        raise ImportRefused(
            _(
                "The first row must name the columns: urn (or area and phase), school_year, "
                "half_term and the counts for the council's export, or time_period, "
                "time_identifier, geographic_level and the counts for a DfE file."
            )
        )
    missing = [name for name in required if name not in names]
    if missing:
        raise ImportRefused(
            _("The first row does not name these columns the file needs: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    return layout


def read(text, max_rows=None):
    """(layout, header, rows): the rows as lists of cells, checked as a whole."""
    max_rows = max_rows or settings.ATTENDANCE_IMPORT_MAX_ROWS
    header = _header(text)
    layout = layout_of(header)
    try:
        rows = list(csv.reader(io.StringIO(text)))[1:]
    except csv.Error as error:
        raise ImportRefused(
            _("The file cannot be read as CSV: %(error)s.") % {"error": error}
        ) from None
    if not any(any(cell.strip() for cell in row) for row in rows):
        raise ImportRefused(_("The file has a header but no rows of figures."))
    if len(rows) > max_rows:
        raise ImportRefused(
            _("The file has %(rows)s rows; at most %(most)s are taken at once. Split it.")
            % {"rows": f"{len(rows):,}", "most": f"{max_rows:,}"}
        )
    return layout, header, rows


# --- The rules of a row (no database) ----------------------------------------------


MOST = 10**12


def whole_number(text):
    """(number, reason): a count as an int, or None and why not."""
    text = (text or "").strip().replace(",", "")
    if not _WHOLE.match(text):
        return None, _("“%(value)s” is not a whole number.") % {"value": text}
    number = int(float(text)) if "." in text else int(text)
    if number < 0:
        return None, _("%(value)s is negative: counts are 0 or more.") % {"value": text}
    if number > MOST:
        # More sessions than England holds in a century: a slip, and past what the
        # database keeps.
        return None, _("%(value)s is too large to be a count.") % {"value": text}
    return number, None


def inconsistencies(counts):
    """(count name, reason) for each way these counts cannot all be true: the import and
    the officers' edit forms ask the same."""
    found = []
    absent = sum(counts.get(name) or 0 for name in (*AUTHORISED, *UNAUTHORISED))
    possible = counts.get("possible_sessions") or 0
    pupils = counts.get("pupils_on_roll") or 0
    persistent = counts.get("persistent_absentees") or 0
    severe = counts.get("severe_absentees") or 0
    if absent > possible:
        found.append(
            (
                "possible_sessions",
                _(
                    "The sessions missed (%(absent)s) are more than the possible sessions (%(possible)s)."
                )
                % {"absent": f"{absent:,}", "possible": f"{possible:,}"},
            )
        )
    if possible and not pupils:
        found.append(("pupils_on_roll", _("There are possible sessions but no pupils on roll.")))
    if persistent > pupils:
        found.append(
            (
                "persistent_absentees",
                _("More persistent absentees (%(persistent)s) than pupils on roll (%(pupils)s).")
                % {"persistent": f"{persistent:,}", "pupils": f"{pupils:,}"},
            )
        )
    if severe > persistent:
        found.append(
            (
                "severe_absentees",
                _(
                    "More severe absentees (%(severe)s) than persistent absentees "
                    "(%(persistent)s): every severe absentee is also a persistent one."
                )
                % {"severe": f"{severe:,}", "persistent": f"{persistent:,}"},
            )
        )
    return found


def year_problem(text, this_year):
    """(year, reason)."""
    year = periods.parse_year(text)
    if year is None:
        return None, _("“%(value)s” is not a school year: write it as 2025/26.") % {"value": text}
    if year > this_year:
        return None, _("%(year)s is a school year still to come.") % {
            "year": periods.year_label(year)
        }
    return year, None


class _RowReader:
    """Reads rows of one layout into Rows and Problems; no database."""

    def __init__(self, layout, header, this_year, la_code):
        self.layout = layout
        self.cells = {}  # the row being read, as the file gives it
        self.header = header
        self.this_year = this_year
        self.la_code = la_code
        self.problems = []
        self.skipped = Counter()
        self.seen = {}
        if layout == DFE:
            self.columns = {
                name: tuple(column for column in columns if column in header)
                for name, columns in DFE_COUNTS.items()
            }
            self.columns["authorised_other"] = tuple(
                name
                for name in header
                if name.startswith("sess_auth_")
                and name not in DFE_AUTH_NAMED
                and not DFE_NOT_COUNTS.search(name)
            )
            self.required = {"pupils_on_roll", "possible_sessions"}
        else:
            self.columns = {name: (name,) if name in header else () for name in COUNCIL_COUNTS}
            self.required = {"pupils_on_roll", "possible_sessions"}

    def problem(self, line, column, reason):
        value = self.cells.get(column, "") if column else ""
        self.problems.append(Problem(line, column, reason, value))

    def read(self, line, cells):
        values = dict(zip(self.header, (cell.strip() for cell in cells), strict=False))
        self.cells = dict(zip(self.header, cells, strict=False))
        if not any(values.values()):
            return None  # a blank line, as spreadsheets leave at the end
        if self.layout == DFE:
            where = self._dfe_place(line, values)
        else:
            where = self._council_place(line, values)
        if where is None:
            return None
        ok = where is not False
        counts = {}
        for name, columns in self.columns.items():
            total = 0
            for column in columns:
                text = values.get(column, "")
                if text == "" and name not in self.required:
                    continue
                if text == "":
                    self.problem(line, column, _("This count is empty."))
                    ok = False
                    continue
                number, reason = whole_number(text)
                if reason:
                    self.problem(line, column, reason)
                    ok = False
                else:
                    total += number
            counts[name] = total
        if not ok:
            return None
        for name, reason in inconsistencies(counts):
            self.problem(line, self.columns[name][0] if self.columns[name] else name, reason)
            ok = False
        row = Row(line=line, counts=counts, **where)
        key = (*row.key, row.year, row.half)
        if key in self.seen:
            self.problem(
                line,
                self._place_column(row),
                _("The same %(what)s and half term as row %(row)s.")
                % {"what": _("school") if row.urn else _("area and phase"), "row": self.seen[key]},
            )
            return None
        self.seen[key] = line
        return row if ok else None

    def _place_column(self, row):
        if self.layout == DFE:
            return "school_urn" if row.urn else "education_phase"
        return "urn" if row.urn else "phase"

    def _council_place(self, line, values):
        place = {}
        ok = True
        if self.layout == SCHOOLS:
            place["urn"] = values.get("urn", "")
            if not place["urn"]:
                self.problem(line, "urn", _("The URN is empty."))
                ok = False
        else:
            area, phase = values.get("area", "").lower(), values.get("phase", "").lower()
            if area not in AREAS_TAKEN:
                self.problem(
                    line,
                    "area",
                    _("“%(value)s” is not an area: council or national.") % {"value": area},
                )
                ok = False
            if phase not in AREA_PHASES:
                self.problem(
                    line,
                    "phase",
                    _("“%(value)s” is not a phase: %(phases)s.")
                    % {"value": phase, "phases": ", ".join(sorted(AREA_PHASES))},
                )
                ok = False
            place.update(area=area, phase=phase)
        year, reason = year_problem(values.get("school_year", ""), self.this_year)
        if reason:
            self.problem(line, "school_year", reason)
            ok = False
        half_text = values.get("half_term", "")
        half = int(half_text) if half_text.isdigit() else None
        if half not in periods.HALVES:
            self.problem(
                line,
                "half_term",
                _("“%(value)s” is not a half term: 1 to 6.") % {"value": half_text},
            )
            ok = False
        if not ok:
            return False
        return {**place, "year": year, "half": half}

    def _dfe_place(self, line, values):
        level = values.get("geographic_level", "").lower()
        place = {}
        ok = True
        if level == "school":
            code = values.get("new_la_code", "")
            if code and code != self.la_code:
                self.skipped["other councils' schools"] += 1
                return None
            place["urn"] = values.get("school_urn", "")
            if not place["urn"]:
                self.problem(line, "school_urn", _("The URN is empty."))
                ok = False
        elif level in ("national", "local authority"):
            if level == "local authority" and values.get("new_la_code", "") != self.la_code:
                self.skipped["other local authorities"] += 1
                return None
            phase_text = values.get("education_phase", "")
            phase = DFE_PHASES.get(phase_text.lower())
            if phase is None:
                self.problem(
                    line,
                    "education_phase",
                    _("“%(value)s” is not a phase taken: %(phases)s.")
                    % {
                        "value": phase_text,
                        "phases": "State-funded primary, State-funded secondary, Special, Total",
                    },
                )
                ok = False
            area = AreaFigures.Area.NATIONAL if level == "national" else AreaFigures.Area.COUNCIL
            place.update(area=str(area), phase=str(phase or ""))
        else:
            self.skipped["other geographic levels"] += 1
            return None
        year, reason = year_problem(values.get("time_period", ""), self.this_year)
        if reason:
            self.problem(line, "time_period", reason)
            ok = False
        identifier = values.get("time_identifier", "")
        half = DFE_HALVES.get(identifier.lower())
        if half is None:
            self.problem(
                line,
                "time_identifier",
                _(
                    "“%(value)s” is not taken: figures are kept for the year to date, so only "
                    "Autumn term, Autumn and spring term and Full academic year are."
                )
                % {"value": identifier},
            )
            ok = False
        if not ok:
            return False
        return {**place, "year": year, "half": half}


def read_rows(layout, header, rows, this_year, la_code, progress=None):
    """(Rows, Problems, skipped) of a file already read; no database."""
    reader = _RowReader(layout, header, this_year, la_code)
    taken = []
    for index, cells in enumerate(rows):
        row = reader.read(index + 2, cells)
        if row is not None:
            taken.append(row)
        if progress and (index + 1) % PROGRESS_EVERY == 0:
            progress(index + 1)
    return taken, reader.problems, reader.skipped


# --- Checking against the database, and importing -----------------------------------


def check(text, today, progress=None):
    """The file read and checked in full: what importing it would do, or its problems.
    Five queries whatever the number of rows."""
    layout, header, rows = read(text)
    checked = Checked(layout=layout, rows_total=len(rows))
    taken, problems, skipped = read_rows(
        layout,
        header,
        rows,
        periods.school_year_of(today),
        settings.ATTENDANCE_LA_CODE,
        progress,
    )
    checked.skipped = skipped
    urns = {row.urn for row in taken if row.urn}
    schools = dict(School.objects.filter(urn__in=urns).values_list("urn", "pk")) if urns else {}
    checked.school_ids = schools
    urn_column = "school_urn" if layout == DFE else "urn"
    kept = []
    for row in taken:
        if row.urn and row.urn not in schools:
            problems.append(
                Problem(
                    row.line,
                    urn_column,
                    _("No school with the URN %(urn)s is in the portal.") % {"urn": row.urn},
                    row.urn,
                )
            )
        else:
            kept.append(row)
    problems.sort(key=lambda problem: (problem.row or 0, problem.column))
    checked.problems = problems
    checked.rows = kept
    checked.summary = _summary(checked, today)
    if progress:
        progress(len(rows))
    return checked


def _existing(rows, school_ids):
    years = {row.year for row in rows}
    school_keys = set()
    area_keys = set()
    if not years:
        return school_keys, area_keys
    ids = {school_ids[row.urn] for row in rows if row.urn}
    if ids:
        school_keys = set(
            SchoolFigures.objects.filter(school_id__in=ids, year__in=years).values_list(
                "school_id", "year", "half"
            )
        )
    if any(row.area for row in rows):
        area_keys = set(
            AreaFigures.objects.filter(year__in=years).values_list("area", "phase", "year", "half")
        )
    return school_keys, area_keys


def _summary(checked, today):
    rows = checked.rows
    school_keys, area_keys = _existing(rows, checked.school_ids)
    new = Counter()
    for row in rows:
        if row.urn:
            kind = "school"
            exists = (checked.school_ids[row.urn], row.year, row.half) in school_keys
        else:
            kind = row.area
            exists = (row.area, row.phase, row.year, row.half) in area_keys
        new[f"{kind}_{'replacing' if exists else 'new'}"] += 1
    halves = sorted({(row.year, row.half) for row in rows})
    first = []
    for row in rows[:FIRST_ROWS]:
        absent = sum(row.counts[name] for name in (*AUTHORISED, *UNAUTHORISED))
        rate = percent(absent, row.counts["possible_sessions"])
        first.append(
            {
                "row": row.line,
                "who": row.urn or f"{row.area} {row.phase}",
                "period": str(periods.HalfTerm(row.year, row.half)),
                "pupils": row.counts["pupils_on_roll"],
                "possible": row.counts["possible_sessions"],
                "absence": None if rate is None else str(rate),
            }
        )
    return {
        "rows": checked.rows_total,
        "counts": dict(new),
        "new": sum(v for k, v in new.items() if k.endswith("_new")),
        "replacing": sum(v for k, v in new.items() if k.endswith("_replacing")),
        "schools": len({row.urn for row in rows if row.urn}),
        "half_terms": [str(periods.HalfTerm(year, half)) for year, half in halves],
        "years": sorted({row.year for row in rows}),
        "skipped": sum(checked.skipped.values()),
        "skipped_by_reason": dict(checked.skipped),
        "first": first,
        "checked_on": today.isoformat(),
    }


def import_checked(checked, source, today, progress=None):
    """Write every row of a checked file, with no problems, in the caller's transaction
    (all or nothing), then tell the rest of the app (figures_changed: the council's
    figures are worked out again). Returns the school years touched."""
    assert not checked.problems, "a file with problems is never imported"
    assert transaction.get_connection().in_atomic_block, "import in one transaction"
    school_rows = [
        SchoolFigures(
            school_id=checked.school_ids[row.urn],
            year=row.year,
            half=row.half,
            source=source,
            **row.counts,
        ).work_out_rates()
        for row in checked.rows
        if row.urn
    ]
    area_rows = [
        AreaFigures(
            area=row.area,
            phase=row.phase,
            year=row.year,
            half=row.half,
            worked_out=False,  # published figures: kept when the council's are worked out
            source=source,
            **row.counts,
        ).work_out_rates()
        for row in checked.rows
        if row.area
    ]
    done = 0
    total = len(school_rows) + len(area_rows)
    for model, rows, unique in (
        (SchoolFigures, school_rows, ["school", "year", "half"]),
        (AreaFigures, area_rows, ["area", "phase", "year", "half"]),
    ):
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            model.objects.bulk_create(
                batch,
                update_conflicts=True,
                unique_fields=unique,
                update_fields=[*COUNTS, *RATES, "source", "updated_at"]
                + (["worked_out"] if model is AreaFigures else []),
            )
            done += len(batch)
            if progress:
                progress(done, total)
    years = {row.year for row in checked.rows}
    # The council's figures, the stages and the page cache follow (apps.py).
    figures_changed.send(sender=SchoolFigures, years=years, today=today)
    return years
