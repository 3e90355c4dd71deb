"""Browser tests: Debian's chromium driven by Playwright, with axe-core from npm.

Playwright's sync API runs an event loop in this thread; the Django ORM calls the tests
make from here are safe (they do not run concurrently with it)."""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# WCAG 2.0, 2.1 and 2.2, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A page in a context of its own. The portal's Content-Security-Policy is on, as in
    production: a page that needs anything it refuses (inline script or style) fails."""
    context = browser.new_context()
    page = context.new_page()
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()
    assert refused == [], "the Content-Security-Policy refused:\n" + "\n".join(refused)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, migrated, then given the demo content once. What the browser
    tests' serialized_rollback restores before each test is this seeded state, so each
    starts from the demo in seconds instead of seeding it again (most of a minute, with
    every page in five languages)."""
    from django.db import connection
    from django.test import override_settings

    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=open(os.devnull, "w"))
        # Not the audit log: it is append-only (restoring would rewrite its rows), and
        # no browser test reads what seeding logged.
        with override_settings(TEST_NON_SERIALIZED_APPS=["audit"]):
            snapshot = connection.creation.serialize_db_to_string()
        connection._test_serialized_contents = snapshot
    return django_db_setup


@pytest.fixture
def portal(live_server):
    """The live portal with the demo content (restored before each test, see
    django_db_setup), on the live server's address."""
    from wagtail.models import Site

    host, port = live_server.url.split("//")[1].split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    return live_server.url


def axe_violations(page):
    # Evaluated through the browser's debugging protocol, which the page's CSP does not
    # govern (a <script> tag of axe's source would be refused, as any inline script is).
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in result["violations"]
    ]


@pytest.fixture
def assert_accessible():
    def check(page):
        violations = axe_violations(page)
        assert violations == [], f"axe found on {page.url}:\n" + "\n".join(violations)

    return check


DEMO_PASSWORD = "attendance-demo-2026"


def sign_in_to_portal(page, portal, email):
    """Sign in to the portal as a demo school user (no second factor): the dashboard."""
    page.goto(portal + "/portal/sign-in/")
    page.fill("#id_username", email)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("#id_submit")
    page.wait_for_url(portal + "/portal/")


def sign_in_to_admin(page, portal, email):
    """Sign in to the Wagtail admin as a demo member of staff: password, then a recovery
    code (made for the purpose) as the second factor."""
    from portal.models import User
    from tests.clients import recovery_code

    code = recovery_code(User.objects.get(email=email))  # before signing in: asked at once
    page.goto(portal + "/admin/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.fill("#id_code", code)
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    assert "/admin/" in page.url, page.url + "\n" + page.locator("main").inner_text()[:500]


def officer_finds(page, portal, email, reference):
    """An officer signs in to the admin, in a browser of their own, and finds a
    submission in their queue by its reference."""
    officer = page.context.browser.new_context().new_page()
    sign_in_to_admin(officer, portal, email)
    officer.goto(portal + "/admin/forms_app_submission/?q=" + reference)
    found = reference in officer.locator("main").inner_text()
    officer.context.close()
    return found


def shows_errors(page, what=None):
    """The page now shown is the form again, with its errors: its title says so. Waits
    (expect retries) for the page the submit loads, where reading the title at once
    could catch the old page unloading, with no title at all."""
    import re

    from playwright.sync_api import expect

    expect(page, what).to_have_title(re.compile(r"^Error:"))
