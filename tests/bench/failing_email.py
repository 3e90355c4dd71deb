"""An email backend for tests/bench/ehe_load.py: the "mail server" refuses the first half
of the emails, then delivers to EMAIL_FILE_PATH like Django's file backend.

Set by environment (the load script does this):

    EMAIL_BACKEND=tests.bench.failing_email.FailsFirstHalfBackend
    BENCH_EMAIL_STATE=/tmp/.../email-state   a folder for the shared state below
    BENCH_EMAIL_REFUSE=500                   how many emails to refuse
    BENCH_EMAIL_REFUSE_MODE=first-attempt    or "outage" (see below)

"first-attempt" (the default): the first attempt of each of the first N distinct emails
is refused; a later attempt of the same email (the worker's retry) is delivered. An email
is known by its subject and recipients (Message-ID is new on every attempt; the subjects
hold the submission reference, so they are unique per submission and recipient).

"outage": the first N attempts are refused, whatever they are, like a mail server that is
down for a while. A retry that comes back while the outage lasts is refused again, so with
a short Q_RETRY a task may use up Q_CLUSTER max_attempts before the server is back.

The worker runs several processes, so the state is files under one exclusive flock:
counters `attempts`, `refused` and `retried` (delivered after being refused), and one
empty file per refused email in `refused.d/`. tests/bench/ehe_load.py reads them.
"""

import fcntl
import hashlib
import os
import smtplib
from contextlib import contextmanager
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend


def _state_dir():
    return Path(os.environ["BENCH_EMAIL_STATE"])


@contextmanager
def _locked():
    state = _state_dir()
    (state / "refused.d").mkdir(parents=True, exist_ok=True)
    with open(state / "lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield state
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _read(path):
    try:
        return int(path.read_text() or 0)
    except FileNotFoundError:
        return 0


def _add(path):
    path.write_text(str(_read(path) + 1))


def _email_key(message):
    identity = "\n".join([message.subject, *sorted(message.recipients())])
    return hashlib.sha1(identity.encode()).hexdigest()


class FailsFirstHalfBackend(EmailBackend):
    def send_messages(self, messages):
        limit = int(os.environ.get("BENCH_EMAIL_REFUSE", "0"))
        mode = os.environ.get("BENCH_EMAIL_REFUSE_MODE", "first-attempt")
        with _locked() as state:
            _add(state / "attempts")
            marks = [state / "refused.d" / _email_key(m) for m in messages]
            seen_before = any(mark.exists() for mark in marks)  # a retry of a refused one
            if mode == "outage":
                refuse = _read(state / "refused") < limit
            else:
                refuse = not seen_before and _read(state / "refused") < limit
            if refuse:
                _add(state / "refused")
                for mark in marks:
                    mark.touch()
            elif seen_before:
                _add(state / "retried")  # refused earlier, delivered now
        if refuse:
            # What smtplib raises when the server drops the connection.
            raise smtplib.SMTPServerDisconnected("bench: the mail server is down")
        return super().send_messages(messages)
