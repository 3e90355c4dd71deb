"""The attendance app's answer to shared/absence_figures.py: the council's and England's
overall absence by phase for the strategy page's chart, from the latest school year both
have whole-year figures for, or else the latest half term both have. One query."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext

from shared.absence_figures import AbsenceRow, AbsenceYear

from .models import AreaFigures
from .periods import HALF_NAMES, year_label

PHASES = (AreaFigures.ALL_SCHOOLS, "primary", "secondary", "special")
TENTH = Decimal("0.1")


def latest_absence():
    rows = AreaFigures.objects.filter(phase__in=PHASES, absence_rate__isnull=False).values_list(
        "area", "phase", "year", "half", "absence_rate"
    )
    figures = {}  # (year, half) -> {(area, phase): rate}
    for area, phase, year, half, rate in rows:
        figures.setdefault((year, half), {})[(area, phase)] = rate
    both = [
        period
        for period, found in figures.items()
        if {area for area, _phase in found} >= {AreaFigures.Area.COUNCIL, AreaFigures.Area.NATIONAL}
    ]
    if not both:
        return None
    whole_years = [period for period in both if period[1] == 6]
    year, half = max(whole_years or both)
    found = figures[(year, half)]
    labels = dict(AreaFigures.PHASE_CHOICES)
    absence_rows = [
        AbsenceRow(
            phase=str(labels[phase]),
            local=_tenth(found.get((AreaFigures.Area.COUNCIL, phase))),
            national=_tenth(found.get((AreaFigures.Area.NATIONAL, phase))),
        )
        for phase in PHASES
        if (AreaFigures.Area.COUNCIL, phase) in found or (AreaFigures.Area.NATIONAL, phase) in found
    ]
    if half == 6:
        period = gettext("The whole school year")
    else:
        period = gettext("The school year to the end of %(half)s") % {"half": HALF_NAMES[half]}
    return AbsenceYear(
        year=year_label(year),
        period=period,
        rows=absence_rows,
        source=gettext("the council's attendance data; England: Department for Education"),
    )


def _tenth(rate):
    return None if rate is None else Decimal(rate).quantize(TENTH, rounding=ROUND_HALF_UP)
