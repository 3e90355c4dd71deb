"""Coordinates for the report's chart: one pair of horizontal bars per area (this school
and the council's average for schools of the same phase) on a scale of 0 to 4, drawn as
inline SVG by self_assessment/includes/chart.html with shared/charts.py's geometry."""

from django.utils.translation import gettext

from shared.charts import Series, paired_bars

TOP_LEVEL = 4


def _value(value):
    return "–" if value is None else value


def area_chart(rows):
    """`rows` is a list of (area name, school score or None, average or None). Area names
    are written once, in English, so they are marked as such in every language."""
    series = (
        Series(
            gettext("This school"),
            lambda value: gettext("School %(value)s") % {"value": _value(value)},
            "solid",
        ),
        Series(
            gettext("Average, same phase"),
            lambda value: gettext("Average %(value)s") % {"value": _value(value)},
            "hatch",
        ),
    )
    return paired_bars(rows, series, TOP_LEVEL, range(TOP_LEVEL + 1), names_untranslated=True)
