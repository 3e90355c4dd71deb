from self_assessment.charts import LABEL_WIDTH, area_chart


def test_bars_scale_to_four_and_leave_room_for_labels():
    chart = area_chart([("Expect", 4.0, 2.0), ("Monitor", None, 1.0)])
    school, average = chart["groups"][0]["bars"]
    assert school["width"] == 2 * average["width"]
    assert school["text_x"] + 80 < chart["width"]
    assert chart["groups"][1]["bars"][0]["width"] == 0
    assert [tick["value"] for tick in chart["ticks"]] == [0, 1, 2, 3, 4]
    assert chart["ticks"][0]["x"] == LABEL_WIDTH
