"""The absence chart's geometry in every language (tests/chart_geometry.py)."""

import pytest
from django.utils import translation

from guidance.charts import absence_chart
from tests.chart_geometry import assert_fits

# The longest phase name each language would write; the pages are translated, so are they.
PHASES = {
    "en": "Special (state-funded special schools)",
    "cy": "Arbennig (ysgolion arbennig a gyllidir gan y wladwriaeth)",
    "pl": "Szkoły specjalne (finansowane ze środków publicznych)",
    "ro": "Școli speciale (finanțate de stat)",
    "ur": "خصوصی اسکول (سرکاری فنڈ سے چلنے والے)",
}


@pytest.mark.parametrize("language", list(PHASES))
def test_every_text_fits_in_every_language(language):
    figures = [("Primary", 5.1, 5.5), (PHASES[language], 12.9, 10.0), ("Secondary", 0, 99.9)]
    with translation.override(language):
        chart = absence_chart(figures)
    assert_fits(chart)


def test_every_tick_is_labelled_when_there_is_room_and_none_touch():
    with translation.override("en"):
        chart = absence_chart([("Primary", 5.1, 5.5), ("Secondary", 12.9, 10.0)])
    ticks = [
        text["text"]
        for text in chart["texts"]
        if text["text"].endswith("%") and " " not in text["text"]
    ]
    assert ticks == ["0%", "5%", "10%", "15%"]
