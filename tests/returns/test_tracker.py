"""The officers' tracker, the period and return admin, and the CSV downloads."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.models import School
from returns.models import ReturnPeriod, ReturnPupil, SchoolReturn

from .conftest import TODAY, add_pupil, make_period

pytestmark = pytest.mark.django_db

TRACKER = "/admin/returns/tracker/"
EDIT_LINK = "returns_schoolreturn/edit/"


def schools_table(text):
    """The school table and its page links: the page up to the overdue pupils."""
    return text.split("Pupils whose review date has passed")[0]


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def test_an_attendance_officer_sees_the_tracker_and_its_menu_item(
    client, attendance_officer, own_return, other_return
):
    add_pupil(own_return, review=10)  # review passed
    own_return.status = SchoolReturn.Status.RETURNED
    own_return.save()
    client.force_login(attendance_officer)
    response = client.get(TRACKER)
    assert response.status_code == 200
    text = response.text
    assert "Response rate: 50%" in text
    assert "Alderbrook Primary" in text and "Beechfield Primary" in text
    assert "Pupils whose review date has passed" in text and "A.B." in text
    assert "1 pupil whose review date has passed." in text
    assert "Page 1 of 1" not in text  # one page: no page links
    assert "Reduced timetables" in client.get("/admin/").text


@pytest.mark.parametrize("who", ["ehe_officer", "school_user"])
def test_others_are_refused(client, request, who, own_return):
    user = request.getfixturevalue(who)
    client.force_login(user)
    for url in (
        TRACKER,
        reverse("returns_schools_csv", args=[own_return.period_id]),
        reverse("returns_pupils_csv", args=[own_return.period_id]),
        reverse("returns_overdue_csv", args=[own_return.period_id]),
        reverse("returns_schoolreturn:edit", args=[own_return.pk]),
        reverse("returns_returnperiod:add"),
    ):
        assert client.get(url).status_code in (302, 403), url
    if who == "ehe_officer":
        assert "Reduced timetables" not in client.get("/admin/").text


def test_filters_by_phase_locality_and_status(client, attendance_officer, period, school):
    School.objects.create(urn="190099", name="Ridge High", phase="secondary", locality="Eastmoor")
    period.save()  # opens the new school's return
    SchoolReturn.objects.filter(school=school).update(status=SchoolReturn.Status.NIL)
    client.force_login(attendance_officer)
    text = client.get(TRACKER, {"period": period.pk, "phase": "secondary"}).text
    assert "Ridge High" in text and "Alderbrook Primary" not in text
    text = client.get(TRACKER, {"period": period.pk, "locality": "Eastmoor"}).text
    assert "Ridge High" in text and "Alderbrook Primary" not in text
    text = client.get(TRACKER, {"period": period.pk, "status": "outstanding"}).text
    assert "Ridge High" in text and "Alderbrook Primary" not in text
    text = client.get(TRACKER, {"period": period.pk, "status": "nil"}).text
    assert "Ridge High" not in text and "Alderbrook Primary" in text


def test_the_default_period_is_the_latest_opened(client, attendance_officer, school):
    make_period(name="Old period", opens=-100, due=-80)
    make_period(name="Current period", opens=-5, due=20)
    make_period(name="Future period", opens=30, due=60)
    client.force_login(attendance_officer)
    response = client.get(TRACKER)
    assert response.context["period"].name == "Current period"


def test_csv_downloads(client, attendance_officer, own_return):
    add_pupil(own_return, pupil="=HYPERLINK()", review=70)
    client.force_login(attendance_officer)
    schools = client.get(reverse("returns_schools_csv", args=[own_return.period_id]))
    rows = list(csv.reader(io.StringIO(schools.getvalue().decode("utf-8-sig"))))
    assert rows[0][:2] == ["URN", "School"]
    alderbrook = next(row for row in rows if row[0] == "190001")
    assert rows[0][6] == "Sent late" and alderbrook[6] == "No"
    assert alderbrook[8:10] == ["1", "1"]  # one pupil, flagged
    pupils = client.get(reverse("returns_pupils_csv", args=[own_return.period_id]))
    rows = list(csv.reader(io.StringIO(pupils.getvalue().decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[1][2] == "'=HYPERLINK()"  # not run as a formula
    assert "The review is more than 8 weeks after the start" in rows[1][12]


def test_a_late_return_is_shown_late_in_the_tracker_and_the_csv(
    client, attendance_officer, school, other_school
):
    past = make_period(name="Summer term", opens=-60, due=-3)
    late = SchoolReturn.objects.get(period=past, school=school)
    on_time = SchoolReturn.objects.get(period=past, school=other_school)
    SchoolReturn.objects.filter(pk=late.pk).update(
        status=SchoolReturn.Status.NIL, submitted_at=timezone.now(), sent_late=True
    )
    SchoolReturn.objects.filter(pk=on_time.pk).update(
        status=SchoolReturn.Status.NIL, submitted_at=timezone.now() - timedelta(days=5)
    )
    client.force_login(attendance_officer)
    text = client.get(TRACKER, {"period": past.pk}).text
    assert text.count('w-status--label">Late</span>') == 1
    assert "Sent late: 1." in text
    only_late = schools_table(client.get(TRACKER, {"period": past.pk, "status": "late"}).text)
    assert "Alderbrook Primary" in only_late and "Beechfield Primary" not in only_late
    rows = csv_rows(client.get(reverse("returns_schools_csv", args=[past.pk])))
    assert {row[1]: row[6] for row in rows[1:]} == {
        "Alderbrook Primary": "Yes",
        "Beechfield Primary": "No",
    }


def test_the_tracker_for_600_schools_over_30_periods_in_few_queries(
    client, attendance_officer, django_assert_max_num_queries
):
    School.objects.bulk_create(
        School(urn=f"{300000 + n}", name=f"School {n}", phase="primary",
               locality=f"Locality {n % 6}", postcode="WY1 1AA")
        for n in range(600)
    )  # fmt: skip
    for n in range(30):
        make_period(name=f"Period {n}", opens=-10 - 30 * n, due=20 - 30 * n)
    latest = ReturnPeriod.objects.order_by("-opens_on").first()
    returns = list(SchoolReturn.objects.filter(period=latest))
    assert len(returns) == 600
    pupils = [
        ReturnPupil(school_return=r, pupil=f"P{i}", year_group="3", starts_on=TODAY,
                    hours_per_week=10, reason="send", review_on=TODAY - timedelta(days=1),
                    ends_on=TODAY + timedelta(days=40), review_late=i % 2 == 0)
        for i, r in enumerate(returns[:300])
    ]  # fmt: skip
    ReturnPupil.objects.bulk_create(pupils)
    SchoolReturn.objects.filter(pk__in=[r.pk for r in returns[:200]]).update(
        status=SchoolReturn.Status.RETURNED, submitted_at=timezone.now()
    )
    client.force_login(attendance_officer)
    client.get(TRACKER)  # warm per-process caches
    with django_assert_max_num_queries(16):
        response = client.get(TRACKER)
    assert response.status_code == 200
    text = response.text
    assert schools_table(text).count(EDIT_LINK) == 50  # one page of schools
    assert "Page 1 of 12" in text
    # The summary is over all 600 schools, not the page.
    assert "Response rate: 33%" in text
    assert "Of 600 schools matching these filters: 200 returned" in text
    assert "The 20 most overdue of 300 pupils whose review date has passed." in text
    with django_assert_max_num_queries(16):
        assert "Page 12 of 12" in client.get(TRACKER, {"p": 12}).text


def test_pages_keep_the_filters_and_the_summary_covers_every_page(
    client, attendance_officer, period
):
    School.objects.bulk_create(
        School(urn=f"{310000 + n}", name=f"Eastmoor School {n:02}", phase="primary",
               locality="Eastmoor", postcode="WY1 1AA")
        for n in range(60)
    )  # fmt: skip
    period.save()  # opens the new schools' returns
    # Only schools on the second page have made their return.
    SchoolReturn.objects.filter(school__name__gte="Eastmoor School 50").update(
        status=SchoolReturn.Status.RETURNED
    )
    client.force_login(attendance_officer)
    filters = {"period": period.pk, "locality": "Eastmoor"}

    first = client.get(TRACKER, filters).text
    assert "Eastmoor School 00" in first and "Eastmoor School 49" in first
    assert "Eastmoor School 50" not in first
    assert "Alderbrook Primary" not in first  # the filter still applies
    assert "Page 1 of 2" in first
    page_links = re.findall(r'href="([^"]*\bp=2\b[^"]*)"', schools_table(first))
    assert page_links and all("locality=Eastmoor" in link for link in page_links)
    assert all(f"period={period.pk}" in link for link in page_links)
    # Counts and rate over all 60 matching schools, on every page.
    summary = "Of 60 schools matching these filters: 10 returned, 0 nil returns, 50 outstanding."
    assert summary in first and "Response rate: 17%" in first

    second = client.get(TRACKER, {**filters, "p": 2}).text
    assert "Eastmoor School 50" in second and "Eastmoor School 59" in second
    assert "Eastmoor School 49" not in second and "Alderbrook Primary" not in second
    assert schools_table(second).count(EDIT_LINK) == 10
    assert summary in second and "Response rate: 17%" in second
    # The CSV link has the filters but not the page: it has every matching school.
    csv_link = re.search(r'href="([^"]*schools\.csv[^"]*)"', second).group(1)
    assert "locality=Eastmoor" in csv_link and "p=2" not in csv_link
    assert len(csv_rows(client.get(csv_link.replace("&amp;", "&")))) == 61

    # A page number that is not a number shows the first page; one too far, the last.
    assert "Page 1 of 2" in client.get(TRACKER, {**filters, "p": "x"}).text
    assert "Page 2 of 2" in client.get(TRACKER, {**filters, "p": 9}).text


def test_the_overdue_list_shows_the_most_overdue_with_the_total_and_a_csv(
    client, attendance_officer, own_return, other_return
):
    for n in range(25):  # reviews 100 days ago, 99 days ago, ...: all passed
        add_pupil(own_return, pupil=f"OV{n:02}", starts=-110, review=10 + n, ends=200)
    add_pupil(own_return, pupil="NOT.DUE", review=40)
    School.objects.filter(pk=other_return.school_id).update(locality="Eastmoor")
    add_pupil(other_return, pupil="EAST.1", starts=-110, review=5, ends=200)
    client.force_login(attendance_officer)

    text = client.get(TRACKER).text
    overdue = text.split("Pupils whose review date has passed")[1]
    assert "The 20 most overdue of 26 pupils whose review date has passed." in overdue
    assert "EAST.1" in overdue and "OV00" in overdue and "OV18" in overdue
    assert "OV19" not in overdue and "NOT.DUE" not in overdue  # not among the 20; not due

    url = reverse("returns_overdue_csv", args=[own_return.period_id])
    assert f'href="{url}?"' in overdue
    rows = csv_rows(client.get(url))
    assert rows[0][:3] == ["URN", "School", "UPN or initials"]
    assert [row[2] for row in rows[1:]] == ["EAST.1"] + [f"OV{n:02}" for n in range(25)]
    # The CSV follows the tracker's filters.
    text = client.get(TRACKER, {"period": own_return.period_id, "locality": "Northgate"}).text
    assert "25 pupils whose review date has passed." in text
    link = f'href="{url}?period={own_return.period_id}&amp;locality=Northgate"'
    assert link in text
    rows = csv_rows(client.get(url, {"locality": "Northgate"}))
    assert len(rows) == 26 and "EAST.1" not in {row[2] for row in rows}


def test_an_officer_changes_a_return_after_the_due_date(client, attendance_officer, school):
    past = make_period(name="Summer term", opens=-60, due=-1)
    school_return = SchoolReturn.objects.get(period=past, school=school)
    school_return.status = SchoolReturn.Status.NIL
    school_return.submitted_at = timezone.now() - timedelta(days=5)
    school_return.save()
    client.force_login(attendance_officer)
    url = reverse("returns_schoolreturn:edit", args=[school_return.pk])
    assert client.get(url).status_code == 200
    starts = TODAY - timedelta(days=30)
    data = {
        "status": "returned",
        "pupils-TOTAL_FORMS": "1", "pupils-INITIAL_FORMS": "0",
        "pupils-MIN_NUM_FORMS": "0", "pupils-MAX_NUM_FORMS": "1000",
        "pupils-0-pupil": "Z.Z.", "pupils-0-year_group": "6",
        "pupils-0-starts_on": starts.isoformat(),
        "pupils-0-review_on": (starts + timedelta(weeks=10)).isoformat(),
        "pupils-0-ends_on": (starts + timedelta(weeks=14)).isoformat(),
        "pupils-0-hours_per_week": "10", "pupils-0-reason": "send",
        "pupils-0-parental_agreement": "on", "pupils-0-sen": "ehcp",
        "pupils-0-social_care": "none", "pupils-0-ORDER": "1", "pupils-0-id": "",
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    school_return.refresh_from_db()
    assert school_return.status == SchoolReturn.Status.RETURNED
    assert school_return.amended_at is not None
    assert school_return.pupils.get().review_late is True  # flags worked out on save


def test_the_admin_refuses_impossible_dates(client, attendance_officer, own_return):
    client.force_login(attendance_officer)
    url = reverse("returns_schoolreturn:edit", args=[own_return.pk])
    data = {
        "status": "returned",
        "pupils-TOTAL_FORMS": "1", "pupils-INITIAL_FORMS": "0",
        "pupils-MIN_NUM_FORMS": "0", "pupils-MAX_NUM_FORMS": "1000",
        "pupils-0-pupil": "Z.Z.", "pupils-0-year_group": "6",
        "pupils-0-starts_on": TODAY.isoformat(),
        "pupils-0-review_on": TODAY.isoformat(),
        "pupils-0-ends_on": (TODAY - timedelta(days=1)).isoformat(),
        "pupils-0-hours_per_week": "10", "pupils-0-reason": "send",
        "pupils-0-sen": "ehcp", "pupils-0-social_care": "none",
        "pupils-0-ORDER": "1", "pupils-0-id": "",
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 200
    assert "The planned end date must be after the start date" in response.text
    assert own_return.pupils.count() == 0


def test_an_officer_adds_a_period_which_opens_a_return_for_every_active_school(
    client, attendance_officer, school, other_school
):
    School.objects.create(urn="190098", name="Closed School", phase="primary",
                          locality="Northgate", postcode="WY1 1AA", active=False)  # fmt: skip
    client.force_login(attendance_officer)
    response = client.post(
        reverse("returns_returnperiod:add"),
        {"name": "Spring term 2027", "cadence": "termly",
         "opens_on": "2027-01-04", "due_on": "2027-02-05"},
    )  # fmt: skip
    assert response.status_code == 302
    period = ReturnPeriod.objects.get(name="Spring term 2027")
    assert set(period.returns.values_list("school__name", flat=True)) == {
        "Alderbrook Primary",
        "Beechfield Primary",
    }
    response = client.post(
        reverse("returns_returnperiod:add"),
        {"name": "Bad", "cadence": "termly", "opens_on": "2027-01-04", "due_on": "2027-01-01"},
    )
    assert "The due date must be on or after the open date" in response.text
