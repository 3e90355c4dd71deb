"""Times and dates in GOV.UK style and each language's form (shared/times.py)."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from shared import times

AT = {
    (9, 0): {"en": "9am", "cy": "9yb", "pl": "9:00", "ro": "9:00", "ur": "صبح 9 بجے"},
    (9, 30): {"en": "9:30am", "cy": "9:30yb", "pl": "9:30", "ro": "9:30", "ur": "صبح 9:30 بجے"},
    (12, 0): {
        "en": "midday",
        "cy": "canol dydd",
        "pl": "12:00",
        "ro": "12:00",
        "ur": "دوپہر 12 بجے",
    },
    (0, 0): {"en": "midnight", "cy": "hanner nos", "pl": "0:00", "ro": "0:00", "ur": "رات 12 بجے"},
    (12, 30): {
        "en": "12:30pm",
        "cy": "12:30yh",
        "pl": "12:30",
        "ro": "12:30",
        "ur": "دوپہر 12:30 بجے",
    },
    (17, 30): {"en": "5:30pm", "cy": "5:30yh", "pl": "17:30", "ro": "17:30", "ur": "شام 5:30 بجے"},
    (23, 59): {
        "en": "11:59pm",
        "cy": "11:59yh",
        "pl": "23:59",
        "ro": "23:59",
        "ur": "رات 11:59 بجے",
    },
    (2, 15): {"en": "2:15am", "cy": "2:15yb", "pl": "2:15", "ro": "2:15", "ur": "رات 2:15 بجے"},
}
LANGUAGES = ["en", "cy", "pl", "ro", "ur"]


@pytest.mark.parametrize("hour_minute", list(AT))
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_time_of_day_in_each_language(language, hour_minute):
    with translation.override(language):
        assert times.clock(datetime.time(*hour_minute)) == AT[hour_minute][language]


RANGES = [
    (
        (9, 0),
        (12, 0),
        {
            "en": "9am to midday",
            "cy": "9yb i ganol dydd",
            "pl": "9:00–12:00",
            "ro": "9:00–12:00",
            "ur": "صبح 9 بجے سے دوپہر 12 بجے تک",
        },
    ),
    (
        (9, 30),
        (12, 30),
        {
            "en": "9:30am to 12:30pm",
            "cy": "9:30yb i 12:30yh",
            "pl": "9:30–12:30",
            "ro": "9:30–12:30",
            "ur": "صبح 9:30 بجے سے دوپہر 12:30 بجے تک",
        },
    ),
    (
        (18, 0),
        (0, 0),
        {
            "en": "6pm to midnight",
            "cy": "6yh i hanner nos",
            "pl": "18:00–0:00",
            "ro": "18:00–0:00",
            "ur": "شام 6 بجے سے رات 12 بجے تک",
        },
    ),
    (
        (12, 0),
        (23, 59),
        {
            "en": "midday to 11:59pm",
            "cy": "canol dydd i 11:59yh",
            "pl": "12:00–23:59",
            "ro": "12:00–23:59",
            "ur": "دوپہر 12 بجے سے رات 11:59 بجے تک",
        },
    ),
]


@pytest.mark.parametrize("start, end, expected", RANGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_time_range_in_each_language(language, start, end, expected):
    with translation.override(language):
        assert times.clock_range(datetime.time(*start), datetime.time(*end)) == expected[language]


def test_a_datetime_is_read_in_the_councils_time_zone():
    # 08:00 UTC on a summer's day is 9am in London.
    summer = datetime.datetime(2026, 7, 2, 8, 0, tzinfo=datetime.UTC)
    with translation.override("en"):
        assert times.clock(summer) == "9am"
        assert times.day_and_clock(summer) == "9am on Thursday 2 July 2026"
    assert timezone.get_current_timezone_name() == "Europe/London"


DATES = {
    "en": ("3 December 2026", "Thursday 3 December 2026"),
    "cy": ("3 Rhagfyr 2026", "Dydd Iau 3 Rhagfyr 2026"),
    "pl": ("3 grudnia 2026", "czwartek, 3 grudnia 2026"),
    "ro": ("3 decembrie 2026", "joi, 3 decembrie 2026"),
    "ur": ("3 دسمبر 2026", "جمعرات 3 دسمبر 2026"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_without_leading_zero_or_ordinal_in_each_language(language):
    with translation.override(language):
        assert times.day(datetime.date(2026, 12, 3)) == DATES[language][0]
        assert times.day_with_weekday(datetime.date(2026, 12, 3)) == DATES[language][1]


def test_the_template_filters_and_tags():
    start = timezone.make_aware(datetime.datetime(2026, 12, 3, 9, 0))
    end = timezone.make_aware(datetime.datetime(2026, 12, 3, 12, 0))
    template = Template(
        "{% load times %}{{ start|clock }}|{% clock_range start end %}|"
        "{% session_times start end %}|{{ start|day }}|{{ end|day_and_clock }}"
    )
    with translation.override("en"):
        assert template.render(Context({"start": start, "end": end})) == (
            "9am|9am to midday|Thursday 3 December 2026, 9am to midday|3 December 2026|"
            "midday on Thursday 3 December 2026"
        )
    with translation.override("cy"):
        assert template.render(Context({"start": start, "end": end})).startswith(
            "9yb|9yb i ganol dydd|Dydd Iau 3 Rhagfyr 2026, 9yb i ganol dydd|"
        )


def test_a_moment_in_a_list_gives_the_date_first():
    moment = timezone.make_aware(datetime.datetime(2026, 12, 3, 17, 30))
    with translation.override("en"):
        assert times.day_then_clock(moment) == "3 December 2026, 5:30pm"
    with translation.override("pl"):
        assert times.day_then_clock(moment) == "3 grudnia 2026, 17:30"
    assert times.day_then_clock(None) == ""
