import smtplib

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings

from portal.emails import send_email
from portal.tasks import deliver_email


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("connection refused")


def test_send_email_waits_for_the_transaction_then_delivers(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_email(
            "parent@example.com", "Your reference", "portal/email/password_reset_subject.txt", {}
        )
    assert mail.outbox == []  # nothing leaves before the data it reports on is committed
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [["parent@example.com"]]


@override_settings(EMAIL_BACKEND="tests.portal.test_emails.RefusingBackend")
def test_a_failed_send_raises_so_the_worker_retries_it():
    with pytest.raises(smtplib.SMTPServerDisconnected):
        deliver_email("Subject", "Body", ["someone@example.com"])


def test_failed_tasks_stay_queued_for_another_attempt():
    # django-q2 leaves a task that raised unacknowledged, so the broker hands it out again.
    assert settings.Q_CLUSTER["ack_failures"] is False
    assert settings.Q_CLUSTER["max_attempts"] > 1
    assert settings.Q_CLUSTER["retry"] > settings.Q_CLUSTER["timeout"]
