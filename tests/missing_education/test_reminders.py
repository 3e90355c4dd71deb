"""Next steps due or overdue reminded: one email per officer (the service's inbox for the
cases nobody has), each case at most once a day, marked only once its email went, in a
fixed number of queries."""

import smtplib
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings

from missing_education.factories import CaseFactory
from missing_education.models import Case, CaseEvent
from missing_education.tasks import remind_due_cases

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 10)


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("connection refused")


def due(days, **kwargs):
    return CaseFactory(next_step_due=TODAY + timedelta(days=days), **kwargs)


def test_each_officer_and_the_inbox_once(tracker, settings):
    mine = [due(0, assigned_to=tracker), due(-3, assigned_to=tracker)]
    nobodys = due(-1)
    due(1, assigned_to=tracker)  # not due yet
    due(-5, status=Case.Status.CLOSED)
    remind_due_cases(TODAY)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {tracker.email, settings.PORTAL_SERVICE_INBOXES["pupil_tracking"]}
    body = by_address[tracker.email].body
    assert all(case.reference in body for case in mine)
    assert f"/admin/missing_education/{mine[0].pk}/" in body
    assert nobodys.reference in by_address[settings.PORTAL_SERVICE_INBOXES["pupil_tracking"]].body
    assert set(Case.objects.filter(reminded_on=TODAY).values_list("pk", flat=True)) == {
        mine[0].pk,
        mine[1].pk,
        nobodys.pk,
    }
    assert CaseEvent.objects.filter(kind=CaseEvent.Kind.REMINDED).count() == 3


def test_not_twice_a_day_but_again_the_next(tracker):
    due(-2, assigned_to=tracker)
    remind_due_cases(TODAY)
    remind_due_cases(TODAY)
    assert len(mail.outbox) == 1
    remind_due_cases(TODAY + timedelta(days=1))
    assert len(mail.outbox) == 2


def test_a_failed_send_leaves_the_case_to_be_reminded_again(tracker):
    case = due(-2, assigned_to=tracker)
    with override_settings(EMAIL_BACKEND="tests.missing_education.test_reminders.RefusingBackend"):
        assert remind_due_cases(TODAY) == "0 cases reminded, 1 emails failed"
    case.refresh_from_db()
    assert case.reminded_on is None
    remind_due_cases(TODAY)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("count", [2, 30])
def test_a_fixed_number_of_queries(count, tracker, django_assert_max_num_queries):
    for n in range(count):
        due(-(n % 3), assigned_to=tracker if n % 2 else None)
    with django_assert_max_num_queries(4):
        remind_due_cases(TODAY)
    assert len(mail.outbox) == 2


def test_the_worker_runs_the_reminders_and_the_purge_daily():
    from django_q.models import Schedule

    daily = dict(Schedule.objects.filter(schedule_type="D").values_list("func", "repeats"))
    assert daily["missing_education.tasks.remind_due_cases"] == -1
    assert daily["missing_education.tasks.purge_expired_cases"] == -1
