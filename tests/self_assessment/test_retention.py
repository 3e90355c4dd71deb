"""Self-assessments are deleted once nothing has happened to them for the retention period,
except each school's latest submitted one."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from audit.models import AuditEvent
from portal.factories import SchoolFactory
from self_assessment.models import AreaCompletion, Assessment
from self_assessment.tasks import purge_expired_assessments

from .test_report_and_plan import submitted

pytestmark = pytest.mark.django_db

DAYS = 100


@pytest.fixture(autouse=True)
def _retention(settings):
    settings.PORTAL_RECORD_RETENTION_DAYS = {
        **settings.PORTAL_RECORD_RETENTION_DAYS,
        "assessments": DAYS,
    }


def ago(days, now=None):
    return (now or timezone.now()) - timedelta(days=days)


def test_old_assessments_go_but_each_schools_latest_submitted_stays(framework, school, areas):
    now = timezone.now()
    oldest = submitted(school, framework, 2020, {}, ago(DAYS + 300, now))
    AreaCompletion.objects.create(assessment=oldest, area=areas[0])
    older = submitted(school, framework, 2021, {}, ago(DAYS + 1, now))
    edge = submitted(school, framework, 2022, {}, ago(DAYS - 1, now))  # inside the period
    # Another school whose only assessment is old: it is that school's latest, so it stays.
    quiet = SchoolFactory()
    only = submitted(quiet, framework, 2019, {}, ago(DAYS + 500, now))
    # Abandoned: started long ago, never submitted, no answer changed since.
    abandoned_school = SchoolFactory()
    abandoned = Assessment.objects.create(
        school=abandoned_school, framework=framework, school_year=2020, started_at=ago(DAYS + 5)
    )
    # Started long ago but still being worked on: stays.
    busy_school = SchoolFactory()
    busy = submitted(busy_school, framework, 2020, {}, now)
    busy.status, busy.submitted_at, busy.started_at = Assessment.Status.IN_PROGRESS, None, ago(999)
    busy.save()
    busy.answers.update(updated_at=ago(3))

    assert purge_expired_assessments(now=now) == 3

    assert set(Assessment.objects.all()) == {edge, only, busy}
    events = AuditEvent.objects.filter(actor_label="retention purge")
    deleted = events.filter(action=AuditEvent.Action.DELETED)
    assert {e.record_id for e in deleted} == {str(a.pk) for a in (oldest, older, abandoned)}
    assert deleted.filter(label=f"{school.name}, 2020").exists()
    # The completed area went with its assessment, and that is logged too.
    assert events.filter(record_id=str(oldest.pk), detail="area completed removed").exists()
    assert not AreaCompletion.objects.exists()


def test_a_dry_run_counts_and_deletes_nothing(framework, school, capsys):
    submitted(school, framework, 2020, {}, ago(DAYS + 10))
    submitted(school, framework, 2021, {}, ago(1))
    call_command("retention_purge", "--dry-run")
    assert "assessments: 1 self-assessment(s) would be deleted" in capsys.readouterr().out
    assert Assessment.objects.count() == 2
    assert not AuditEvent.objects.filter(actor_label="retention purge").exists()


def test_the_worker_runs_it_daily():
    from django_q.models import Schedule

    assert Schedule.objects.filter(
        func="self_assessment.tasks.purge_expired_assessments", schedule_type=Schedule.DAILY
    ).exists()
