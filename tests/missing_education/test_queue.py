"""The pupil tracking officers' queue: only they see it; its filters, overdue next steps
first and marked, 50 a page, a query budget that does not grow with the cases, and the
CSV (streamed, in the audit log)."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from missing_education.factories import CaseFactory
from missing_education.models import Case
from portal.factories import SchoolFactory

pytestmark = pytest.mark.django_db

URL = "/admin/missing_education/"
CSV = "/admin/missing_education/cases.csv"
TODAY = timezone.localdate()


def names(response):
    return [case.pupil_name for case in response.context["page"]]


def test_other_officers_schools_and_the_signed_out_are_refused(
    client, case, attendance_officer, school_user, governor
):
    assert client.get(URL).status_code == 302  # to sign in
    for user in (attendance_officer, school_user, governor):
        client.force_login(user)
        for url in (URL, CSV, f"{URL}{case.pk}/"):
            response = client.get(url)
            assert response.status_code in (302, 403), (user, url)
            if response.status_code == 302:  # Wagtail's refusal of someone not in the admin
                assert response["Location"].split("?")[0] in ("/admin/login/", "/admin/", "/")


def test_open_cases_overdue_first(client, tracker, school):
    CaseFactory(first_name="Later", last_name="Due", next_step_due=TODAY + timedelta(days=5))
    CaseFactory(first_name="Most", last_name="Overdue", next_step_due=TODAY - timedelta(days=9))
    CaseFactory(first_name="Just", last_name="Overdue", next_step_due=TODAY - timedelta(days=1))
    CaseFactory(first_name="Closed", last_name="Case", status=Case.Status.CLOSED)
    client.force_login(tracker)
    response = client.get(URL)
    assert names(response) == ["Most Overdue", "Just Overdue", "Later Due"]
    page = response.content.decode()
    assert page.count("Overdue</span>") == 2


def test_the_filters(client, tracker, school, other_school):
    mine = CaseFactory(first_name="Mine", last_school=school, assigned_to=tracker)
    CaseFactory(first_name="Other", last_school=other_school, status=Case.Status.ENQUIRIES)
    CaseFactory(
        first_name="Late", last_school=other_school, next_step_due=TODAY - timedelta(days=2)
    )
    CaseFactory(first_name="Shut", last_school=school, status=Case.Status.CLOSED)
    client.force_login(tracker)

    def first_names(query):
        return sorted(case.first_name for case in client.get(URL + query).context["page"])

    assert first_names("") == ["Late", "Mine", "Other"]
    assert first_names("?mine=on") == [mine.first_name]
    assert first_names("?overdue=on") == ["Late"]
    assert first_names(f"?school={school.pk}") == ["Mine"]
    assert first_names("?status=enquiries") == ["Other"]
    assert first_names("?status=closed") == ["Shut"]
    assert first_names("?status=all") == ["Late", "Mine", "Other", "Shut"]
    assert first_names("?status=nonsense") == ["Late", "Mine", "Other"]  # ignored


def test_fifty_a_page(client, tracker):
    CaseFactory.create_batch(55)
    client.force_login(tracker)
    assert len(client.get(URL).context["page"]) == 50
    assert len(client.get(URL + "?p=2").context["page"]) == 5


def _queries_for_the_queue(client, count, tracker):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    schools = SchoolFactory.create_batch(3)
    for n in range(count):
        CaseFactory(last_school=schools[n % 3], assigned_to=tracker if n % 2 else None,
                    next_step_due=TODAY - timedelta(days=n % 4))  # fmt: skip
    client.force_login(tracker)
    client.get(URL)  # the session and permissions are read once, as on any admin page
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL + "?status=all")
    assert response.status_code == 200
    return len(queries)


def test_a_query_budget_the_same_however_many_cases(client, tracker, django_assert_max_num_queries):
    few = _queries_for_the_queue(client, 5, tracker)
    many = _queries_for_the_queue(client, 55, tracker)  # 60 in all: past the first page
    assert few == many <= 14
    with django_assert_max_num_queries(many):
        client.get(URL)


def test_the_csv_streams_every_matching_case_and_is_logged(client, tracker, school):
    CaseFactory(first_name="Kacper", last_name="Nowicki", last_school=school, upn="")
    CaseFactory(first_name="Shut", status=Case.Status.CLOSED)
    client.force_login(tracker)
    before = AuditEvent.objects.filter(action="exported").count()
    response = client.get(CSV)
    assert response.streaming
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Reference", "First name", "Last name"]
    assert [row[1] for row in rows[1:]] == ["Kacper"]
    assert rows[1][5] == school.name
    assert AuditEvent.objects.filter(action="exported").count() == before + 1
    event = AuditEvent.objects.filter(action="exported").latest("pk")
    assert event.service == "pupil_tracking" and event.actor == tracker


def test_the_csv_writes_a_formula_as_text(client, tracker):
    CaseFactory(first_name='=HYPERLINK("http://x")')
    client.force_login(tracker)
    response = client.get(CSV)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
