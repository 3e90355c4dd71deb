"""The one CSV writer (shared/spreadsheets.py): a cell that a spreadsheet program would run
as a formula is written as plain text, numbers and dates as values; and Wagtail's own
exports in the admin write through it too."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Workflow

from home.factories import StandardPageFactory
from portal.factories import UserFactory
from shared import spreadsheets
from shared.spreadsheets import csv_response, from_spreadsheet, spreadsheet_cell, spreadsheet_safe
from tests.spreadsheets import HOSTILE, hostile_shown, spreadsheet_rows, would_run


def written(*row):
    out = io.StringIO()
    spreadsheets.writer(out).writerow(row)
    return out.getvalue()


def read(*row):
    return next(csv.reader(io.StringIO(written(*row), newline="")))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_each_formula_start_is_made_plain_text(start):
    assert read(f"{start}1+1") == [f"'{start}1+1"]


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x","click")', "=cmd|' /C calc'!A0", "@SUM(1)", "-1+2", "+44 1632"]
)
def test_known_attacks_are_made_plain_text(text):
    assert read(text) == ["'" + text]


def test_a_cell_that_is_only_a_minus_is_quoted_too():
    # The rule is the first character, with no exceptions to reason about.
    assert read("-") == ["'-"]


def test_a_formula_after_leading_whitespace_is_quoted():
    # Programs that trim spaces on import would otherwise run it.
    assert read("  =1+1", "\n=1+1") == ["'  =1+1", "'\n=1+1"]


def test_ordinary_text_is_left_alone():
    assert read("Alderbrook Primary", "a-b", "x=1", "O'Brien", "", "1 + 1") == [
        "Alderbrook Primary", "a-b", "x=1", "O'Brien", "", "1 + 1",
    ]  # fmt: skip


def test_an_embedded_newline_is_kept_in_one_cell():
    assert read("line one\n=line two", "=one\ntwo") == ["line one\n=line two", "'=one\ntwo"]


def test_numbers_are_written_as_numbers_a_negative_one_too():
    assert written(-5, -1.5, Decimal("-2.50"), 0, 12) == "-5,-1.5,-2.50,0,12\r\n"


def test_none_is_an_empty_cell_and_dates_are_values():
    moment = datetime.datetime(2026, 9, 1, 8, 30, tzinfo=datetime.UTC)
    assert read(None, datetime.date(2026, 9, 1), moment, datetime.time(8, 30)) == [
        "", "2026-09-01", "2026-09-01 08:30:00+00:00", "08:30:00",
    ]  # fmt: skip


def test_other_types_are_written_as_their_text_made_safe():
    class Named:
        def __str__(self):
            return "=1+1"

    assert read(Named(), gettext_lazy("=lazy"), True, ["a"]) == [
        "'=1+1", "'=lazy", "True", "['a']",
    ]  # fmt: skip


def test_dict_writer_and_writerows():
    out = io.StringIO()
    rows = spreadsheets.dict_writer(out, ["name", "count"])
    rows.writeheader()
    rows.writerow({"name": "=1", "count": -3})
    spreadsheets.writer(out).writerows([["@x", 2], ["ok", None]])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["name", "count"], ["'=1", "-3"], ["'@x", "2"], ["ok", ""],
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [*HOSTILE, "-", "'", "''", "'=x", "''=x", "it's", "'quoted'", " =x", "", "plain", "a\n=b"],
)
def test_from_spreadsheet_gives_back_every_text_exactly(text):
    cell = spreadsheet_safe(text)
    assert from_spreadsheet(cell) == text
    assert from_spreadsheet(read(text)[0]) == text  # through a CSV file and back


def test_spreadsheet_cell_keeps_numbers_and_dates():
    today = datetime.date(2026, 1, 1)
    assert spreadsheet_cell(-4) == -4 and spreadsheet_cell(today) is today
    assert spreadsheet_cell(None) == "" and spreadsheet_cell("-4") == "'-4"


def test_csv_response_is_a_utf8_attachment():
    response = csv_response("register.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="register.csv"'
    assert response.content == "\ufeff".encode()


def test_csv_download_streams_each_row_safe_in_the_requests_language():
    asked = []

    def rows():
        for number in range(3):
            asked.append(number)  # worked out only as the file is sent
            yield [gettext_lazy("Yes"), HOSTILE[0], number]

    with translation.override("cy"):
        response = spreadsheets.csv_download("contacts.csv", ["Heading"], rows())
    assert response.streaming and asked == []
    assert response["Content-Disposition"] == 'attachment; filename="contacts.csv"'
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode()) and asked == [0, 1, 2]
    read_back = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    with translation.override("cy"):
        welsh_yes = str(gettext_lazy("Yes"))
    assert welsh_yes != "Yes"
    assert read_back[0] == ["Heading"] and [row[0] for row in read_back[1:]] == [welsh_yes] * 3
    assert would_run(read_back) == [] and read_back[3][2] == "2"


# Wagtail's own reports: shared.apps patches their CSV to the writer above.
WAGTAIL_REPORTS = [
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/reports/locked/",
    "/admin/redirects/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
]


@pytest.fixture
def hostile_pages(home):
    """A page titled with each HOSTILE value, published, locked and sent for moderation; a
    redirect to each."""
    admin = UserFactory(email="admin@council.example", is_staff=True, is_superuser=True)
    for number, title in enumerate(HOSTILE):
        page = StandardPageFactory(parent=home, title=title, slug=f"page-{number}")
        page.save_revision(user=admin).publish(user=admin)
        page.refresh_from_db()  # as published
        Workflow.objects.get(name="Moderators approval").start(page, admin)
        page.locked, page.locked_by, page.locked_at = True, admin, timezone.now()
        page.save()
        Redirect.objects.create(old_path=f"/old-{number}", redirect_link=title)
    return admin


@pytest.mark.parametrize("url", WAGTAIL_REPORTS)
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_wagtails_reports_export_no_formula(client, hostile_pages, url, kind):
    client.force_login(hostile_pages)
    response = client.get(url, {"export": kind})
    assert response.status_code == 200
    rows = spreadsheet_rows(response)
    assert would_run(rows) == []
    assert hostile_shown(rows) == set(HOSTILE)
