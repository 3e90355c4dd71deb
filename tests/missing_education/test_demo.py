"""The demo's cases: every state and every outcome, some overdue, with enquiries; seeding
again adds nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from missing_education.demo import seed_cases
from missing_education.models import Case, Enquiry

pytestmark = pytest.mark.django_db


def test_every_state_and_outcome_and_nothing_more_the_second_time(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    call_command("seed_demo", verbosity=0)
    cases = Case.objects.all()
    assert 8 <= cases.count() <= 10
    assert set(cases.values_list("status", flat=True)) == set(Case.Status.values)
    closed = cases.filter(status=Case.Status.CLOSED)
    assert set(closed.values_list("outcome", flat=True)) == set(Case.Outcome.values)
    assert all(case.closed_at for case in closed)
    today = timezone.localdate()
    assert cases.filter(status__in=Case.OPEN_STATUSES, next_step_due__lt=today).count() >= 2
    assert Enquiry.objects.count() >= 6
    assert cases.filter(source=Case.Source.REFERRAL, referred_by__isnull=False).count() == 2
    assert cases.filter(assigned_to__email="pupil.tracking@demo.wyvernshire.example").exists()
    before = (cases.count(), Enquiry.objects.count())
    assert seed_cases() == "0 children missing education cases"
    assert (Case.objects.count(), Enquiry.objects.count()) == before
