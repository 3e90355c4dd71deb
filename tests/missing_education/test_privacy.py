"""Retention (closed cases purged after PORTAL_RECORD_RETENTION_DAYS), the privacy
notice's period, and subject access and erasure for a child, a parent and staff."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from missing_education.factories import CaseFactory, EnquiryFactory
from missing_education.models import Case, Enquiry
from missing_education.tasks import purge_expired_cases, retention_report
from privacy import registry
from shared import privacy_notice
from shared.personal_data import Query

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def closed(days_ago, **kwargs):
    when = timezone.make_aware(datetime.combine(TODAY - timedelta(days=days_ago), time(12)))
    return CaseFactory(status=Case.Status.CLOSED, outcome="home_educated", closed_at=when, **kwargs)


def test_closed_cases_go_after_their_period(settings):
    days = settings.PORTAL_RECORD_RETENTION_DAYS["missing_education"]
    old = closed(days + 1)
    EnquiryFactory(case=old)
    recent = closed(days - 1)
    still_open = CaseFactory(opened_at=timezone.now() - timedelta(days=days * 2))
    assert retention_report(dry_run=True) == [
        "missing_education: 1 children missing education case(s) with their enquiries would be deleted"
    ]
    assert Case.objects.count() == 3
    assert purge_expired_cases() == 1
    assert set(Case.objects.values_list("pk", flat=True)) == {recent.pk, still_open.pk}
    assert not Enquiry.objects.exists()
    deleted = AuditEvent.objects.get(action="deleted", record_id=str(old.pk))
    assert deleted.actor_label == "retention purge"


def test_the_privacy_notice_gives_the_period(settings):
    settings.PORTAL_RECORD_RETENTION_DAYS = {
        **settings.PORTAL_RECORD_RETENTION_DAYS, "missing_education": 365 * 4,
    }  # fmt: skip
    entry = next(e for e in privacy_notice.entries() if e.slug == "missing_education")
    assert privacy_notice.shown(entry)["kept"] == (
        "Each case, with its enquiries: 4 years after it was closed."
    )


def found(**query):
    return [held for held in registry.find(Query(**query)) if held.service == "pupil_tracking"]


def test_the_child_and_a_parent_are_found(case):
    EnquiryFactory(case=case)
    as_child = found(name="Tia Marsh")
    assert [held.reference for held in as_child] == [case.reference]
    assert as_child[0].data["first_name"] == "Tia" and as_child[0].data["enquiries"]
    assert "named as the child" in as_child[0].description
    assert not as_child[0].erasable and "section 436A" in as_child[0].kept_because
    as_parent = found(name="Dean Marsh")
    assert "named as a parent or contact" in as_parent[0].description
    assert found(name="Somebody Else") == []


def test_a_parent_by_email_address(school):
    case = CaseFactory(last_school=school, parents="Marta Nowicka, marta@example.com")
    assert [held.reference for held in found(email="MARTA@example.com")] == [case.reference]


def test_a_closed_case_may_be_erased():
    case = closed(10, first_name="Leo", last_name="Carter")
    [held] = found(name="Leo Carter")
    assert held.erasable
    assert held.erase() == "erased"
    assert not Case.objects.filter(pk=case.pk).exists()


def test_staff_named_on_cases_are_listed_and_kept(tracker, case):
    case.assigned_to = tracker
    case.save()
    EnquiryFactory(case=CaseFactory(), made_by=tracker)
    [held] = [h for h in found(email=tracker.email) if h.reference == str(tracker.pk)]
    assert len(held.data["cases"]) == 2
    assert not held.erasable
