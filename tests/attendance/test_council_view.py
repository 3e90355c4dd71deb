"""The council's picture of attendance (officers): every active school's figures for a
half term, sorted, filtered and paged, the comparison, the CSV, who is refused, and a
query count that stays the same whatever the number of schools and years."""

import csv
import io

import pytest

from attendance.factories import AreaFiguresFactory, SchoolFiguresFactory, SchoolStageFactory
from audit.models import AuditEvent
from portal.factories import SchoolFactory
from portal.models import School

pytestmark = pytest.mark.django_db

COUNCIL = "/admin/attendance/council/"
CSV = "/admin/attendance/council/schools.csv"


def names(response):
    return [row["name"] for row in response.context["rows"]]


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


@pytest.fixture
def schools(db):
    """Four schools with figures for Autumn 2 2025/26 (and last year's for three), one
    without; one of them closed (not shown)."""
    made = {
        "Ash Primary": ("primary", "North", 4.0, 3.0),  # 96.00, last year 97.00: -1.00
        "Birch High": ("secondary", "South", 7.5, 9.0),  # 92.50, last year 91.00: +1.50
        "Cedar Special": ("special", "North", 6.01, None),  # 93.99, no last year
        "Damson Primary": ("primary", "South", 6.0, 6.0),  # 94.00: not under
    }
    found = {}
    for name, (phase, locality, absence, before) in made.items():
        school = SchoolFactory(name=name, phase=phase, locality=locality)
        SchoolFiguresFactory(school=school, absence=absence, persistent=10 + absence, half=2)
        if before is not None:
            SchoolFiguresFactory(school=school, year=2024, half=2, absence=before)
        found[name] = school
    found["Elm Infants"] = SchoolFactory(name="Elm Infants", phase="primary", locality="North")
    closed = SchoolFactory(name="Fir Closed", active=False)
    SchoolFiguresFactory(school=closed, absence=20)
    SchoolFiguresFactory(school=found["Ash Primary"], half=1, absence=1)  # an earlier half term
    SchoolStageFactory(school=found["Birch High"], stage=2)
    SchoolStageFactory(school=found["Cedar Special"], year=2024, stage=3)  # last year's
    AreaFiguresFactory(area="council", absence=5.5, half=2)
    AreaFiguresFactory(area="national", absence=6.8, half=2)
    return found


def test_the_default_is_the_latest_half_term_sorted_by_name(client, attendance_officer, schools):
    client.force_login(attendance_officer)
    response = client.get(COUNCIL)
    assert response.status_code == 200
    assert response.context["period_label"] == "Autumn 2 2025/26"
    assert names(response) == [
        "Ash Primary", "Birch High", "Cedar Special", "Damson Primary", "Elm Infants",
    ]  # fmt: skip
    rows = {row["name"]: row for row in response.context["rows"]}
    assert rows["Ash Primary"]["attendance"] == "96.00" and rows["Ash Primary"]["change"] == "−1.00"
    assert rows["Birch High"]["change"] == "+1.50" and rows["Birch High"]["under"]
    assert rows["Birch High"]["stage"] == "Stage 2: follow-up meetings"
    assert rows["Cedar Special"]["under"] and rows["Cedar Special"]["change"] == ""
    assert rows["Cedar Special"]["stage"] == ""  # last year's stage is not this year's
    assert not rows["Damson Primary"]["under"]
    assert not rows["Elm Infants"]["has_figures"]
    text = response.text
    assert "5 schools shown." in text and "2 under the threshold of 94" in text
    assert "1 school has no figures for this half term" in text
    comparison = {area["label"]: area["figures"] for area in response.context["comparison"]}
    assert str(comparison["This council"].attendance_rate) == "94.50"
    assert str(comparison["England"].attendance_rate) == "93.20"
    assert "Attendance across schools" in client.get("/admin/").text  # the menu item


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("attendance", ["Birch High", "Cedar Special", "Damson Primary", "Ash Primary"]),
        ("-attendance", ["Ash Primary", "Damson Primary", "Cedar Special", "Birch High"]),
        (
            "persistent",
            ["Ash Primary", "Cedar Special", "Damson Primary", "Birch High"],
        ),  # a tie: by name
        ("-severe", ["Ash Primary", "Birch High", "Cedar Special", "Damson Primary"]),
        # Cedar Special has no figures a year before: last of those with figures.
        ("change", ["Ash Primary", "Damson Primary", "Birch High", "Cedar Special"]),
        ("-change", ["Birch High", "Damson Primary", "Ash Primary", "Cedar Special"]),
        ("-name", ["Damson Primary", "Cedar Special", "Birch High", "Ash Primary"]),
        ("nonsense", ["Ash Primary", "Birch High", "Cedar Special", "Damson Primary"]),
    ],
)
def test_sorting_keeps_schools_without_figures_last(
    client, attendance_officer, schools, sort, expected
):
    client.force_login(attendance_officer)
    response = client.get(COUNCIL, {"sort": sort})
    assert names(response) == [*expected, "Elm Infants"]


def test_sort_links_turn_the_order_round(client, attendance_officer, schools):
    client.force_login(attendance_officer)
    links = client.get(COUNCIL, {"sort": "attendance", "phase": "primary"}).context["sort_links"]
    assert links["attendance"]["aria_sort"] == "ascending"
    assert (
        "sort=-attendance" in links["attendance"]["url"]
        and "phase=primary" in links["attendance"]["url"]
    )
    assert links["name"]["aria_sort"] == "" and "sort=name" in links["name"]["url"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"phase": "primary"}, ["Ash Primary", "Damson Primary", "Elm Infants"]),
        ({"locality": "South"}, ["Birch High", "Damson Primary"]),
        ({"stage": "2"}, ["Birch High"]),
        ({"stage": "none"}, ["Ash Primary", "Cedar Special", "Damson Primary", "Elm Infants"]),
        ({"under": "1"}, ["Birch High", "Cedar Special"]),
        ({"under": "1", "locality": "North"}, ["Cedar Special"]),
        # Unknown values are ignored, never an error.
        (
            {"phase": "college", "locality": "Atlantis", "stage": "9", "period": "2031-9"},
            ["Ash Primary", "Birch High", "Cedar Special", "Damson Primary", "Elm Infants"],
        ),
    ],
)
def test_filters(client, attendance_officer, schools, query, expected):
    client.force_login(attendance_officer)
    assert names(client.get(COUNCIL, query)) == expected


def test_an_earlier_half_term(client, attendance_officer, schools):
    client.force_login(attendance_officer)
    response = client.get(COUNCIL, {"period": "2025-1"})
    assert response.context["period_label"] == "Autumn 1 2025/26"
    assert response.context["rows"][0]["name"] == "Ash Primary"
    assert response.context["rows"][0]["attendance"] == "99.00"
    assert [row["has_figures"] for row in response.context["rows"]] == [True] + [False] * 4


def test_fifty_a_page_and_bad_page_numbers(client, attendance_officer):
    School.objects.bulk_create(
        School(urn=f"{300000 + n}", name=f"School {n:03}", phase="primary", locality="North",
               postcode="WY1 1AA")
        for n in range(120)
    )  # fmt: skip
    SchoolFiguresFactory(school=School.objects.get(name="School 000"))
    client.force_login(attendance_officer)
    first = client.get(COUNCIL)
    assert len(first.context["rows"]) == 50 and "Page 1 of 3" in first.text
    assert first.context["summary"]["total"] == 120
    last = client.get(COUNCIL, {"p": "3"})
    assert len(last.context["rows"]) == 20 and last.context["rows"][-1]["name"] == "School 119"
    for bad in ("abc", "0", "-1", "999", "2.5", ""):
        response = client.get(COUNCIL, {"p": bad})
        assert response.status_code == 200, bad
    assert client.get(COUNCIL, {"p": "999"}).context["page"].number == 3


def test_no_figures_at_all(client, attendance_officer):
    client.force_login(attendance_officer)
    response = client.get(COUNCIL)
    assert response.status_code == 200
    assert "No schools' attendance figures have been imported yet." in response.text
    assert csv_rows(client.get(CSV))[0][0] == "URN"


def test_the_csv_has_every_matching_school_and_is_recorded(client, attendance_officer, schools):
    SchoolFactory(name="=HYPERLINK(1)", urn="199999")
    client.force_login(attendance_officer)
    response = client.get(CSV, {"sort": "attendance", "locality": "North"})
    assert response["Content-Type"].startswith("text/csv")
    assert not response.has_header("Content-Length")  # streamed
    rows = csv_rows(response)
    assert rows[0][:6] == ["URN", "School", "Phase", "Locality", "Half term", "Attendance %"]
    assert [row[1] for row in rows[1:]] == ["Cedar Special", "Ash Primary", "Elm Infants"]
    cedar = rows[1]
    assert cedar[4] == "Autumn 2 2025/26" and cedar[5] == "93.99" and cedar[6] == "Yes"
    assert cedar[9:11] == ["", ""]  # no figures a year before
    ash = rows[2]
    assert ash[9:11] == ["97.00", "-1.00"] and ash[6] == "No"
    assert rows[3][5:7] == ["", ""]  # Elm Infants: no figures
    event = AuditEvent.objects.get(action="exported", kind="attendance figures")
    assert event.label == "Autumn 2 2025/26" and "locality=North" in event.detail
    everyone = csv_rows(client.get(CSV))
    assert len(everyone) == 1 + 6 and "'=HYPERLINK(1)" in [row[1] for row in everyone]


@pytest.mark.parametrize("who", ["school_user", "governor", "ehe_officer", None])
def test_others_are_refused(client, request, who, schools):
    if who:
        client.force_login(request.getfixturevalue(who))
    for url in (COUNCIL, CSV):
        response = client.get(url)
        assert response.status_code in (302, 403), (who, url)
        if response.status_code == 302:
            assert "/login/" in response["Location"] or response["Location"] == "/admin/"
    assert not AuditEvent.objects.filter(action="exported").exists()
    if who == "ehe_officer":
        assert "Attendance across schools" not in client.get("/admin/").text


def seed(count, years):
    schools = SchoolFactory.create_batch(count)
    for n, school in enumerate(schools):
        for year in years:
            for half in (1, 2):
                SchoolFiguresFactory(school=school, year=year, half=half, absence=3 + n % 7)
        if n % 3 == 0:
            SchoolStageFactory(school=school, year=years[-1], stage=1 + n % 3)
    AreaFiguresFactory(area="council", year=years[0], half=2)


def test_the_same_queries_whatever_the_number_of_schools_and_years(
    client, attendance_officer, django_assert_max_num_queries
):
    client.force_login(attendance_officer)
    seed(5, [2025])
    client.get(COUNCIL)
    with django_assert_max_num_queries(40) as few:
        client.get(COUNCIL, {"sort": "-change", "phase": "primary"})
    budget = len(few.captured_queries)
    seed(55, [2024, 2023, 2022, 2021, 2025])
    for query in ({}, {"sort": "-change", "phase": "primary"}, {"p": "2", "sort": "attendance"}):
        with django_assert_max_num_queries(budget):
            response = client.get(COUNCIL, query)
        assert response.status_code == 200
    with django_assert_max_num_queries(budget):
        rows = csv_rows(client.get(CSV))
    assert len(rows) == 61
