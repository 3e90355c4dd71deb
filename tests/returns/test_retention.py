"""Pupils on reduced-timetable returns are deleted once their period closed longer ago than
the retention period; the returns themselves stay."""

import pytest
from django.core.management import call_command

from audit.models import AuditEvent
from returns.models import ReturnPupil, SchoolReturn
from returns.tasks import purge_expired_pupils

from .conftest import add_pupil, make_period

pytestmark = pytest.mark.django_db


@pytest.fixture
def periods(settings, school, other_school):
    settings.PORTAL_RECORD_RETENTION_DAYS = {
        **settings.PORTAL_RECORD_RETENTION_DAYS,
        "returns": 100,
    }
    return {
        "old": make_period("Old", opens=-160, due=-101),  # closed 101 days ago: goes
        "edge": make_period("Edge", opens=-160, due=-100),  # exactly 100 days: stays
        "recent": make_period("Recent", opens=-10, due=10),
    }


def _return(period, school):
    return SchoolReturn.objects.get(period=period, school=school)


def test_pupils_of_long_closed_returns_go_and_the_returns_stay(periods, school, other_school):
    old = _return(periods["old"], school)
    old.status = SchoolReturn.Status.RETURNED
    old.save()
    gone = [add_pupil(old, "A.B."), add_pupil(_return(periods["old"], other_school), "C.D.")]
    kept = [
        add_pupil(_return(periods["edge"], school), "E.F."),
        add_pupil(_return(periods["recent"], school), "G.H."),
    ]

    assert purge_expired_pupils() == 2

    assert set(ReturnPupil.objects.all()) == set(kept)
    old.refresh_from_db()  # the return stays, with its status, for the statistics
    assert old.status == SchoolReturn.Status.RETURNED
    assert SchoolReturn.objects.count() == 6
    events = AuditEvent.objects.filter(actor_label="retention purge")
    assert events.count() == len(gone)
    assert {e.detail for e in events} == {"pupil removed"}
    assert {e.record_id for e in events} == {str(p.school_return_id) for p in gone}
    assert purge_expired_pupils() == 0  # nothing left to do on the next run


def test_a_dry_run_counts_and_deletes_nothing(periods, school, capsys):
    add_pupil(_return(periods["old"], school))
    call_command("retention_purge", "--dry-run")
    assert "returns: 1 pupil(s) on reduced-timetable returns would be deleted" in (
        capsys.readouterr().out
    )
    assert ReturnPupil.objects.count() == 1
    assert not AuditEvent.objects.filter(actor_label="retention purge").exists()


def test_the_command_runs_the_purge(periods, school, capsys):
    add_pupil(_return(periods["old"], school))
    call_command("retention_purge")
    assert "returns: 1 pupil(s) on reduced-timetable returns deleted" in capsys.readouterr().out
    assert not ReturnPupil.objects.exists()


def test_the_worker_runs_it_daily():
    from django_q.models import Schedule

    assert Schedule.objects.filter(
        func="returns.tasks.purge_expired_pupils", schedule_type=Schedule.DAILY
    ).exists()
