"""Coordinates for the report's chart: one pair of horizontal bars per area (this school
and the council's average for schools of the same phase) on a scale of 0 to 4, drawn as
inline SVG by self_assessment/includes/chart.html in the style of guidance/charts.py.
Plain arithmetic, so the geometry tests in milliseconds."""

WIDTH = 640
LABEL_WIDTH = 190  # area names, right-aligned, before the bars
VALUE_WIDTH = 130  # room after the longest bar for its label, e.g. "Average 3.2"
BAR_HEIGHT = 20
BAR_GAP = 4
GROUP_GAP = 20
LEGEND_HEIGHT = 44
AXIS_HEIGHT = 32
TOP_LEVEL = 4


def area_chart(rows):
    """`rows` is a list of (area name, school score or None, average or None)."""
    bar_room = WIDTH - LABEL_WIDTH - VALUE_WIDTH

    def length(value):
        return round(bar_room * float(value or 0) / TOP_LEVEL, 1)

    groups = []
    y = LEGEND_HEIGHT
    for name, school, average in rows:
        bars = []
        for series, value, bar_y in (
            ("school", school, y),
            ("average", average, y + BAR_HEIGHT + BAR_GAP),
        ):
            width = length(value)
            bars.append(
                {
                    "series": series,
                    "value": value,
                    "y": bar_y,
                    "width": width,
                    "text_x": LABEL_WIDTH + width + 6,
                    "text_y": bar_y + BAR_HEIGHT - 5,
                }
            )
        groups.append({"name": name, "text_y": y + BAR_HEIGHT + BAR_GAP / 2 + 5, "bars": bars})
        y += 2 * BAR_HEIGHT + BAR_GAP + GROUP_GAP
    axis_y = y - GROUP_GAP + 6
    ticks = [{"value": level, "x": LABEL_WIDTH + length(level)} for level in range(TOP_LEVEL + 1)]
    return {
        "width": WIDTH,
        "height": axis_y + AXIS_HEIGHT,
        "bars_x": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "name_x": LABEL_WIDTH - 10,
        "grid_top": LEGEND_HEIGHT - 8,
        "axis_y": axis_y,
        "tick_text_y": axis_y + 22,
        "ticks": ticks,
        "groups": groups,
    }
