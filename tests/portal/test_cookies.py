"""Production cookies: sent over HTTPS only, out of reach of scripts, and not sent on
cross-site posts. The production settings are imported in a fresh process, as they refuse
to load without a SECRET_KEY."""

import json

from .test_health_and_errors import run_python

COOKIES = [
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SAMESITE",
]


def test_production_cookies_are_secure_http_only_and_lax():
    result = run_python(
        "import json; from django.conf import settings\n"
        f"print(json.dumps({{name: getattr(settings, name) for name in {COOKIES!r}}}))",
        "portal.settings.production",
        SECRET_KEY="a-long-random-key-for-this-test-only-" + "x" * 30,
        ALLOWED_HOSTS="portal.example",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    for kind in ("SESSION", "CSRF", "LANGUAGE"):
        assert values[f"{kind}_COOKIE_SECURE"] is True, kind
        assert values[f"{kind}_COOKIE_HTTPONLY"] is True, kind
        assert values[f"{kind}_COOKIE_SAMESITE"] == "Lax", kind


def test_the_session_cookie_is_http_only_and_lax_everywhere(settings):
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
