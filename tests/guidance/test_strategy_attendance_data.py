"""The strategy's absence chart drawn from the attendance data when the editor asks for
it and an app answers the register_absence_figures hook, else the typed figures."""

import re

import pytest

from attendance.factories import AreaFiguresFactory

from .pages_fixtures import make_strategy


@pytest.fixture
def strategy(home):
    return make_strategy(home)


def from_attendance_data(page, value=True):
    page.absence_data[0].value["from_attendance_data"] = value
    page.save_revision().publish()


def figures(year, half, council, national):
    """Area rows for All schools, Primary, Secondary, Special (absence %s)."""
    for area, rates in (("council", council), ("national", national)):
        for phase, rate in zip(("all", "primary", "secondary", "special"), rates, strict=True):
            if rate is not None:
                AreaFiguresFactory(area=area, phase=phase, year=year, half=half, absence=rate)


def table(client):
    html = client.get("/strategy/").content.decode()
    svg = re.search(r"<svg class=\"app-chart\".*?</svg>", html, re.S).group(0)
    part = html.split('class="govuk-table app-absence-table"')[1].split("</table>")[0]
    caption = re.sub(r"\s+", " ", part.split("</caption>")[0])
    cells = re.findall(r'govuk-table__cell--numeric">([^<]+)</td>', part)
    return svg, caption, cells


def test_the_latest_whole_year_of_the_attendance_data(client, strategy):
    figures(2024, 6, (6.5, 4.7, 8.1, 11.0), (6.6, 5.0, 8.3, 12.7))
    figures(2025, 6, (6.4, 4.6, 7.9, 11.2), (6.4, 4.9, 8.1, 12.6))
    figures(2026, 1, (5.9, 4.2, 7.4, 10.6), (6.0, 4.5, 7.5, 11.7))  # a half term only
    figures(2027, 6, (5.0, 4.0, 7.0, 10.0), (None, None, None, None))  # no England yet
    from_attendance_data(strategy)
    svg, caption, cells = table(client)
    assert "Overall absence by phase, 2025/26" in caption
    assert "The whole school year" in caption
    assert "the council&#x27;s attendance data; England: Department for Education" in caption
    assert cells == ["6.4", "6.4", "4.6", "4.9", "7.9", "8.1", "11.2", "12.6"]
    assert "Secondary: 7.9% locally, 8.1% nationally." in svg
    assert "Overall absence by phase, 2025/26: this council against" in svg


def test_without_a_whole_year_the_latest_half_term_both_have(client, strategy):
    figures(2026, 1, (5.9, 4.2, 7.4, None), (6.0, 4.5, 7.5, 11.7))
    figures(2026, 2, (6.1, 4.4, 7.6, None), (None, None, None, None))
    from_attendance_data(strategy)
    svg, caption, cells = table(client)
    assert "2026/27" in caption and "to the end of Autumn 1" in caption
    # The council has no special school: the table says so, the chart leaves it out.
    assert cells == ["5.9", "6.0", "4.2", "4.5", "7.4", "7.5", "No figure", "11.7"]
    assert "Special" not in svg and "Primary: 4.2% locally" in svg


def test_the_typed_figures_when_there_is_no_attendance_data(client, strategy):
    from_attendance_data(strategy)
    _svg, caption, cells = table(client)
    assert "2023 to 2024" in caption and "The council&#x27;s published figures" in caption
    assert cells == ["7.2", "6.8", "5.0", "5.2", "10.0", "8.5", "12.1", "12.9"]


def test_the_typed_figures_when_the_editor_chose_them(client, strategy):
    figures(2025, 6, (6.4, 4.6, 7.9, 11.2), (6.4, 4.9, 8.1, 12.6))
    _svg, caption, cells = table(client)
    assert "2023 to 2024" in caption and "attendance data" not in caption
    assert cells[:2] == ["7.2", "6.8"]
