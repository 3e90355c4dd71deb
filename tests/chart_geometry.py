"""What every chart's geometry must hold to (shared/charts.py): each text's box inside the
drawing, no two texts overlapping, no text on a bar, every bar inside the drawing."""

import itertools

from shared.charts import text_box


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def assert_fits(chart):
    boxes = [text_box(text) for text in chart["texts"]]
    for (left, top, right, bottom), text in zip(boxes, chart["texts"], strict=True):
        assert 0 <= left and right <= chart["width"], text["text"]
        assert 0 <= top and bottom <= chart["height"], text["text"]
    for (a, text_a), (b, text_b) in itertools.combinations(
        zip(boxes, chart["texts"], strict=True), 2
    ):
        assert not overlap(a, b), (text_a["text"], text_b["text"])
    for bar in chart["bars"]:
        bar_box = (bar["x"], bar["y"], bar["x"] + bar["width"], bar["y"] + bar["height"])
        assert 0 <= bar_box[0] and bar_box[2] <= chart["width"]
        for box, text in zip(boxes, chart["texts"], strict=True):
            assert not overlap(box, bar_box), text["text"]
