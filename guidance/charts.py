"""Coordinates for the absence chart: this council against England for each school
phase, drawn as inline SVG by guidance/blocks/absence_data.html."""

import math

from shared.charts import BarLayout, paired_bars, tick_step

ABSENCE_LAYOUT = BarLayout(
    label_width=150, value_width=140, bar_height=24, group_gap=24, legend_height=48
)


def absence_chart(figures):
    """`figures` is a list of (phase, local, national) with numbers as percentages."""
    largest = max((float(max(local, national)) for _phase, local, national in figures), default=0)
    step = tick_step(largest)
    axis_max = max(step, math.ceil(largest / step) * step)
    return paired_bars(
        figures, ("local", "national"), axis_max, range(0, axis_max + 1, step), ABSENCE_LAYOUT
    )
