"""Every kind of page carries the security headers; the portal's own pages allow no
inline script or style, and the admin only the inline styles its editor needs."""

import pytest
from django.urls import reverse

from forms_app.models import FormPage

POLICY_PARTS = ["default-src 'self'", "script-src 'self'", "object-src 'none'",
                "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'"]  # fmt: skip


def assert_secure_headers(response, admin=False):
    policy = response["Content-Security-Policy"]
    for part in POLICY_PARTS:
        assert part in policy, (part, policy)
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "unsafe" not in script_src
    style_src = next(d for d in policy.split(";") if d.strip().startswith("style-src"))
    assert ("'unsafe-inline'" in style_src) is admin
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


@pytest.fixture
def form_page(home):
    page = FormPage(
        title="Tell us about home education",
        slug="home-education",
        journey="ehe_registration",
        introduction="<p>Intro</p>",
        privacy="<p>Privacy</p>",
        what_happens_next="<p>Next</p>",
    )
    home.add_child(instance=page)
    return page


def test_public_pages_cached_pages_errors_and_health(client, home, form_page):
    for path in ("/", "/", form_page.url, form_page.url + "step/child/", "/no-such-page/",
                 "/portal/sign-in/", "/search/?q=attendance", "/healthz/"):  # fmt: skip
        assert_secure_headers(client.get(path))


def test_partner_and_admin_pages(client, home, school_user, attendance_officer):
    client.force_login(school_user)
    assert_secure_headers(client.get(reverse("portal:dashboard")))
    client.force_login(attendance_officer)
    assert_secure_headers(client.get("/admin/"), admin=True)
    assert_secure_headers(client.get("/admin/forms_app_submission/"), admin=True)
