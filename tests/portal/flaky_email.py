"""An email backend for the worker test: the mail server refuses the first attempt."""

import os
import smtplib
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend


class FailsOnceBackend(EmailBackend):
    def send_messages(self, messages):
        marker = Path(os.environ["FLAKY_EMAIL_MARKER"])
        if not marker.exists():
            marker.write_text("refused once")
            raise smtplib.SMTPServerDisconnected("the mail server is down")
        return super().send_messages(messages)
