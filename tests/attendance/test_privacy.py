"""The privacy side of support meetings: the retention purge (meetings and their actions
go, figures and stages stay), the privacy notice's entry, subject access for the people
named on them, and the audit log following them."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import override

from attendance.factories import (
    MeetingActionFactory,
    SchoolFiguresFactory,
    SchoolStageFactory,
    SupportMeetingFactory,
)
from attendance.models import MeetingAction, SchoolFigures, SchoolStage, SupportMeeting
from attendance.tasks import purge_expired_meetings, retention_report
from audit.models import AuditEvent
from portal.factories import SchoolFactory, UserFactory
from privacy import registry
from shared import privacy_notice
from shared.personal_data import Query

pytestmark = pytest.mark.django_db

TODAY = date(2032, 6, 15)


def at(day, hour=0):
    return timezone.make_aware(datetime.combine(day, time(hour)))


@pytest.fixture
def kept_days(settings):
    settings.PORTAL_RECORD_RETENTION_DAYS = {
        **settings.PORTAL_RECORD_RETENTION_DAYS,
        "support_meetings": 365 * 6,
    }
    return 365 * 6


def test_meetings_past_their_period_go_with_their_actions(kept_days):
    school = SchoolFactory()
    cut_off = TODAY - timedelta(days=kept_days)
    old = SupportMeetingFactory(
        school=school, year=2025, term=1, starts_at=at(cut_off) - timedelta(seconds=1)
    )
    on_the_day = SupportMeetingFactory(school=school, year=2025, term=2, starts_at=at(cut_off))
    MeetingActionFactory(meeting=old, pupil="A.B.")
    MeetingActionFactory(meeting=on_the_day)
    SchoolFiguresFactory(school=school, year=2020)
    SchoolStageFactory(school=school, year=2020)
    assert purge_expired_meetings(dry_run=True, today=TODAY) == 1
    assert SupportMeeting.objects.count() == 2  # a dry run only counts
    assert purge_expired_meetings(today=TODAY) == 1
    assert list(SupportMeeting.objects.all()) == [on_the_day]
    assert list(MeetingAction.objects.values_list("meeting_id", flat=True)) == [on_the_day.pk]
    # Figures and stages name no one: kept.
    assert SchoolFigures.objects.count() == 1 and SchoolStage.objects.count() == 1
    deleted = AuditEvent.objects.filter(action=AuditEvent.Action.DELETED, kind="meeting")
    assert deleted.get().actor_label == "retention purge"


def test_the_purge_reports_to_the_retention_command(kept_days):
    SupportMeetingFactory(starts_at=timezone.now() - timedelta(days=kept_days + 2))
    assert retention_report(dry_run=True) == [
        "attendance: 1 targeting support meeting(s) with their agreed actions would be deleted"
    ]
    call_command("retention_purge", verbosity=0)
    assert not SupportMeeting.objects.exists()


def test_the_notice_says_what_is_kept_and_for_how_long(settings):
    settings.PORTAL_RECORD_RETENTION_DAYS = {
        **settings.PORTAL_RECORD_RETENTION_DAYS,
        "support_meetings": 365 * 4,
    }
    entry = next(e for e in privacy_notice.entries() if e.slug == "support_meetings")
    shown = privacy_notice.shown(entry)
    assert "4 years after the meeting" in shown["kept"]
    assert "unique pupil number or initials only, never by name" in str(shown["collected"])
    assert "Working together to improve school attendance" in shown["why"]
    with override("cy"):
        assert privacy_notice.shown(entry)["kept"] != shown["kept"]


def test_subject_access_finds_staff_named_on_meetings_and_stages():
    officer = UserFactory(first_name="Morgan", last_name="Reeve", email="m.reeve@council.example")
    school = SchoolFactory(name="Alderbrook Primary")
    SupportMeetingFactory(school=school, officer=officer)
    SchoolStageFactory(school=school, updated_by=officer)
    MeetingActionFactory(updated_by=officer)
    UserFactory(first_name="Morgan", last_name="Other")  # on no attendance record
    for query in (Query(name="Morgan Reeve"), Query(email="M.Reeve@council.example")):
        found = [held for held in registry.find(query) if held.service == "attendance"]
        assert len(found) == 1, query
        held = found[0]
        assert held.data["email"] == "m.reeve@council.example"
        assert [m["school"] for m in held.data["support_meetings_as_officer"]] == [
            "Alderbrook Primary"
        ]
        assert len(held.data["monitoring_stages_last_changed"]) == 1
        assert held.data["agreed_actions_last_changed"] == 1
        assert held.erase is None and held.kept_because
    assert [h for h in registry.find(Query(name="Morgan Other")) if h.service == "attendance"] == []
    assert registry.find(Query()) == []


def test_the_audit_log_follows_meetings_and_actions():
    meeting = SupportMeetingFactory()
    action = MeetingActionFactory(meeting=meeting, pupil="A.B.")
    action.status = MeetingAction.Status.DONE
    action.save()
    events = AuditEvent.objects.filter(kind="meeting", record_id=str(meeting.pk))
    assert events.filter(action=AuditEvent.Action.CREATED).count() == 1
    assert events.filter(detail__startswith="agreed action").count() == 2
    assert "A.B." not in " ".join(events.values_list("label", flat=True))
