import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.models import School
from self_assessment import summaries
from self_assessment.models import (
    Action,
    Answer,
    Assessment,
    CouncilSummary,
    FrameworkVersion,
    Statement,
    school_year_of,
)


def counts():
    return [m.objects.count() for m in (FrameworkVersion, Statement, Assessment, Answer, Action)]


# The command's own commits are tested in tests/portal/test_seed_demo.py; here its content
# is checked inside the test's transaction, which costs no flush and reload of the database.
@pytest.mark.django_db
def test_demo_framework_and_assessments_and_a_second_run_adds_nothing():
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first

    framework = FrameworkVersion.objects.current()
    statements = list(framework.statements.all())
    assert len(statements) >= 40
    assert {s.area.slug for s in statements} >= {"expect", "monitor", "enforce"}
    assert all(s.level_1 and s.level_4 and s.suggested_actions(1) for s in statements)
    alderbrook = School.objects.get(urn="190001")
    states = set(alderbrook.self_assessments.values_list("status", flat=True))
    assert states == {"submitted", "in_progress"}
    assert Action.objects.filter(school=alderbrook).exists()
    assessed = Assessment.objects.values("school").distinct().count()
    assert assessed > School.objects.active().count() / 2
    years = Assessment.objects.values("school_year").distinct().count()
    assert years == 2
    # Started and submitted within the school year each is for, and not in the future.
    for assessment in Assessment.objects.filter(status="submitted"):
        started, sent = assessment.started_at, assessment.submitted_at
        assert started <= sent <= timezone.now()
        for moment in (started, sent):
            assert school_year_of(timezone.localdate(moment)) == assessment.school_year
    # The demo ends with the council's figures worked out for each year it has.
    for year in set(Assessment.objects.values_list("school_year", flat=True)):
        summary = CouncilSummary.objects.get(school_year=year)
        assert summary.figures == summaries.work_out(year)
        assert summaries.Figures(summary).schools == len(summaries.latest_of_each_school(year))
    from guidance.models import GuidancePage

    assert GuidancePage.objects.filter(assessment_areas__isnull=False).exists()


@pytest.mark.parametrize(
    "now, back, year, expected",
    [
        # Seeded in November: a date weeks ago is in this school year already.
        ("2026-11-20", 30, 2026, "2026-10-21"),
        # Seeded in September: this year's "weeks ago" would be in the summer holidays.
        ("2026-09-10", 30, 2026, "2026-09-10"),
        # and last year's "a year ago" two school years back: a month into last year.
        ("2026-09-10", 400, 2025, "2025-10-01"),
        # Last year's, a year ago in July: within it.
        ("2027-07-01", 365, 2025, "2026-07-01"),
    ],
)
def test_a_demo_assessment_is_dated_within_its_school_year(now, back, year, expected):
    from datetime import date, datetime, timedelta

    from self_assessment.demo import in_school_year

    now = timezone.make_aware(datetime.combine(date.fromisoformat(now), datetime.min.time()))
    now += timedelta(hours=12)
    moment = in_school_year(year, now - timedelta(days=back), now)
    assert timezone.localdate(moment) == date.fromisoformat(expected)
    assert school_year_of(timezone.localdate(moment)) == year and moment <= now
