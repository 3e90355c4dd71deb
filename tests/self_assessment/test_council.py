"""The council view in the Wagtail admin, and the framework's freeze once published."""

import csv
import io
import random
import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.factories import SchoolFactory, UserFactory
from portal.models import School
from self_assessment import summaries
from self_assessment.models import Answer, Assessment, FrameworkVersion, school_year_of

pytestmark = pytest.mark.django_db
THIS_YEAR = school_year_of(timezone.localdate())


def many_schools(framework, count, years=3, level=None, summarise=True):
    """`count` schools with a submitted assessment in each of `years` years; every answer
    of school n is `level(n)`, or a random level. Made in bulk, not submitted, so the
    council's figures are worked out after, as the command does (unless not `summarise`)."""
    rng = random.Random(1)
    schools = School.objects.bulk_create(
        School(urn=f"9{n:05}", name=f"School {n:03}", phase="primary" if n % 2 else "secondary",
               locality="North" if n % 3 else "South", postcode="WY1 1AA")
        for n in range(count)
    )  # fmt: skip
    statements = list(framework.statements.all())
    now = timezone.now()
    assessments = Assessment.objects.bulk_create(
        Assessment(
            school=school,
            framework=framework,
            school_year=THIS_YEAR - back,
            status=Assessment.Status.SUBMITTED,
            submitted_at=now - timedelta(days=365 * back),
        )
        for school in schools
        for back in range(years)
    )
    Answer.objects.bulk_create(
        Answer(
            assessment=assessment,
            statement=statement,
            level=level(schools.index(assessment.school)) if level else rng.randint(1, 4),
        )
        for assessment in assessments
        for statement in statements
    )
    if summarise:
        summaries.refresh_years(THIS_YEAR - back for back in range(years))
    return schools


def names(response):
    return [row["school"].name for row in response.context["heat_map"]]


def csv_rows(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def test_council_view_for_600_schools_in_a_fixed_number_of_queries(
    framework, attendance_officer, client, django_assert_max_num_queries
):
    many_schools(framework, 600)
    client.force_login(attendance_officer)
    url = reverse("self_assessment_council")
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["heat_map"]) == 50  # one page of the 600
    assert response.context["assessed_count"] == 600
    html = response.content.decode()
    assert html.count('<td class="app-heat app-heat--') == (50 + 1) * 7  # schools + average
    assert "Page 1 of 12" in html
    with django_assert_max_num_queries(20):
        last = client.get(url, {"p": 12})
    assert names(last)[-1] == "School 599"
    with django_assert_max_num_queries(13):  # 12, and the export in the audit log
        export = client.get(url, {"format": "csv"})
        rows = csv_rows(export)  # the rows are read as the file streams
    assert export.streaming and len(rows) == 1 + 600  # the export has every school, not one page


def test_pages_keep_the_filters_and_show_other_schools(framework, attendance_officer, client):
    many_schools(framework, 130, years=1)  # 65 primary schools: two pages
    client.force_login(attendance_officer)
    url = reverse("self_assessment_council")
    first = client.get(url, {"phase": "primary", "year": THIS_YEAR})
    assert first.context["assessed_count"] == 65
    html = first.content.decode()
    assert "Page 1 of 2" in html
    # The link to page 2 keeps the year and phase chosen.
    next_link = re.search(r'href="(\?[^"]*p=2[^"]*)"', html).group(1).replace("&amp;", "&")
    query = parse_qs(urlsplit(next_link).query)
    assert query["phase"] == ["primary"] and query["year"] == [str(THIS_YEAR)]
    second = client.get(url + next_link)
    assert second.status_code == 200
    assert len(names(first)) == 50 and len(names(second)) == 15
    assert not set(names(first)) & set(names(second))
    assert names(first) + names(second) == sorted(names(first) + names(second))
    every = set(names(first)) | set(names(second))
    assert every == set(School.objects.filter(phase="primary").values_list("name", flat=True))
    # A page number out of range or not a number gives a page, not an error.
    assert names(client.get(url, {"phase": "primary", "p": "99"})) == names(second)
    assert names(client.get(url, {"phase": "primary", "p": "x"})) == names(first)


def test_averages_are_over_every_matching_school_not_one_page(
    framework, attendance_officer, client
):
    # Schools 000-049 (page 1) answered 1 everywhere; schools 050-059 (page 2) answered 4.
    many_schools(framework, 60, years=1, level=lambda n: 1 if n < 50 else 4)
    client.force_login(attendance_officer)
    response = client.get(reverse("self_assessment_council"))
    assert {score for row in response.context["heat_map"] for score in row["scores"]} == {1.0}
    areas = response.context["areas"]
    assert response.context["averages"] == [("app-heat app-heat--1", "1.5")] * len(areas)
    assert "Council average (60 schools)" in response.content.decode()
    # The distribution counts every school too.
    first = response.context["distribution"][0]
    assert first["counts"] == [50, 0, 0, 10]


def test_filters_not_assessed_distribution_and_csv(framework, attendance_officer, client):
    many_schools(framework, 6, years=1)
    quiet = SchoolFactory(name="Quiet Primary", phase="primary", locality="North")
    client.force_login(attendance_officer)
    url = reverse("self_assessment_council")
    response = client.get(url, {"phase": "primary", "locality": "North"})
    shown = names(response)
    assert shown and all(School.objects.get(name=n).phase == "primary" for n in shown)
    assert [row["school"] for row in response.context["not_assessed"]] == [quiet]
    assert response.context["not_assessed_count"] == 1
    first = response.context["distribution"][0]
    assert sum(first["counts"]) == len(shown)
    rows = csv_rows(client.get(url, {"format": "csv"}))
    assert rows[0][:2] == ["School", "URN"] and len(rows) == 7
    assert len(rows[0]) == 4 + 7
    # The CSV keeps the filters.
    rows = csv_rows(client.get(url, {"format": "csv", "phase": "primary", "locality": "North"}))
    assert sorted(row[0] for row in rows[1:]) == sorted(shown)


def test_not_assessed_is_a_count_a_short_list_and_a_csv_of_them_all(
    framework, attendance_officer, client
):
    many_schools(framework, 3, years=1)
    quiet = [SchoolFactory(name=f"Quiet {n:02}", locality="Eastmoor") for n in range(30)]
    Assessment.objects.create(school=quiet[0], framework=framework, school_year=THIS_YEAR)
    client.force_login(attendance_officer)
    url = reverse("self_assessment_council")
    response = client.get(url)
    assert response.context["not_assessed_count"] == 30
    rows = response.context["not_assessed"]
    assert [row["school"] for row in rows] == quiet[:20]
    assert rows[0]["now"] == "Assessment in progress" and rows[1]["now"] == "Not started"
    html = response.content.decode()
    assert "30 schools have not submitted an assessment" in html
    link = re.search(r'href="([^"]*list=not-assessed[^"]*)"', html).group(1)
    rows = csv_rows(client.get(url + link.replace("&amp;", "&")))
    assert rows[0] == ["School", "URN", "Phase", "Locality", "Now"]
    assert [row[0] for row in rows[1:]] == [school.name for school in quiet]
    # Filtered by locality, the CSV leaves out the others.
    rows = csv_rows(client.get(url, {"format": "csv", "list": "not-assessed", "locality": "North"}))
    assert rows[1:] == []


def test_council_view_refuses_other_services_and_school_users(framework, school_user, client):
    url = reverse("self_assessment_council")
    ehe = UserFactory(email="ehe@council.example", is_staff=True, groups=["EHE officers"])
    client.force_login(ehe)
    assert client.get(url).status_code in (302, 403)
    client.force_login(school_user)
    assert client.get(url).status_code in (302, 403)
    client.logout()
    assert client.get(url).status_code == 302


def test_a_published_version_cannot_be_edited_but_can_be_copied(framework, client):
    editor = UserFactory(email="ed@council.example", is_staff=True, groups=["Editors"])
    client.force_login(editor)
    edit = reverse("self_assessment_framework:edit", args=[framework.pk])
    response = client.get(edit)
    assert response.status_code == 302
    assert client.get(reverse("self_assessment_framework:index")).status_code == 200
    response = client.post(reverse("self_assessment_framework:copy", args=[framework.pk]))
    draft = FrameworkVersion.objects.exclude(pk=framework.pk).get()
    assert not draft.is_published
    assert set(draft.statements.values_list("code", flat=True)) == set(
        framework.statements.values_list("code", flat=True)
    )
    assert client.get(reverse("self_assessment_framework:edit", args=[draft.pk])).status_code == 200
    client.post(reverse("self_assessment_framework:publish", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.is_published
    assert FrameworkVersion.objects.current() == draft
