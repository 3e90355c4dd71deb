"""What a school's attendance page, its governors' report and the dashboard panel show:
the school's figures for a half term against the council's and England's for the same
phase, the half terms of the year so far, the last five years and the school's stage.
A fixed number of queries whatever the number of years and half terms (three for one
school, at most four for the dashboard panel's many)."""

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.models import School
from shared.charts import Series, paired_bars, tick_step

from .models import (
    AUTHORISED,
    UNAUTHORISED,
    AreaFigures,
    SchoolFigures,
    SchoolStage,
    percent,
)
from .periods import HALF_NAMES, year_label
from .stages import flag_for_audit

YEARS_BACK = 5

# (name of the rate on a Figures row, its label): the page's comparisons, in order.
MEASURES = (
    ("attendance_rate", _("Attendance")),
    ("absence_rate", _("Overall absence")),
    ("authorised_rate", _("Authorised absence")),
    ("unauthorised_rate", _("Unauthorised absence")),
    ("persistent_rate", _("Persistent absence (pupils missing 10% or more)")),
    ("severe_rate", _("Severe absence (pupils missing 50% or more)")),
)


@dataclass
class Area:
    """The council's or England's row for a half term: for the school's phase, or for all
    schools when that phase has none (`fallback`)."""

    figures: object = None
    fallback: bool = False

    def rate(self, name):
        return None if self.figures is None else getattr(self.figures, name)

    @property
    def attendance_rate(self):
        return self.rate("attendance_rate")

    @property
    def absence_rate(self):
        return self.rate("absence_rate")


@dataclass
class Period:
    """One half term of the school's figures with the council's and England's."""

    school: SchoolFigures
    council: Area
    national: Area

    @property
    def half_term(self):
        return self.school.period

    @property
    def is_whole_year(self):
        return self.school.half == 6

    @property
    def below_threshold(self):
        return flag_for_audit(self.school.attendance_rate)

    def comparisons(self, names=None):
        """Each measure (or those `names`) for the school, the council and England."""
        return [
            {
                "label": label,
                "school": getattr(self.school, name),
                "council": self.council.rate(name),
                "national": self.national.rate(name),
            }
            for name, label in MEASURES
            if names is None or name in names
        ]

    def reasons(self):
        """Sessions missed by reason group, each as a % of the possible sessions."""
        possible = self.school.possible_sessions
        return [
            {
                "label": SchoolFigures._meta.get_field(name).verbose_name,
                "sessions": getattr(self.school, name),
                "rate": percent(getattr(self.school, name), possible),
            }
            for name in (*AUTHORISED, *UNAUTHORISED)
        ]


@dataclass
class SchoolYear:
    """Everything the school's page shows for one school year."""

    school: object
    years: list  # every school year with the school's figures, newest first
    year: int | None  # the year shown (None: no figures at all)
    periods: list = field(default_factory=list)  # the year's half terms, in order
    history: list = field(default_factory=list)  # one Period per year, newest first
    stage: SchoolStage | None = None

    @property
    def latest(self):
        return self.periods[-1] if self.periods else None

    @property
    def year_label(self):
        return year_label(self.year) if self.year is not None else ""

    def up_to(self, half):
        """The same year cut at `half`: the governors' report for a term."""
        periods = [period for period in self.periods if period.school.half <= half]
        return SchoolYear(self.school, self.years, self.year, periods, self.history, self.stage)


def _area_rows(phases, years):
    """{(area, phase, year, half): AreaFigures} for these phases and years: one query."""
    rows = AreaFigures.objects.filter(phase__in=phases, year__in=years)
    return {(row.area, row.phase, row.year, row.half): row for row in rows}


def _area(rows, area, phase, year, half):
    found = rows.get((area, phase, year, half))
    if found is not None or phase == AreaFigures.ALL_SCHOOLS:
        return Area(found, False)
    everyone = rows.get((area, AreaFigures.ALL_SCHOOLS, year, half))
    return Area(everyone, everyone is not None)


def _period(rows, school, figures):
    key = (school.phase, figures.year, figures.half)
    return Period(
        figures,
        _area(rows, AreaFigures.Area.COUNCIL, *key),
        _area(rows, AreaFigures.Area.NATIONAL, *key),
    )


def school_year(school, wanted=None):
    """The school's figures for the school year `wanted` (a number, or None), or for the
    latest year with figures when it has none for that year. Three queries."""
    figures = list(
        SchoolFigures.objects.filter(school=school).order_by("-year", "-half")
    )  # a school has at most six rows a year: a few dozen rows in all
    years = sorted({row.year for row in figures}, reverse=True)
    if not years:
        return SchoolYear(school, [], None)
    year = wanted if wanted in years else years[0]
    shown = [row.year for row in figures if year - YEARS_BACK < row.year <= year]
    rows = _area_rows([school.phase, AreaFigures.ALL_SCHOOLS], set(shown))
    periods = [_period(rows, school, row) for row in reversed(figures) if row.year == year]
    latest_of_year = {}
    for row in figures:  # newest first: the first row of each year is its latest
        latest_of_year.setdefault(row.year, row)
    history = [
        _period(rows, school, latest_of_year[y]) for y in years if year - YEARS_BACK < y <= year
    ]
    stage = SchoolStage.objects.filter(school=school, year=year).first()
    return SchoolYear(school, years, year, periods, history, stage)


def latest_period(school):
    """The school's latest half term with figures, with the council's and England's for
    its phase (or all schools): a Period, or None when it has no figures. Two queries."""
    figures = SchoolFigures.objects.filter(school=school).order_by("-year", "-half").first()
    if figures is None:
        return None
    rows = _area_rows([school.phase, AreaFigures.ALL_SCHOOLS], [figures.year])
    return _period(rows, school, figures)


def term_half(school_year_figures, term):
    """The half term a governors' report for `term` (1-3) uses: the term's second half,
    or its first when the second has no figures yet; None when the term has none."""
    halves = {period.school.half for period in school_year_figures.periods}
    for half in (term * 2, term * 2 - 1):
        if half in halves:
            return half
    return None


def trend_chart(periods):
    """Paired bars for each half term: the school's overall absence against the
    council's (year to date), drawn by shared/includes/paired_bars.html."""
    rows = [
        (str(HALF_NAMES[p.school.half]), p.school.absence_rate, p.council.rate("absence_rate"))
        for p in periods
    ]
    largest = max(
        (float(value) for _name, *values in rows for value in values if value is not None),
        default=0,
    )
    step = tick_step(largest, intervals=4)
    axis_max = max(step, math.ceil(largest / step) * step)
    series = (
        Series(gettext("This school"), lambda value: _bar_label("school", value), "solid"),
        Series(
            gettext("The council, same phase"), lambda value: _bar_label("council", value), "hatch"
        ),
    )
    return paired_bars(
        rows, series, axis_max, range(0, axis_max + 1, step), tick_label=lambda v: f"{v}%"
    )


def _bar_label(which, value):
    if value is None:
        return gettext("No figure")
    value = Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if which == "school":
        return gettext("School %(value)s%%") % {"value": value}
    return gettext("Council %(value)s%%") % {"value": value}


def latest_for_schools(school_ids):
    """For the dashboard: each of these schools with its latest half term with figures,
    the council's figure then and the school's stage that year: [(school, Period or
    None, SchoolStage or None)]. One query when none has figures, four when some have,
    whatever the number of schools."""
    newest = SchoolFigures.objects.filter(school=OuterRef("pk")).order_by("-year", "-half")
    schools = list(
        School.objects.filter(pk__in=school_ids).annotate(latest=Subquery(newest.values("pk")[:1]))
    )
    latest = [school.latest for school in schools if school.latest is not None]
    figures = {}
    if latest:
        figures = {row.school_id: row for row in SchoolFigures.objects.filter(pk__in=latest)}
    area_rows, stages = {}, {}
    if figures:
        rows = figures.values()
        area_rows = {
            (row.area, row.phase, row.year, row.half): row
            for row in AreaFigures.objects.filter(
                area=AreaFigures.Area.COUNCIL,
                phase__in={school.phase for school in schools} | {AreaFigures.ALL_SCHOOLS},
                year__in={row.year for row in rows},
                half__in={row.half for row in rows},
            )
        }  # a few rows more than needed at most; each school takes its own below
        stages = {
            (stage.school_id, stage.year): stage
            for stage in SchoolStage.objects.filter(
                school_id__in=list(figures), year__in={row.year for row in rows}
            )
        }
    result = []
    for school in schools:
        row = figures.get(school.pk)
        period = None
        if row is not None:
            key = (school.phase, row.year, row.half)
            period = Period(
                row, _area(area_rows, AreaFigures.Area.COUNCIL, *key), Area(None, False)
            )
        result.append((school, period, stages.get((school.pk, row.year)) if row else None))
    return result
