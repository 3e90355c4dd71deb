"""Coordinates for paired-bar charts (grouped horizontal bars, two per group), drawn as
inline SVG by the templates of the charts that use them: the strategy's absence chart and
the self-assessment report. Plain arithmetic, so the geometry tests in milliseconds."""

from dataclasses import dataclass


def tick_step(largest):
    """A round step that gives the axis at most seven intervals."""
    for step in (1, 2, 5, 10, 20, 25, 50):
        if largest / step <= 7:
            return step
    return 100


@dataclass(frozen=True)
class BarLayout:
    """Sizes of a paired-bar chart, in SVG units."""

    label_width: int  # group names, right-aligned, before the bars
    value_width: int  # room after the longest bar for its label
    bar_height: int
    group_gap: int
    legend_height: int
    width: int = 640
    bar_gap: int = 4
    axis_height: int = 32


def paired_bars(rows, series, axis_max, tick_values, layout):
    """Coordinates for grouped horizontal bars, two per group: `rows` is a list of
    (name, first value, second value), `series` the two series' names. A missing value
    draws no bar. Used by the absence chart and the self-assessment report's chart."""
    bar_room = layout.width - layout.label_width - layout.value_width

    def length(value):
        return round(bar_room * float(value or 0) / axis_max, 1)

    groups = []
    y = layout.legend_height
    for name, first, second in rows:
        bars = []
        for kind, value, bar_y in (
            (series[0], first, y),
            (series[1], second, y + layout.bar_height + layout.bar_gap),
        ):
            width = length(value)
            bars.append(
                {
                    "series": kind,
                    "value": value,
                    "y": bar_y,
                    "width": width,
                    "text_x": layout.label_width + width + 6,
                    "text_y": bar_y + round(layout.bar_height * 0.7),
                }
            )
        text_y = y + layout.bar_height + layout.bar_gap / 2 + 5
        groups.append({"name": name, "text_y": text_y, "bars": bars})
        y += 2 * layout.bar_height + layout.bar_gap + layout.group_gap
    axis_y = y - layout.group_gap + 6
    return {
        "width": layout.width,
        "height": axis_y + layout.axis_height,
        "bars_x": layout.label_width,
        "bar_height": layout.bar_height,
        "name_x": layout.label_width - 10,
        "grid_top": layout.legend_height - 8,
        "axis_y": axis_y,
        "tick_text_y": axis_y + 22,
        "ticks": [{"value": v, "x": layout.label_width + length(v)} for v in tick_values],
        "groups": groups,
    }
