"""Schools flagged for a stage 1 audit (stages.py says when), each school year that
schools' figures change in: a stage 1 record for every active school whose attendance at
its latest half term with figures that year is under the threshold. An officer's record
is never touched: a school already at a stage that year (any stage, open or closed) keeps
it, so a stage is never lowered, rewritten or re-opened here. Three queries and one bulk
write, whatever the number of schools."""

from datetime import date

from django.db.models import OuterRef, Subquery

from .models import SchoolFigures, SchoolStage
from .stages import flag_for_audit


def latest_figures(years):
    """(school id, year, half, attendance %, persistent %) at each active school's latest
    half term with figures in each of `years`: one query."""
    latest_half = (
        SchoolFigures.objects.filter(school=OuterRef("school"), year=OuterRef("year"))
        .order_by("-half")
        .values("half")[:1]
    )
    return (
        SchoolFigures.objects.filter(year__in=years, school__active=True)
        .filter(half=Subquery(latest_half))
        .order_by()
        .values_list("school_id", "year", "half", "attendance_rate", "persistent_rate")
    )


def flag_schools(years, today=None):
    """Flag for a stage 1 audit the schools under the threshold in `years` that have no
    stage that year yet; the new records."""
    years = set(years)
    if not years:
        return []
    today = today or date.today()
    staged = set(
        SchoolStage.objects.filter(year__in=years).order_by().values_list("school_id", "year")
    )
    flagged = [
        SchoolStage(
            school_id=school_id,
            year=year,
            stage=SchoolStage.Stage.AUDIT,
            flagged_on=today,
            flagged_attendance=attendance,
        )
        for school_id, year, _half, attendance, _persistent in latest_figures(years)
        if (school_id, year) not in staged and flag_for_audit(attendance)
    ]
    # Ignoring conflicts: a stage an officer set in the meantime is theirs.
    SchoolStage.objects.bulk_create(flagged, batch_size=500, ignore_conflicts=True)
    return flagged


def flag_after_figures_changed(sender, years=(), today=None, **kwargs):
    """figures_changed's receiver (connected in apps.py)."""
    flag_schools(years, today)
