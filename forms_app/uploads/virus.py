"""Virus scanning through a ClamAV daemon (clamd), when PORTAL_CLAMD_ADDRESS names one.

The file is streamed to clamd (INSTREAM), so clamd need not be able to read our folders.
A file that could not be scanned (clamd down, too slow, an error) is not accepted either."""

from clamav_client import get_scanner
from django.conf import settings

CLEAN = "clean"
FOUND = "found"
NOT_SCANNED = "not scanned"


def scanning():
    return bool(settings.PORTAL_CLAMD_ADDRESS)


def scan(upload):
    """CLEAN, FOUND or NOT_SCANNED; CLEAN at once when scanning is off."""
    if not scanning():
        return CLEAN
    upload.seek(0)
    try:
        scanner = get_scanner(
            {
                "backend": "clamd",
                "address": settings.PORTAL_CLAMD_ADDRESS,  # a socket's path, or host:port
                "timeout": settings.PORTAL_CLAMD_TIMEOUT,
                "stream": True,
            }
        )
        # The scanner's own scan() opens a path; an upload may be only in memory, so its
        # client streams the file object itself.
        report = scanner.client.instream(upload)
    except Exception:  # CommunicationError, BufferTooLongError, a timeout, a bad address...
        return NOT_SCANNED
    finally:
        upload.seek(0)
    status, _name = report.get("stream", (None, None))
    if status == "FOUND":
        return FOUND
    if status == "OK":
        return CLEAN
    return NOT_SCANNED
