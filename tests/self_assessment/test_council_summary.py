"""The council's figures kept as a summary per school year (self_assessment/summaries.py):
the same as working them out from the answers, after every change that counts, and read
by the council view and the report in a fixed number of queries."""

import random
from collections import defaultdict
from datetime import timedelta
from statistics import mean

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Avg, Count, OuterRef, Q, Subquery
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.factories import SchoolFactory
from portal.models import School
from self_assessment import services, summaries
from self_assessment.models import (
    LEVELS,
    Answer,
    AreaCompletion,
    Assessment,
    AssessmentArea,
    CouncilSummary,
)
from self_assessment.tasks import purge_expired_assessments

from .test_council import THIS_YEAR, many_schools
from .test_report_and_plan import submitted

pytestmark = pytest.mark.django_db

FILTERS = [(phase, locality) for phase in ("", "primary", "secondary") for locality in ("", "North", "South")]  # fmt: skip


# The council view's figures as they were worked out on every request before summaries
# were kept: straight from the answers, over every matching school.
def latest_ids(year, phase="", locality=""):
    schools = School.objects.active()
    if phase:
        schools = schools.filter(phase=phase)
    if locality:
        schools = schools.filter(locality=locality)
    latest = Assessment.objects.filter(
        school=OuterRef("pk"), status=Assessment.Status.SUBMITTED, school_year=year
    ).order_by("-submitted_at", "-pk")
    return schools.annotate(latest_id=Subquery(latest.values("pk")[:1])).filter(
        latest_id__isnull=False
    )


def from_the_answers(year, phase="", locality=""):
    """(schools assessed, [mean per area], {statement code: counts per level})."""
    schools = latest_ids(year, phase, locality)
    ids = schools.values("latest_id")
    areas = list(AssessmentArea.objects.all())
    per_school = (
        Answer.objects.filter(assessment_id__in=ids, level__isnull=False)
        .values("assessment_id")
        .annotate(**{f"a{a.pk}": Avg("level", filter=Q(statement__area_id=a.pk)) for a in areas})
        .order_by()
    )
    means = per_school.aggregate(**{f"m{a.pk}": Avg(f"a{a.pk}") for a in areas})
    averages = [
        None if means[f"m{a.pk}"] is None else round(float(means[f"m{a.pk}"]), 1) for a in areas
    ]
    levels = defaultdict(lambda: [0] * len(LEVELS))
    for row in (
        Answer.objects.filter(assessment_id__in=ids, level__isnull=False)
        .values("statement__code", "level")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        levels[row["statement__code"]][row["level"] - 1] += row["n"]
    return schools.count(), averages, dict(levels)


def phase_average_from_the_answers(phase, year):
    """The report's phase average as it was: the mean of the rounded area scores."""
    ids = [s.latest_id for s in latest_ids(year, phase)]
    per_area = defaultdict(list)
    for scores in services.scores_by_area(ids).values():
        for area_id, score in scores.items():
            per_area[area_id].append(score)
    return {area_id: round(mean(v), 1) for area_id, v in per_area.items()}, len(ids)


def from_the_summary(year, phase="", locality=""):
    figures = summaries.Figures(CouncilSummary.objects.get(school_year=year), phase, locality)
    areas = AssessmentArea.objects.all()
    return figures.schools, [figures.mean(a.pk) for a in areas], figures.levels()


def assert_summary_is_current(year):
    for phase, locality in FILTERS:
        assert from_the_summary(year, phase, locality) == from_the_answers(year, phase, locality)


def varied_council(framework):
    """Schools with random levels, some statements unanswered, a school that submitted
    twice in a year (its later one counts), a closed school, and one in progress."""
    schools = many_schools(framework, 40, years=2)
    rng = random.Random(7)
    Answer.objects.filter(pk__in=[a.pk for a in Answer.objects.all() if rng.random() < 0.1]).update(
        level=None
    )
    again = submitted(schools[0], framework, THIS_YEAR, {"expect": 4}, timezone.now())
    School.objects.filter(pk=schools[1].pk).update(active=False)
    Assessment.objects.create(school=SchoolFactory(), framework=framework, school_year=THIS_YEAR)
    summaries.refresh_years([THIS_YEAR, THIS_YEAR - 1])
    return schools, again


def test_summary_gives_the_figures_worked_out_from_the_answers(framework):
    varied_council(framework)
    for year in (THIS_YEAR, THIS_YEAR - 1):
        assert_summary_is_current(year)
        for phase in ("primary", "secondary"):
            assert services.phase_averages(phase, year) == phase_average_from_the_answers(
                phase, year
            )
    schools, averages, _levels = from_the_summary(THIS_YEAR)
    assert schools == 39 and all(averages)  # the closed school left out


def test_the_page_shows_what_the_answers_give(framework, attendance_officer, client):
    varied_council(framework)
    client.force_login(attendance_officer)
    for phase, locality in FILTERS:
        response = client.get(
            reverse("self_assessment_council"), {"phase": phase, "locality": locality}
        )
        schools, averages, levels = from_the_answers(THIS_YEAR, phase, locality)
        assert response.context["assessed_count"] == schools
        shown = ["–" if a is None else f"{a:.1f}" for a in averages]
        assert [text for _class, text in response.context["averages"]] == shown
        counts = [row["counts"] for row in response.context["distribution"]]
        codes = framework.statements.order_by("area__order", "sort_order", "pk")
        assert counts == [levels.get(s.code, [0] * 4) for s in codes]
        chosen = {key: value for key, value in (("phase", phase), ("locality", locality)) if value}
        matching = School.objects.active().filter(**chosen)
        assert response.context["not_assessed_count"] == matching.count() - schools


def complete_and_submit(school, user, level):
    """Start, answer every statement at `level`, complete every area and submit."""
    assessment = services.start_assessment(school, user)
    Answer.objects.filter(assessment=assessment).update(level=level)
    for statement in assessment.framework.statements.all():
        Answer.objects.get_or_create(
            assessment=assessment, statement=statement, defaults={"level": level}
        )
    AreaCompletion.objects.bulk_create(
        AreaCompletion(assessment=assessment, area=area) for area in AssessmentArea.objects.all()
    )
    return services.submit(assessment, user)


def test_submitting_refreshes_the_year_and_a_double_submit_counts_once(
    framework, school, school_user
):
    many_schools(framework, 10, years=1)
    summaries.refresh_years([THIS_YEAR])
    before = from_the_summary(THIS_YEAR)[0]
    assessment = complete_and_submit(school, school_user, 3)
    assert from_the_summary(THIS_YEAR)[0] == before + 1
    assert_summary_is_current(THIS_YEAR)
    services.submit(assessment, school_user)  # a double click
    assert from_the_summary(THIS_YEAR)[0] == before + 1
    # A second assessment in the same year replaces the first in the figures.
    with_threes = from_the_summary(THIS_YEAR)
    complete_and_submit(school, school_user, 1)
    assert from_the_summary(THIS_YEAR)[0] == before + 1
    assert from_the_summary(THIS_YEAR) != with_threes
    assert_summary_is_current(THIS_YEAR)


def test_the_retention_purge_refreshes_the_years_it_deletes_from(framework, settings):
    settings.PORTAL_RECORD_RETENTION_DAYS = {
        **settings.PORTAL_RECORD_RETENTION_DAYS,
        "assessments": 100,
    }
    school = SchoolFactory(phase="primary", locality="North")
    long_ago = timezone.now() - timedelta(days=800)
    submitted(school, framework, THIS_YEAR - 2, {"expect": 1}, long_ago)
    submitted(school, framework, THIS_YEAR, {"expect": 4}, timezone.now())
    summaries.refresh_years([THIS_YEAR - 2, THIS_YEAR])
    assert from_the_summary(THIS_YEAR - 2)[0] == 1
    assert purge_expired_assessments() == 1
    assert from_the_summary(THIS_YEAR - 2)[0] == 0
    assert_summary_is_current(THIS_YEAR - 2)
    assert_summary_is_current(THIS_YEAR)


def test_a_school_that_changes_or_goes_moves_the_figures(framework):
    schools = many_schools(framework, 12, years=2)
    summaries.refresh_years([THIS_YEAR, THIS_YEAR - 1])
    moved = schools[0]
    moved.phase, moved.locality = "secondary", "Eastmoor"  # through the admin: save()
    moved.save()
    assert from_the_summary(THIS_YEAR, locality="Eastmoor")[0] == 1
    assert from_the_summary(THIS_YEAR - 1, locality="Eastmoor")[0] == 1
    closed = schools[1]
    closed.active = False
    closed.save()
    schools[2].delete()
    for year in (THIS_YEAR, THIS_YEAR - 1):
        assert from_the_summary(year)[0] == 10
        assert_summary_is_current(year)


def test_the_command_and_the_first_read_work_out_data_loaded_directly(framework):
    many_schools(framework, 8, years=2, summarise=False)
    assert not CouncilSummary.objects.exists()
    assert summaries.summary_of(THIS_YEAR).figures  # worked out when first asked for
    Answer.objects.update(level=2)  # changed behind the summary's back
    call_command("refresh_council_summaries", stdout=open("/dev/null", "w"))
    assert set(CouncilSummary.objects.values_list("school_year", flat=True)) == {
        THIS_YEAR,
        THIS_YEAR - 1,
    }
    assert_summary_is_current(THIS_YEAR)
    assert_summary_is_current(THIS_YEAR - 1)


@pytest.mark.parametrize("phase", ["", "primary"])
def test_council_view_queries_do_not_grow_with_the_schools(
    framework, attendance_officer, client, phase
):
    client.force_login(attendance_officer)
    url = reverse("self_assessment_council")
    counted = []
    for how_many in (5, 300):
        School.objects.all().delete()
        many_schools(framework, how_many, years=1)
        summaries.refresh_years([THIS_YEAR])
        client.get(url, {"phase": phase})  # the session's first request does more
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, {"phase": phase}).status_code == 200
        counted.append(len(queries))
    assert counted[0] == counted[1] <= 20
