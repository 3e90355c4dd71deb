"""The demo's cases: every state and every outcome, some overdue, with enquiries; seeding
again adds nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from forms_app.models import Submission
from missing_education.demo import seed_cases
from missing_education.models import Case, Enquiry

pytestmark = pytest.mark.django_db


def test_every_state_and_outcome_and_nothing_more_the_second_time(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    call_command("seed_demo", verbosity=0)
    cases = Case.objects.all()
    # The demo's own cases, and one for each demo roll-change notice whose pupil went
    # nowhere known (forms_app's demo, through the roll-change hook).
    own = cases.exclude(source=Case.Source.ROLL_CHANGE, notice_reference__startswith="RC-")
    assert 8 <= own.count() <= 10
    notices = Submission.objects.filter(
        journey="roll_change", answers__destination__destination="not_known"
    )
    assert set(
        cases.filter(notice_reference__startswith="RC-").values_list("notice_reference", flat=True)
    ) == set(notices.values_list("reference", flat=True))
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
