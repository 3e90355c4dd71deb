"""Coordinates for the report's chart: one pair of horizontal bars per area (this school
and the council's average for schools of the same phase) on a scale of 0 to 4, drawn as
inline SVG by self_assessment/includes/chart.html in the style of guidance/charts.py.
Plain arithmetic, so the geometry tests in milliseconds."""

from shared.charts import BarLayout, paired_bars

TOP_LEVEL = 4
# Area names are longer than phase names; labels after a bar read e.g. "Average 3.2".
LAYOUT = BarLayout(label_width=190, value_width=130, bar_height=20, group_gap=20, legend_height=44)
LABEL_WIDTH = LAYOUT.label_width


def area_chart(rows):
    """`rows` is a list of (area name, school score or None, average or None)."""
    return paired_bars(rows, ("school", "average"), TOP_LEVEL, range(TOP_LEVEL + 1), LAYOUT)
