"""The privacy notice: each service with what it collects, why, who sees it and how long it
is kept, the periods taken from the settings the retention purges read; the cookies; the
footer link; the anonymous page cache."""

import pytest

from home import privacy_notice as privacy
from home.models import CouncilSettings, PrivacyNoticePage

SERVICES = [
    "Elective home education registrations",
    "Child employment permits",
    "Child performance licences",
    "Chaperone approvals",
    "Attendance referrals from schools",
    "Reduced-timetable returns from schools",
    "School self-assessments",
    "Training bookings",
    "Targeting support meetings with schools",
    "Children missing education",
    "School staff accounts",
    "The record of who saw or changed information",
]


@pytest.fixture
def notice(home):
    page = PrivacyNoticePage(
        title="Privacy notice",
        slug="privacy-notice",
        introduction="<p>Testshire Council is the data controller.</p>",
        data_protection_officer="<p>Email dpo@testshire.example.</p>",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    council = CouncilSettings.objects.get()
    council.privacy_page = page
    council.save()
    return page


def test_every_service_is_listed_with_its_period_from_the_settings(client, notice, settings):
    settings.PORTAL_RETENTION_DAYS = {"ehe": 365 * 9, "licensing": 365 * 4, "attendance": 365 * 5}
    settings.PORTAL_RECORD_RETENTION_DAYS = {
        "returns": 365 * 11,
        "assessments": 365 * 12,
        "bookings": 14,
        "support_meetings": 365 * 7,
        "penalty_notices": 365 * 8,
        "missing_education": 365 * 8,
    }
    settings.PORTAL_AUDIT_RETENTION_DAYS = 365 * 13
    page = client.get("/privacy-notice/").content.decode()
    for name in SERVICES:
        assert name in page
    assert "Testshire Council is the data controller." in page
    assert "dpo@testshire.example" in page
    assert page.count("9 years after the application") == 1  # EHE
    assert page.count("4 years after the application") == 3  # permits, licences, chaperones
    assert page.count("5 years after the application") == 1  # referrals
    assert "11 years after the return was due" in page
    assert "12 years after it was submitted" in page
    assert "2 weeks after the session" in page
    assert "7 years after the meeting" in page
    assert "Each notice: 8 years after the date it was issued." in page  # penalty notices
    assert "8 years after it was closed" in page  # children missing education
    assert "13 years after each entry" in page
    assert "Education Act 1996 (section 436A)" in page
    assert "Children (Performances and Activities) (England) Regulations 2014" in page


def test_the_period_follows_a_changed_setting(client, notice, settings):
    settings.PORTAL_RECORD_RETENTION_DAYS = {
        **settings.PORTAL_RECORD_RETENTION_DAYS,
        "bookings": 365 * 3,
    }
    assert "3 years after the session" in client.get("/privacy-notice/").content.decode()
    settings.PORTAL_RECORD_RETENTION_DAYS = {
        **settings.PORTAL_RECORD_RETENTION_DAYS,
        "bookings": 365 * 2,
    }
    from home.page_cache import purge

    purge()  # the anonymous copy from before (settings change only with a deploy)
    assert "2 years after the session" in client.get("/privacy-notice/").content.decode()


def test_the_cookies_the_portal_sets_are_listed(client, notice, settings):
    page = client.get("/privacy-notice/").content.decode()
    assert 'id="cookies"' in page
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages"):
        assert f"<code>{name}</code>" in page
    assert "do not use analytics" in page
    assert "2 weeks" in page  # the session cookie's age (SESSION_COOKIE_AGE)


@pytest.mark.parametrize(
    ("days", "words"),
    [(365 * 7, "7 years"), (364, "1 year"), (14, "2 weeks"), (28, "4 weeks"), (10, "10 days")],
)
def test_periods_in_words(days, words):
    assert privacy.duration(days) == words


def test_the_footer_links_the_notice_and_its_cookies_section(client, notice):
    page = client.get("/").content.decode()
    assert '<a class="govuk-footer__link" href="/privacy-notice/">Privacy notice</a>' in page
    assert '<a class="govuk-footer__link" href="/privacy-notice/#cookies">Cookies</a>' in page


def test_the_notice_is_served_from_the_anonymous_page_cache(client, notice):
    assert client.get("/privacy-notice/")["X-Page-Cache"] == "miss"
    assert client.get("/privacy-notice/")["X-Page-Cache"] == "hit"


def test_the_demo_replaces_its_old_standard_pages_and_seeding_again_changes_nothing(client, home):
    from home.demo import seed_site
    from home.factories import StandardPageFactory

    council = CouncilSettings.objects.get()
    council.privacy_page = StandardPageFactory(parent=home, slug="privacy-notice")
    council.cookies_page = StandardPageFactory(parent=home, slug="cookies")
    council.save()
    seed_site()
    seed_site()
    [page] = PrivacyNoticePage.objects.all()
    council = CouncilSettings.objects.get()
    assert council.privacy_page_id == page.pk and council.cookies_page is None
    assert not home.get_children().filter(slug="cookies").exists()
    assert "dpo@wyvernshire.example" in client.get("/privacy-notice/").content.decode()
