"""The council's figures by phase, worked out from its schools' figures: the sum of the
counts of every school with figures for that half term, for each phase and for all
schools. A council row imported from the council's own export (worked_out=False) is its
published figure and is kept; only rows worked out here are replaced. One grouped query
and one bulk write, whatever the number of schools."""

from django.db.models import Sum

from .models import COUNTS, RATES, AreaFigures, SchoolFigures


def work_out_council_figures(years=None):
    """Work out the council's rows for every half term of `years` (all years if None)
    that has schools' figures; returns how many rows were written."""
    schools = SchoolFigures.objects.all()
    if years is not None:
        schools = schools.filter(year__in=years)
    grouped = (
        schools.values("year", "half", "school__phase")
        .order_by()
        .annotate(**{name: Sum(name) for name in COUNTS})
    )
    totals = {}
    for row in grouped:
        for phase in (row["school__phase"], AreaFigures.ALL_SCHOOLS):
            key = (phase, row["year"], row["half"])
            sums = totals.setdefault(key, dict.fromkeys(COUNTS, 0))
            for name in COUNTS:
                sums[name] += row[name] or 0
    published = _published_keys(years)
    rows = [
        AreaFigures(
            area=AreaFigures.Area.COUNCIL,
            phase=phase,
            year=year,
            half=half,
            worked_out=True,
            **sums,
        ).work_out_rates()
        for (phase, year, half), sums in totals.items()
        if (phase, year, half) not in published
    ]
    stale = AreaFigures.objects.filter(area=AreaFigures.Area.COUNCIL, worked_out=True)
    if years is not None:
        stale = stale.filter(year__in=years)
    # Rows for a phase or half term no school has figures for any more go.
    gone = [
        pk
        for pk, phase, year, half in stale.values_list("pk", "phase", "year", "half")
        if (phase, year, half) not in totals
    ]
    if gone:
        AreaFigures.objects.filter(pk__in=gone).delete()
    AreaFigures.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["area", "phase", "year", "half"],
        update_fields=[*COUNTS, *RATES, "worked_out", "updated_at"],
        batch_size=500,
    )
    return len(rows)


def work_out_after_figures_changed(sender, years=(), **kwargs):
    """figures_changed's first receiver (connected in apps.py): whatever changed the
    schools' figures (an import, an officer's correction), the council's follow."""
    work_out_council_figures(set(years))


def _published_keys(years):
    imported = AreaFigures.objects.filter(area=AreaFigures.Area.COUNCIL, worked_out=False)
    if years is not None:
        imported = imported.filter(year__in=years)
    return set(imported.values_list("phase", "year", "half"))
