"""The officers' coverage tracker of targeting support meetings: every active school is
due one a term; held, scheduled (still to come) and missing counted by locality and
phase; filters, the CSV, bad input, who may see it, and its query budget."""

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from attendance import coverage
from attendance.factories import SupportMeetingFactory
from attendance.models import SupportMeeting
from attendance.periods import term_on
from audit.models import AuditEvent
from portal.factories import SchoolFactory

pytestmark = pytest.mark.django_db

URL = "/admin/attendance/coverage/"
CSV = "/admin/attendance/coverage.csv"
YEAR, TERM = term_on(date.today())
NOW = timezone.now()


def meeting(school, status=SupportMeeting.Status.SCHEDULED, days=7, year=YEAR, term=TERM):
    return SupportMeetingFactory(
        school=school, year=year, term=term, status=status, starts_at=NOW + timedelta(days=days)
    )


def csv_rows(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


@pytest.fixture
def schools(db):
    """Four schools in two localities and two phases, one meeting each way, one closed."""
    made = {
        "held": SchoolFactory(name="Ashgrove Primary", locality="Northgate"),
        "scheduled": SchoolFactory(name="Birchwood Primary", locality="Northgate"),
        "passed": SchoolFactory(name="Cedar High", phase="secondary", locality="Southmoor"),
        "cancelled": SchoolFactory(name="Damson High", phase="secondary", locality="Southmoor"),
        "none": SchoolFactory(name="Elm Primary", locality="Southmoor"),
        "closed": SchoolFactory(name="Fir Primary", locality="Northgate", active=False),
    }
    meeting(made["held"], SupportMeeting.Status.HELD, days=-3)
    meeting(made["scheduled"], days=5)
    meeting(made["passed"], days=-2)  # its date passed, not recorded as held
    meeting(made["cancelled"], SupportMeeting.Status.CANCELLED, days=3)
    meeting(made["closed"], SupportMeeting.Status.HELD, days=-3)
    # Last term's held meeting does not count for this one.
    meeting(made["none"], SupportMeeting.Status.HELD, days=-100, year=YEAR - 1)
    return made


def statuses(year=YEAR, term=TERM, now=NOW, **filters):
    rows = coverage.schools(year, term, coverage.Filters(**filters), now=now)
    return {row.name: row.coverage for row in rows}


def test_held_scheduled_and_missing(schools):
    assert statuses() == {
        "Ashgrove Primary": "held",
        "Birchwood Primary": "scheduled",
        "Cedar High": "missing",
        "Damson High": "missing",
        "Elm Primary": "missing",
    }  # Fir Primary is closed: not due


def test_a_scheduled_meeting_is_missing_once_its_time_passes_unrecorded(schools):
    starts_at = SupportMeeting.objects.get(school=schools["scheduled"]).starts_at
    assert statuses(now=starts_at)["Birchwood Primary"] == "scheduled"
    assert statuses(now=starts_at + timedelta(seconds=1))["Birchwood Primary"] == "missing"


def test_the_term_asked_for_counts_only_its_own_meetings(schools):
    other_term = TERM % 3 + 1
    assert set(statuses(term=other_term).values()) == {"missing"}
    # Elm's meeting was the same term of last year.
    assert statuses()["Elm Primary"] == "missing"
    assert statuses(year=YEAR - 1)["Elm Primary"] == "held"


def test_terms_of_the_year_by_date():
    """The council's term dates where it has published them (portal/terms.py): a holiday
    belongs to the term that follows. Before them, by month."""
    assert term_on(date(2025, 8, 31)) == (2024, 3)  # before the published dates
    assert term_on(date(2025, 9, 1)) == (2025, 1)
    assert term_on(date(2025, 12, 19)) == (2025, 1)  # autumn 2025's last day
    assert term_on(date(2025, 12, 31)) == (2025, 2)  # the Christmas holiday
    assert term_on(date(2026, 3, 27)) == (2025, 2)
    assert term_on(date(2026, 3, 31)) == (2025, 3)  # the Easter holiday
    assert term_on(date(2026, 8, 20)) == (2026, 1)  # the summer holiday


def test_counts_by_locality_and_phase_with_totals(schools):
    by_locality = coverage.counts_by("locality", YEAR, TERM, coverage.Filters(), now=NOW)
    assert by_locality == [
        {"locality": "Northgate", "due": 2, "held": 1, "scheduled": 1, "missing": 0},
        {"locality": "Southmoor", "due": 3, "held": 0, "scheduled": 0, "missing": 3},
    ]
    by_phase = coverage.counts_by("phase", YEAR, TERM, coverage.Filters(), now=NOW)
    assert by_phase == [
        {"phase": "primary", "due": 3, "held": 1, "scheduled": 1, "missing": 1},
        {"phase": "secondary", "due": 2, "held": 0, "scheduled": 0, "missing": 2},
    ]
    assert coverage.totals(by_phase) == {"due": 5, "held": 1, "scheduled": 1, "missing": 3}


def test_the_page_shows_the_counts_and_each_school(client, attendance_officer, schools):
    client.force_login(attendance_officer)
    response = client.get(URL)
    assert response.status_code == 200
    text = response.text
    assert "Meetings held: 1 of 5 schools due one" in text
    assert "Held: 1. Scheduled and still to come: 1." in text
    for name in ("Ashgrove Primary", "Birchwood Primary", "Cedar High", "Elm Primary"):
        assert name in text
    assert "Fir Primary" not in text
    assert "Cancelled" in text  # Damson's meeting: missing, and why
    assert "Support meetings coverage" in client.get("/admin/").text


def test_filters(client, attendance_officer, schools):
    client.force_login(attendance_officer)
    text = client.get(URL, {"phase": "secondary"}).text
    assert "Cedar High" in text and "Ashgrove Primary" not in text
    assert "Meetings held: 0 of 2 schools due one" in text
    text = client.get(URL, {"locality": "Northgate"}).text
    assert "Birchwood Primary" in text and "Elm Primary" not in text
    # A school's meeting links to its record; a school with none has no link.
    held = SupportMeeting.objects.get(school__name="Ashgrove Primary", year=YEAR, term=TERM)
    assert f'href="/admin/attendance_meeting/record/{held.pk}/"' in text
    assert text.count("/admin/attendance_meeting/record/") == 2  # Ashgrove and Birchwood
    # Each count table names its rows: the locality, and the phase.
    assert '<th scope="row">Northgate</th>' in text and '<th scope="row">Primary</th>' in text
    text = client.get(URL, {"status": "missing"}).text
    assert "Cedar High" in text and "Elm Primary" in text and "Ashgrove Primary" not in text
    # The tables still divide every matching school by status.
    assert "Meetings held: 1 of 5 schools due one" in text
    text = client.get(URL, {"status": "held", "locality": "Southmoor"}).text
    assert "No schools match these filters." in text


def test_bad_values_are_ignored(client, attendance_officer, schools):
    client.force_login(attendance_officer)
    for query in (
        {"year": "abc", "term": "9", "phase": "castle", "locality": "Atlantis", "status": "x"},
        {"year": "1900", "term": "-1"},
        {"p": "abc"},
        {"p": "999"},
        {"year": "2025/26"},
    ):
        response = client.get(URL, query)
        assert response.status_code == 200, query
        assert "Meetings held: 1 of 5 schools due one" in response.text, query
        assert "This field" not in response.text  # no errors: defaults are used
    # A good value kept while a bad one beside it is ignored.
    text = client.get(URL, {"phase": "secondary", "term": "nine"}).text
    assert "Meetings held: 0 of 2 schools due one" in text


def test_another_term_chosen(client, attendance_officer, schools):
    client.force_login(attendance_officer)
    other_term = TERM % 3 + 1
    text = client.get(URL, {"year": YEAR, "term": other_term}).text
    assert "Meetings held: 0 of 5 schools due one" in text
    assert f'<option value="{other_term}" selected>' in text


def test_fifty_schools_a_page(client, attendance_officer):
    SchoolFactory.create_batch(55)
    client.force_login(attendance_officer)
    first = client.get(URL).text
    assert "Page 1 of 2" in first
    second = client.get(URL, {"p": 2}).text
    assert "Page 2 of 2" in second


def test_the_csv_has_every_matching_school_and_is_logged(client, attendance_officer, schools):
    client.force_login(attendance_officer)
    response = client.get(CSV, {"locality": "Southmoor"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert rows[0][:5] == ["URN", "School", "Phase", "Locality", "Coverage"]
    assert [row[1] for row in rows[1:]] == ["Cedar High", "Damson High", "Elm Primary"]
    cedar = rows[1]
    assert cedar[4] == "Missing" and cedar[5] == "Scheduled" and cedar[6]
    assert rows[2][5] == "Cancelled" and rows[3][5:] == ["", ""]
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORTED)
    assert event.service == "attendance" and "locality=Southmoor" in event.detail


def test_the_csv_of_many_schools_is_not_paged(client, attendance_officer):
    SchoolFactory.create_batch(60)
    client.force_login(attendance_officer)
    assert len(csv_rows(client.get(CSV))) == 61


@pytest.mark.parametrize("who", ["school_user", "governor", "ehe_officer"])
def test_others_are_refused(client, request, who, schools):
    client.force_login(request.getfixturevalue(who))
    for url in (URL, CSV):
        assert client.get(url).status_code in (302, 403), url
    assert "Support meetings coverage" not in client.get("/admin/").text
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORTED).exists()


def test_anonymous_is_sent_to_sign_in(client, schools):
    for url in (URL, CSV):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("count", [5, 60])
def test_a_fixed_number_of_queries(
    client, attendance_officer, django_assert_max_num_queries, count
):
    for n in range(count):
        school = SchoolFactory(locality=f"Locality {n % 4}", phase=["primary", "secondary"][n % 2])
        if n % 3:
            meeting(school, [SupportMeeting.Status.HELD, SupportMeeting.Status.SCHEDULED][n % 2])
    client.force_login(attendance_officer)
    client.get(URL)  # the session and permissions read once
    with django_assert_max_num_queries(16):
        response = client.get(URL, {"status": "held"})
    assert response.status_code == 200
    with django_assert_max_num_queries(12):
        rows = csv_rows(client.get(CSV))
    assert len(rows) == count + 1


def test_year_and_term_of_a_meeting_date():
    # The default term is the one today falls in.
    assert coverage.term_label(*term_on(datetime(2026, 1, 5).date())) == "Spring term 2025/26"
