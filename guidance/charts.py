"""Coordinates for the absence chart: grouped horizontal bars (this council against
England for each school phase), drawn as inline SVG by guidance/blocks/absence_data.html.
Plain arithmetic, so the geometry tests in milliseconds."""

import math

WIDTH = 640
LABEL_WIDTH = 150  # phase names, right-aligned, before the bars
VALUE_WIDTH = 140  # room after the longest bar for its label, e.g. "National 12.9%"
BAR_HEIGHT = 24
BAR_GAP = 4
GROUP_GAP = 24
LEGEND_HEIGHT = 48
AXIS_HEIGHT = 32


def _tick_step(largest):
    """A round step that gives the axis at most seven intervals."""
    for step in (1, 2, 5, 10, 20, 25, 50):
        if largest / step <= 7:
            return step
    return 100


def absence_chart(figures):
    """`figures` is a list of (phase, local, national) with numbers as percentages."""
    largest = max((float(max(local, national)) for _phase, local, national in figures), default=0)
    step = _tick_step(largest)
    axis_max = max(step, math.ceil(largest / step) * step)
    bar_room = WIDTH - LABEL_WIDTH - VALUE_WIDTH

    def length(value):
        return round(bar_room * float(value) / axis_max, 1)

    groups = []
    y = LEGEND_HEIGHT
    for phase, local, national in figures:
        bars = []
        for series, value, bar_y in (
            ("local", local, y),
            ("national", national, y + BAR_HEIGHT + BAR_GAP),
        ):
            width = length(value)
            bars.append(
                {
                    "series": series,
                    "value": value,
                    "y": bar_y,
                    "width": width,
                    "text_x": LABEL_WIDTH + width + 6,
                    "text_y": bar_y + BAR_HEIGHT - 7,
                }
            )
        groups.append({"phase": phase, "text_y": y + BAR_HEIGHT + BAR_GAP / 2 + 5, "bars": bars})
        y += 2 * BAR_HEIGHT + BAR_GAP + GROUP_GAP
    axis_y = y - GROUP_GAP + 6
    ticks = [
        {"value": value, "x": LABEL_WIDTH + length(value)} for value in range(0, axis_max + 1, step)
    ]
    return {
        "width": WIDTH,
        "height": axis_y + AXIS_HEIGHT,
        "bars_x": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "phase_x": LABEL_WIDTH - 10,
        "grid_top": LEGEND_HEIGHT - 8,
        "axis_y": axis_y,
        "tick_text_y": axis_y + 22,
        "ticks": ticks,
        "groups": groups,
    }
