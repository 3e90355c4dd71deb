"""The real django-q2 worker, as `make run` starts it: an email whose first send fails is
sent on the next attempt, and nothing is lost in between."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db  # the worker's database is a copy of the test database
def test_worker_retries_an_email_the_mail_server_refused(tmp_path, migrated_sqlite):
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "PORTAL_VAR_DIR": str(tmp_path),
        "EMAIL_BACKEND": "tests.portal.flaky_email.FailsOnceBackend",
        "EMAIL_FILE_PATH": str(tmp_path / "emails"),
        "FLAKY_EMAIL_MARKER": str(tmp_path / "refused"),
        "Q_TIMEOUT": "2",
        "Q_RETRY": "3",
        "Q_WORKERS": "1",
    }

    def manage(*args):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )

    if migrated_sqlite:
        shutil.copy(migrated_sqlite, tmp_path / "portal.sqlite3")  # PORTAL_VAR_DIR's database
    else:
        manage("migrate", "--noinput")
    manage(
        "shell",
        "-c",
        "from portal.emails import send_email; "
        "send_email('parent@example.com', 'Your reference is AB23CD45', "
        "'portal/email/password_reset_subject.txt', {})",
    )
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        sent = []
        while time.monotonic() < deadline and not sent:
            time.sleep(0.5)
            sent = list((tmp_path / "emails").glob("*.log"))
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert (tmp_path / "refused").exists(), "the first attempt should have been refused"
    assert len(sent) == 1, "the email was not sent on a later attempt"
    body = sent[0].read_text()
    assert "Subject: Your reference is AB23CD45" in body and "To: parent@example.com" in body
