"""A school's roll-change notice opens a case through the hook (shared/roll_changes.py):
exactly one per notice reference, even when asked twice, inside the notice's transaction."""

from datetime import date

import pytest
from django.db import transaction
from wagtail import hooks

from missing_education.models import Case, CaseEvent
from shared.roll_changes import HOOK_NAME, PupilLeft

pytestmark = pytest.mark.django_db


def notice(school, reference="ROLL-2026-00042", **changes):
    values = dict(
        reference=reference, school_id=school.pk, first_name="Kacper", last_name="Nowicki",
        date_of_birth=date(2015, 3, 14), upn="", left_on=date(2026, 11, 20),
        ground="not_known", ground_label="Left, destination not known",
        last_address="14 Mill Row, Northgate, WY1 4QD",
        parents="Marta Nowicka (mother), 07700 900123", family_moved="not_known",
        safeguarding="Sibling on a child protection plan",
    )  # fmt: skip
    values.update(changes)
    return PupilLeft(**values)


def ask(pupil):
    for answer in hooks.get_hooks(HOOK_NAME):
        answer(pupil)


def test_a_notice_opens_one_case(school, school_user):
    with transaction.atomic():
        ask(notice(school, submitted_by_id=school_user.pk))
    case = Case.objects.get()
    assert case.notice_reference == "ROLL-2026-00042"
    assert (case.first_name, case.last_name, case.last_school) == ("Kacper", "Nowicki", school)
    assert case.source == Case.Source.ROLL_CHANGE and case.status == Case.Status.OPEN
    assert case.left_on == date(2026, 11, 20)
    assert "Left, destination not known" in case.reason
    assert case.safeguarding == "Sibling on a child protection plan"
    assert case.next_step and case.next_step_due
    event = CaseEvent.objects.get(case=case)
    assert (event.kind, event.user) == (CaseEvent.Kind.OPENED, school_user)


def test_the_same_notice_twice_opens_one_case(school):
    with transaction.atomic():
        ask(notice(school))
        ask(notice(school))
    ask(notice(school))  # a retried task, later
    assert Case.objects.count() == 1
    ask(notice(school, reference="ROLL-2026-00043"))
    assert Case.objects.count() == 2


def test_a_notice_not_kept_leaves_no_case(school):
    class Refused(Exception):
        pass

    with pytest.raises(Refused), transaction.atomic():
        ask(notice(school))
        raise Refused  # the notice's own save failed after the hook
    assert not Case.objects.exists()
