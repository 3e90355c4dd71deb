"""Virus scanning with a real ClamAV daemon (make test-clamav; not in make test). The
fixture starts its own clamd in a temporary folder with one test signature, for the EICAR
test file, so nothing is downloaded. Without clamd these tests fail rather than skip: they
run only in the target meant for them."""

import hashlib
import os
import shutil
import subprocess
import time

import pytest
from clamav_client import get_scanner
from django.core.files.uploadedfile import SimpleUploadedFile

from forms_app.models import Attachment
from forms_app.uploads import judge

from .licensing_fixtures import *  # noqa: F403  (uploads cleaned up)
from .licensing_fixtures import pdf_bytes
from .referral_fixtures import *  # noqa: F403  (the referral page and its school user)

pytestmark = pytest.mark.clamav

# The anti-virus industry's harmless test file: every scanner reports it.
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
STARTUP_SECONDS = 60


def clamd_binary():
    found = shutil.which("clamd") or next(
        (path for path in ("/usr/sbin/clamd", "/usr/bin/clamd") if os.path.exists(path)), None
    )
    if found is None:
        pytest.fail("clamd is not installed: apt-get install clamav-daemon")
    return found


@pytest.fixture(scope="module")
def clamd(tmp_path_factory):
    """A clamd of our own: its socket, database and temporary files in one folder."""
    folder = tmp_path_factory.mktemp("clamd")
    socket = folder / "clamd.sock"
    # An MD5 signature (md5:size:name) that matches the EICAR file exactly.
    (folder / "portal-test.hdb").write_text(
        f"{hashlib.md5(EICAR).hexdigest()}:{len(EICAR)}:Portal.Test.EICAR\n"
    )
    (folder / "clamd.conf").write_text(
        f"LocalSocket {socket}\n"
        f"DatabaseDirectory {folder}\n"
        f"TemporaryDirectory {folder}\n"
        "Foreground yes\n"
    )
    log = open(folder / "clamd.log", "wb")  # closed once the daemon has stopped
    daemon = subprocess.Popen(
        [clamd_binary(), "--config-file", str(folder / "clamd.conf")],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        scanner = get_scanner({"backend": "clamd", "address": str(socket), "timeout": 5})
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if daemon.poll() is not None:
                pytest.fail(f"clamd stopped: {(folder / 'clamd.log').read_text()[-2000:]}")
            if socket.exists():
                try:
                    if scanner.client.ping() == "PONG":
                        break
                except Exception:  # listening soon
                    pass
            if time.monotonic() > deadline:
                pytest.fail(f"clamd did not start in {STARTUP_SECONDS}s")
            time.sleep(0.2)
        yield str(socket)
    finally:
        daemon.terminate()
        try:
            daemon.wait(timeout=10)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait()
        log.close()


@pytest.fixture
def scanning(clamd, settings):
    settings.PORTAL_CLAMD_ADDRESS = clamd
    return clamd


def test_the_eicar_file_is_found_and_a_clean_file_passes(scanning):
    found = judge(SimpleUploadedFile("register.csv", EICAR), ("csv",))
    assert found.error == "The selected file contains a virus"
    assert judge(SimpleUploadedFile("register.pdf", pdf_bytes()), ("pdf",)).kind == "pdf"


def test_the_register_step_refuses_the_eicar_file_and_stores_nothing(scanning, at_register):
    response = at_register.post(
        "step/register/", {"printout": SimpleUploadedFile("register.csv", EICAR, "text/csv")}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="govuk-error-summary"' in page
    assert "The selected file contains a virus" in page
    assert not Attachment.objects.exists()

    at_register.answer(
        "step/register/",
        {"printout": SimpleUploadedFile("register.pdf", pdf_bytes(), "application/pdf")},
    )
    stored = Attachment.objects.get()
    assert (stored.kind, stored.original_name) == ("pdf", "register.pdf")


def test_a_stopped_daemon_means_the_file_is_refused(scanning, settings, tmp_path):
    settings.PORTAL_CLAMD_ADDRESS = str(tmp_path / "gone.sock")
    refused = judge(SimpleUploadedFile("register.pdf", pdf_bytes()), ("pdf",))
    assert refused.error == "The selected file could not be checked for viruses. Try again later"
