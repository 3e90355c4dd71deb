"""The strategy page: priorities, roles, the action plan with its filters and CSV, and
the absence chart."""

import csv
import io
import re
from decimal import Decimal

import pytest

from guidance.charts import absence_chart

from .pages_fixtures import ACTIONS, make_strategy


@pytest.fixture
def strategy(home):
    return make_strategy(home)


def action_rows(html):
    """The action plan table's rows, each as the text of its cells."""
    body = html.split('class="govuk-table app-action-plan"')[1].split("</tbody>")[0]
    rows = re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', body, re.S)[1:]  # not the head
    return [
        [
            re.sub(r"\s+", " ", re.sub("<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for row in rows
    ]


def test_strategy_page_shows_vision_numbered_priorities_roles_and_monitoring(client, strategy):
    page = client.get("/strategy/").content.decode()
    assert "Every child in school, every day." in page
    assert "1. Relationships and communication" in page
    assert "3. Systems and data" in page
    assert page.count("How we will do it") == 3
    # Roles grouped by partner, the council first (the strategy's order), schools' two together.
    roles = page.split('id="roles"')[1].split('id="action-plan"')[0]
    assert roles.index("The council") < roles.index("Schools")
    assert roles.count("<h3") == 2
    assert roles.index("Keep accurate registers") < roles.index("Call home on day one")
    assert "Three-stage attendance monitoring" in page.split('id="monitoring"')[1]


def test_action_plan_lists_every_action_with_priority_title_and_status_tag(client, strategy):
    html = client.get("/strategy/").content.decode()
    rows = action_rows(html)
    assert len(rows) == len(ACTIONS)
    assert rows[0][:4] == [
        "Survey families Progress: 2,400 replies",
        "1. Relationships and communication",
        "Senior officer",
        "Autumn term 2026",
    ]
    assert '<strong class="govuk-tag govuk-tag--green">Done</strong>' in html
    assert '<strong class="govuk-tag govuk-tag--red">At risk</strong>' in html
    assert '<strong class="govuk-tag govuk-tag--grey">Not started</strong>' in html
    assert '<strong class="govuk-tag ">On track</strong>' in html  # GOV.UK's plain tag is blue
    assert "Showing 6 of 6 actions." in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("priority=2", ["Publish the pathway", "Check early help plans"]),
        ("status=on_track", ["Agree messages", "Build a dashboard"]),
        ("priority=1&status=done", ["Survey families"]),
        ("priority=2&status=done", []),
    ],
)
def test_action_plan_filters(client, strategy, query, expected):
    html = client.get(f"/strategy/?{query}").content.decode()
    if expected:
        assert [row[0].split(" Progress:")[0] for row in action_rows(html)] == expected
    else:
        assert "No actions match these filters." in html
    assert f"Showing {len(expected)} of 6 actions." in html
    # The chosen values stay chosen, and the CSV link downloads the same rows.
    for _name, value in (pair.split("=") for pair in query.split("&")):
        assert f'<option value="{value}" selected>' in html
    assert f'href="/strategy/action-plan-csv/?{query.replace("&", "&amp;")}"' in html


@pytest.mark.parametrize(
    "query",
    [
        "priority=99",
        "priority=0",
        "priority=-1",
        "priority=two",
        "priority=²",
        "status=lost",
        "status=&priority=",
    ],
)
def test_unknown_filter_values_are_ignored(client, strategy, query):
    response = client.get(f"/strategy/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert len(action_rows(html)) == len(ACTIONS)
    assert " selected>" not in html
    assert 'href="/strategy/action-plan-csv/"' in html


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # so that Excel reads UTF-8
    return list(csv.reader(io.StringIO(text[1:])))


def test_action_plan_csv_has_a_header_and_a_row_per_action(client, strategy):
    response = client.get("/strategy/action-plan-csv/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="strategy-action-plan.csv"'
    rows = read_csv(response)
    assert rows[0] == [
        "Action",
        "Priority number",
        "Priority",
        "Owner",
        "Due",
        "Status",
        "Progress",
    ]
    assert rows[1] == [
        "Survey families",
        "1",
        "Relationships and communication",
        "Senior officer",
        "Autumn term 2026",
        "Done",
        "2,400 replies",
    ]
    assert len(rows) == 1 + len(ACTIONS)
    # A cell a spreadsheet would run as a formula is made plain text.
    assert rows[-1][0] == "'=SUM(A1:A9) tidy the data"


def test_action_plan_csv_is_filtered_the_same_way(client, strategy):
    rows = read_csv(client.get("/strategy/action-plan-csv/?priority=3&status=on_track"))
    assert [row[0] for row in rows[1:]] == ["Build a dashboard"]
    rows = read_csv(client.get("/strategy/action-plan-csv/?priority=42&status=nonsense"))
    assert len(rows) == 1 + len(ACTIONS)


def test_action_plan_csv_is_cached_until_the_strategy_is_published(client, strategy):
    assert client.get("/strategy/action-plan-csv/")["X-Page-Cache"] == "miss"
    assert client.get("/strategy/action-plan-csv/")["X-Page-Cache"] == "hit"
    strategy.action_plan[0].value["action"] = "Survey every family"
    strategy.save_revision().publish()
    rows = read_csv(client.get("/strategy/action-plan-csv/"))
    assert rows[1][0] == "Survey every family"


def test_absence_chart_is_an_accessible_svg_with_the_figures(client, strategy):
    html = client.get("/strategy/").content.decode()
    svg = re.search(r"<svg class=\"app-chart\".*?</svg>", html, re.S).group(0)
    labelled_by = re.search(r'role="img" aria-labelledby="([^"]+)"', svg).group(1).split()
    title_id, desc_id = labelled_by
    assert re.search(rf'<title id="{title_id}">Overall absence by phase, 2023 to 2024', svg)
    desc = re.search(rf'<desc id="{desc_id}">(.*?)</desc>', svg, re.S).group(1)
    assert "Secondary: 10.0% locally, 8.5% nationally." in desc
    # Two bars a phase, each with a text label, national ones patterned (not colour alone).
    bars = re.findall(
        r'<rect class="app-chart__bar" x="2" y="[\d.]+" width="([\d.]+)" height="24" fill="([^"]+)"',
        svg,
    )
    assert len(bars) == 8
    assert [fill.startswith("url(#") for _width, fill in bars] == [False, True] * 4
    assert "Local 7.2%" in svg and "National 12.9%" in svg
    # Bars to scale: the axis runs to 15%, its last tick at the end of the bars' room.
    last_tick = float(re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle"', svg)[-1])
    assert [float(width) for width, _fill in bars[:2]] == [
        pytest.approx((last_tick - 2) * 7.2 / 15, abs=0.1),
        pytest.approx((last_tick - 2) * 6.8 / 15, abs=0.1),
    ]
    assert ">15%</text>" in svg


def test_absence_table_repeats_the_figures_with_year_and_source(client, strategy):
    html = client.get("/strategy/").content.decode()
    table = html.split('class="govuk-table app-absence-table"')[1].split("</table>")[0]
    caption = table.split("</caption>")[0]
    assert "2023 to 2024" in caption and "Source: The council&#x27;s published figures" in caption
    assert re.findall(r'<th scope="row" class="govuk-table__header">([^<]+)</th>', table) == [
        "All schools",
        "Primary",
        "Secondary",
        "Special",
    ]
    cells = re.findall(r'govuk-table__cell--numeric">([^<]+)</td>', table)
    assert cells == ["7.2", "6.8", "5.0", "5.2", "10.0", "8.5", "12.1", "12.9"]


def test_strategy_page_has_no_inline_styles_or_scripts(client, strategy):
    main = client.get("/strategy/").content.decode().split("<main")[1].split("</main>")[0]
    assert "style=" not in main and "<script" not in main


def tick_labels(chart):
    return [t["text"] for t in chart["texts"] if t["text"].endswith("%") and " " not in t["text"]]


def test_chart_geometry_scales_to_a_round_axis():
    chart = absence_chart([("All", Decimal("7.2"), Decimal("6.8")), ("Special", 12.1, 12.9)])
    assert tick_labels(chart) == ["0%", "5%", "10%", "15%"]
    local, national = chart["bars"][2:4]
    assert local["width"] / national["width"] == pytest.approx(12.1 / 12.9, abs=0.002)
    label = next(t for t in chart["texts"] if t["text"] == "Local 12.1%")
    assert label["x"] == local["x"] + local["width"] + 6
    assert national["y"] > local["y"]
    # Bigger numbers get a coarser step; an empty chart still has an axis.
    assert tick_labels(absence_chart([("x", 60, 40)]))[-1] == "60%"
    assert tick_labels(absence_chart([]))[0] == "0%"


def test_strategy_page_query_budget(client, strategy, django_assert_max_num_queries):
    client.get("/strategy/")  # the site frame is cached from here on
    with django_assert_max_num_queries(10):  # routing, language switcher, breadcrumbs; no more
        assert client.get("/strategy/?priority=2").status_code == 200
