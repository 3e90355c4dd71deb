"""The visitor's address (shared.client_address), behind no proxy, a chain of N proxies
or named proxies, and the places that count by it: the public submissions limit, the
sign-in lockout and the audit log."""

import pytest
from axes.models import AccessAttempt
from django.core.checks import run_checks
from django.test import RequestFactory

from audit.log import acting_as, record
from audit.models import AuditEvent
from shared.client_address import client_address

PROXY = "10.0.0.5"


def _address(settings, trusted, remote, forwarded=None):
    settings.PORTAL_TRUSTED_PROXIES = trusted
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **extra))


@pytest.mark.parametrize(
    "trusted, remote, forwarded, expected",
    [
        # No proxy trusted: the header is the client's to invent, so it is ignored.
        ("", "203.0.113.9", "198.51.100.1", "203.0.113.9"),
        ("", "203.0.113.9", None, "203.0.113.9"),
        # One proxy: the entry it appended; whatever the client sent before it is not believed.
        ("1", PROXY, "198.51.100.1", "198.51.100.1"),
        ("1", PROXY, "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        ("1", PROXY, "  198.51.100.1 ", "198.51.100.1"),
        # Round the proxy (no header): the connection itself.
        ("1", "198.51.100.7", None, "198.51.100.7"),
        # A chain of two: the second entry from the right.
        ("2", PROXY, "6.6.6.6, 198.51.100.1, 10.0.0.9", "198.51.100.1"),
        # Not an address where the visitor should be: the proxy's own, never the text.
        ("1", PROXY, "not-an-address", PROXY),
        # Named proxies: walk from the connection past every trusted one.
        ("10.0.0.0/8", PROXY, "6.6.6.6, 198.51.100.1, 10.0.0.9", "198.51.100.1"),
        ("10.0.0.0/8, 192.0.2.7", "192.0.2.7", "198.51.100.1, 10.1.1.1", "198.51.100.1"),
        # A connection that is not a named proxy: its header is not believed.
        ("10.0.0.0/8", "203.0.113.9", "198.51.100.1", "203.0.113.9"),
        # Every hop trusted: the leftmost proxy is as far as anyone can tell.
        ("10.0.0.0/8", PROXY, "10.0.0.1", "10.0.0.1"),
        ("10.0.0.0/8", PROXY, "junk, 10.0.0.1", "10.0.0.1"),
        ("2001:db8::/32", "2001:db8::1", "2001:db8::2, 2a00:1450::1", "2a00:1450::1"),
    ],
)
def test_the_visitors_address(settings, trusted, remote, forwarded, expected):
    assert _address(settings, trusted, remote, forwarded) == expected


def test_a_mistyped_setting_stops_the_portal_at_its_checks(settings):
    settings.PORTAL_TRUSTED_PROXIES = "10.0.0.0/8, proxy.council.example"
    errors = [e for e in run_checks() if e.id == "portal.E010"]
    assert errors and "proxy.council.example" in errors[0].msg
    settings.PORTAL_TRUSTED_PROXIES = "1"
    assert not [e for e in run_checks() if e.id == "portal.E010"]


# --- the places that count by it --------------------------------------------------------


def _from(visitor, proxy=PROXY):
    return {"REMOTE_ADDR": proxy, "HTTP_X_FORWARDED_FOR": visitor}


@pytest.mark.django_db
def test_the_audit_log_records_the_visitors_address(settings):
    settings.PORTAL_TRUSTED_PROXIES = "1"
    request = RequestFactory().get("/", **_from("198.51.100.1"))
    with acting_as(request=request):
        event = record(AuditEvent.Action.VIEWED, kind="person", label="x")
    assert AuditEvent.objects.get(pk=event.pk).client_address == "198.51.100.1"
    with acting_as("a job"):
        assert record(AuditEvent.Action.VIEWED, kind="person").client_address is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "trusted, expected",
    [("1", "198.51.100.1"), ("", PROXY)],  # without a trusted proxy, the header is ignored
)
def test_the_lockout_records_the_visitors_address(client, home, settings, trusted, expected):
    settings.PORTAL_TRUSTED_PROXIES = trusted
    client.post(
        "/portal/sign-in/",
        {"username": "nobody@council.example", "password": "wrong"},
        **_from("6.6.6.6, 198.51.100.1"),
    )
    assert AccessAttempt.objects.get().ip_address == expected
