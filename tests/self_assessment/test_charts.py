"""The report chart's geometry in every language: every text inside the drawing, no two
texts overlapping, no value label on a bar, bars to scale."""

import pytest
from django.utils import translation

from self_assessment.charts import area_chart
from shared.charts import text_box
from tests.chart_geometry import assert_fits

AREAS = [
    "Leadership and governance",
    "Expect",
    "Monitor",
    "Listen and understand",
    "Facilitate support",
    "Formalise support",
    "Enforce",
]
# The longest area name as each language would write it, had the areas been translated.
LONGEST = {
    "en": "Leadership and governance",
    "cy": "Arweinyddiaeth a llywodraethiant",
    "pl": "Przywództwo i zarządzanie szkołą",
    "ro": "Conducere și guvernanță școlară",
    "ur": "قیادت اور نظم و نسق",
}
LANGUAGES = list(LONGEST)


def chart_in(language, names):
    rows = [(name, 4.0 if n % 2 else 1.5, None if n == 3 else 2.8) for n, name in enumerate(names)]
    with translation.override(language):
        return area_chart(rows)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_fits_with_the_areas_in_english(language):
    assert_fits(chart_in(language, AREAS))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_fits_with_each_languages_longest_name(language):
    assert_fits(chart_in(language, [LONGEST[language], "Expect", LONGEST[language] * 2]))


def test_long_names_wrap_onto_lines_above_their_bars():
    chart = chart_in("en", ["Leadership and governance " * 3])
    names = [text for text in chart["texts"] if text["bold"]]
    assert len(names) >= 3
    assert len({text["x"] for text in names}) == 1
    first_bar_top = chart["bars"][0]["y"]
    assert all(text_box(text)[3] <= first_bar_top for text in names)


def test_bars_scale_to_four_and_leave_room_for_their_labels():
    chart = chart_in("en", ["Expect", "Monitor"])
    school, average, *_rest = chart["bars"]
    assert school["width"] == pytest.approx(1.5 / 2.8 * average["width"], abs=0.2)
    assert [text["text"] for text in chart["texts"][-5:]] == ["0", "1", "2", "3", "4"]
    four = area_chart([("Monitor", 4.0, 4.0)])
    bar_end = four["bars"][0]["x"] + four["bars"][0]["width"]
    label = next(text for text in four["texts"] if text["text"] == "School 4.0")
    assert text_box(label)[0] > bar_end and text_box(label)[2] <= four["width"]


def test_a_missing_score_draws_no_bar_and_says_so():
    chart = chart_in("en", ["Expect"])
    labels = [text["text"] for text in chart["texts"]]
    assert "School 1.5" in labels and "Average 2.8" in labels
    none = chart_in("en", ["a", "b", "c", "Enforce"])
    assert none["bars"][7]["width"] == 0
    assert "Average –" in [text["text"] for text in none["texts"]]


def test_in_urdu_the_chart_is_mirrored_and_english_names_stay_left_to_right():
    english, urdu = chart_in("en", AREAS), chart_in("ur", AREAS)
    assert urdu["direction"] == "rtl"
    for left, right in zip(english["bars"], urdu["bars"], strict=True):
        assert right["x"] + right["width"] == pytest.approx(urdu["width"] - left["x"])
    name = next(text for text in urdu["texts"] if text["text"] == "Leadership and governance")
    assert name["direction"] == "ltr" and name["anchor"] == "end"
    assert name["x"] == urdu["width"] - 2
    legend = urdu["texts"][0]
    assert legend["direction"] == "rtl" and legend["anchor"] == "start"
