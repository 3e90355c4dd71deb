import pytest
from django.core.management import call_command

from portal.models import School
from self_assessment.models import Action, Answer, Assessment, FrameworkVersion, Statement


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
    from guidance.models import GuidancePage

    assert GuidancePage.objects.filter(assessment_areas__isnull=False).exists()
