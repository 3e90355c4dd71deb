"""Coordinates for the absence chart: this council against England for each school
phase, drawn as inline SVG by guidance/blocks/absence_data.html with shared/charts.py's
geometry."""

import math

from django.utils.translation import gettext

from shared.charts import Series, paired_bars, tick_step


def absence_chart(figures):
    """`figures` is a list of (phase, local, national) with numbers as percentages."""
    largest = max((float(max(local, national)) for _phase, local, national in figures), default=0)
    step = tick_step(largest, intervals=4)  # room for "10%" under each tick in 300 units
    axis_max = max(step, math.ceil(largest / step) * step)
    series = (
        Series(
            gettext("Local (this council)"),
            lambda value: gettext("Local %(value)s%%") % {"value": value},
            "solid",
        ),
        Series(
            gettext("National"),
            lambda value: gettext("National %(value)s%%") % {"value": value},
            "hatch",
        ),
    )
    return paired_bars(
        figures, series, axis_max, range(0, axis_max + 1, step), tick_label=lambda v: f"{v}%"
    )
