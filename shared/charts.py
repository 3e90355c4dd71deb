"""Coordinates for paired-bar charts (two horizontal bars per group), drawn as inline SVG
by shared/includes/paired_bars.html for the strategy's absence chart and the
self-assessment report. Plain arithmetic, so the geometry tests in milliseconds.

The chart is narrow and tall so that it reads at any width from 320 CSS px: each group's
name is on its own lines above its bars, wrapped to the chart's width, and each bar's value
label is after the bar's end, in a column kept free for the longest label. The drawing is
300 units wide and scaled to 290 to 360 CSS px (portal.scss), so 16-unit text is drawn at
15 to 19 px. In a right-to-left language the chart is mirrored: bars grow from the right.
Every text's box is known here (shared/text_measure.py), so the tests can check that none
leaves the drawing or overlaps another."""

import math
from dataclasses import dataclass

from django.utils.translation import get_language_bidi

from .text_measure import ascent_descent, text_width, wrap

WIDTH = 300
FONT_SIZE = 16
MARGIN = 2  # keeps the bars' outline inside the drawing
BAR_HEIGHT = 24
SWATCH = 20  # the legend's squares
VALUE_GAP = 6  # between a bar's end and its value label
GROUP_GAP = 18


def tick_step(largest, intervals=7):
    """A round step that gives the axis at most `intervals` intervals."""
    for step in (1, 2, 5, 10, 20, 25, 50):
        if largest / step <= intervals:
            return step
    return 100


@dataclass(frozen=True)
class Series:
    """One of the two bars of every group: its name in the legend, the label after its bar
    (a function of the value; None is drawn as no bar) and its fill, "solid" or "hatch"."""

    legend: str
    value_label: object
    fill: str


def _line_pitch(texts):
    """The distance between baselines that keeps the boxes of these texts apart."""
    tallest = max(sum(ascent_descent(text, FONT_SIZE)) for text in texts)
    return math.ceil(tallest) + 4


def _text(x, baseline, text, align, bold=False, untranslated=False):
    ascent, descent = ascent_descent(text, FONT_SIZE)
    return {
        "x": x,
        "y": round(baseline, 1),
        "text": text,
        "align": align,  # the side of the text at x: "left", "right" or "middle"
        "bold": bold,
        "untranslated": untranslated,
        "width": text_width(text, FONT_SIZE),
        "ascent": ascent,
        "descent": descent,
    }


def _lines(x, top, lines, pitch, **kwargs):
    """Texts for lines of one label, the first line's box starting at `top`."""
    texts = []
    for number, line in enumerate(lines):
        ascent, descent = ascent_descent(line, FONT_SIZE)
        baseline = top + number * pitch + (pitch - ascent - descent) / 2 + ascent
        texts.append(_text(x, baseline, line, "left", **kwargs))
    return texts


def paired_bars(rows, series, axis_max, tick_values, tick_label=str, names_untranslated=False):
    """`rows` is a list of (group name, first value, second value); `series` the two
    `Series`; the axis runs from 0 to `axis_max` with a label at each tick value.
    `names_untranslated`: the group names are in the default language whatever the page's
    (the self-assessment's areas), so they are marked as such."""
    value_labels = [
        [kind.value_label(value) for kind, value in zip(series, values, strict=True)]
        for _name, *values in rows
    ]
    all_labels = [label for pair in value_labels for label in pair]
    value_column = max((text_width(label, FONT_SIZE) for label in all_labels), default=0)
    words = [word for name, *_values in rows for word in name.split()]
    width = max([WIDTH] + [text_width(word, FONT_SIZE) + 2 * MARGIN for word in words])
    name_width = width - 2 * MARGIN
    bar_room = width - 2 * MARGIN - VALUE_GAP - value_column - 2
    pitch = _line_pitch(
        [name for name, *_v in rows] + all_labels + [kind.legend for kind in series] + ["0"]
    )
    bar_gap = max(4, pitch - BAR_HEIGHT)

    def length(value):
        return round(bar_room * float(value or 0) / axis_max, 1)

    texts, bars, lines, swatches = [], [], [], []
    y = MARGIN
    for kind in series:
        legend = wrap(kind.legend, name_width - SWATCH - 8, FONT_SIZE)
        swatches.append({"fill": kind.fill, "x": MARGIN, "y": y + (pitch - SWATCH) / 2})
        texts += _lines(MARGIN + SWATCH + 8, y, legend, pitch)
        y += len(legend) * pitch + 4
    y += GROUP_GAP - 4

    tick_xs = [MARGIN + length(value) for value in tick_values]
    for (name, *values), labels in zip(rows, value_labels, strict=True):
        name_lines = wrap(name, name_width, FONT_SIZE)
        texts += _lines(MARGIN, y, name_lines, pitch, bold=True, untranslated=names_untranslated)
        y += len(name_lines) * pitch + 2
        bars_top = y
        for kind, value, label in zip(series, values, labels, strict=True):
            bar_width = length(value)
            bars.append(
                {"fill": kind.fill, "x": MARGIN, "y": y, "width": bar_width, "height": BAR_HEIGHT}
            )
            ascent, descent = ascent_descent(label, FONT_SIZE)
            baseline = y + BAR_HEIGHT / 2 + (ascent - descent) / 2
            texts.append(_text(MARGIN + bar_width + VALUE_GAP, baseline, label, "left"))
            y += BAR_HEIGHT + bar_gap
        bars_bottom = y - bar_gap
        # The grid behind each group's bars only, so it never runs through a name.
        for x in tick_xs:
            lines.append(
                {"x1": x, "x2": x, "y1": bars_top - 4, "y2": bars_bottom + 4, "axis": x == MARGIN}
            )
        y = bars_bottom + GROUP_GAP

    axis_y = y - GROUP_GAP + 8
    lines.append({"x1": MARGIN, "x2": MARGIN + bar_room, "y1": axis_y, "y2": axis_y, "axis": True})
    labelled_to = -math.inf
    for number, (value, x) in enumerate(zip(tick_values, tick_xs, strict=True)):
        (tick,) = _lines(x, axis_y + 2, [tick_label(value)], pitch)
        # The first tick's label starts at the axis, so it never leaves the drawing; a
        # label that would touch the one before it is left off (its grid line stays).
        tick["align"] = "left" if number == 0 else "middle"
        left, _top, right, _bottom = text_box(tick)
        if left >= labelled_to + 4:
            texts.append(tick)
            labelled_to = right
    height = math.ceil(axis_y + 2 + pitch + MARGIN)
    chart = {
        "width": width,
        "height": height,
        "bar_height": BAR_HEIGHT,
        "swatch": SWATCH,
        "texts": texts,
        "bars": bars,
        "lines": lines,
        "swatches": swatches,
    }
    return _mirrored(chart) if get_language_bidi() else _with_anchors(chart, "ltr")


def _mirrored(chart):
    """The chart for a right-to-left language: bars grow leftwards from the right edge,
    names and legends are at the right, value labels to the left of each bar's end."""
    width = chart["width"]
    swap = {"left": "right", "right": "left", "middle": "middle"}
    for text in chart["texts"]:
        text["x"] = width - text["x"]
        text["align"] = swap[text["align"]]
    for shape in chart["bars"]:
        shape["x"] = round(width - shape["x"] - shape["width"], 1)
    for swatch in chart["swatches"]:
        swatch["x"] = width - swatch["x"] - chart["swatch"]
    for line in chart["lines"]:
        line["x1"], line["x2"] = width - line["x1"], width - line["x2"]
    return _with_anchors(chart, "rtl")


def _with_anchors(chart, direction):
    """Each text's direction and SVG text-anchor (which names the side of the text's
    start or end, not left or right): text in the default language reads left to right."""
    for text in chart["texts"]:
        text["direction"] = "ltr" if text["untranslated"] else direction
        start = "left" if text["direction"] == "ltr" else "right"
        text["anchor"] = (
            "middle" if text["align"] == "middle" else "start" if text["align"] == start else "end"
        )
    chart["direction"] = direction
    return chart


def text_box(text):
    """(left, top, right, bottom) of a text of the chart, as measured."""
    left = {
        "left": text["x"],
        "right": text["x"] - text["width"],
        "middle": text["x"] - text["width"] / 2,
    }[text["align"]]
    return (left, text["y"] - text["ascent"], left + text["width"], text["y"] + text["descent"])
