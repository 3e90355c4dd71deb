from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page

from home.factories import StandardPageFactory
from home.models import AlertBanner, HomePage
from home.page_cache import purge


def test_home_page_shows_council_and_tiles(client, home):
    contact = StandardPageFactory(parent=home, slug="contact", title="Contact us")
    home.tiles = [
        ("tile", {"title": "Contact", "description": "Reach us", "page": contact, "url": ""}),
        (
            "tile",
            {
                "title": "Sign in for schools",
                "description": "For staff",
                "page": None,
                "url": "/portal/",
            },
        ),
    ]
    home.save_revision().publish()
    page = client.get("/").content.decode()
    assert "Testshire Council" in page
    assert '<a class="govuk-link" href="/contact/">Contact</a>' in page
    assert 'href="/portal/">Sign in for schools</a>' in page
    assert 'class="govuk-skip-link"' in page
    assert 'lang="en" dir="ltr"' in page


def test_home_page_query_budget(client, home, django_assert_max_num_queries):
    for n in range(6):
        child = StandardPageFactory(
            parent=home, slug=f"journey-{n}", title=f"Journey {n}", show_in_menus=True
        )
        home.tiles.append(
            ("tile", {"title": child.title, "description": "x", "page": child, "url": ""})
        )
    home.save_revision().publish()
    AlertBanner.objects.create(title="Closed", message="<p>Snow</p>")
    purge()
    with django_assert_max_num_queries(14):  # everything cold, the site frame included
        assert client.get("/").status_code == 200
    purge()
    client.get("/journey-0/")  # the site frame (menu, footer, banners) is now cached
    with django_assert_max_num_queries(8):  # the page itself uncached
        response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Journey 5" in response.content.decode()


def test_anonymous_pages_are_cached_until_something_is_published(client, home):
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    home.title = "Attendance matters"
    home.save_revision().publish()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Attendance matters" in response.content.decode()


def test_signed_in_visitors_are_never_served_from_the_cache(client, home, school_user):
    client.get("/")
    client.force_login(school_user)
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert "Sign out" in response.content.decode()


def test_alert_banner_shows_only_while_live(client, home):
    now = timezone.now()
    AlertBanner.objects.create(title="Office closed today", message="<p>Snow.</p>")
    AlertBanner.objects.create(
        title="Old news", message="<p>x</p>", ends_at=now - timedelta(hours=1)
    )
    AlertBanner.objects.create(
        title="Coming soon", message="<p>x</p>", starts_at=now + timedelta(hours=1)
    )
    page = client.get("/").content.decode()
    assert "Office closed today" in page
    assert "Old news" not in page and "Coming soon" not in page


def test_saving_a_banner_empties_the_page_cache(client, home):
    client.get("/")
    AlertBanner.objects.create(title="Phones down", message="<p>Email us.</p>", severity="urgent")
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Phones down" in response.content.decode()
    assert "app-notification-banner--urgent" in response.content.decode()


def test_cached_copy_expires_when_the_next_banner_starts(client, home):
    from django.core.cache import cache

    from home.page_cache import key_for

    AlertBanner.objects.create(
        title="Later", message="<p>x</p>", starts_at=timezone.now() + timedelta(seconds=90)
    )
    client.get("/")
    key = key_for("localhost", "/")
    expires_in = cache._expire_info[cache.make_and_validate_key(key)] - __import__("time").time()
    assert 0 < expires_in <= 91


def test_unknown_page_gives_the_styled_404(client, home):
    response = client.get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in page and "govuk-footer" in page


def test_footer_links_come_from_the_site_setting(client, home):
    from home.models import CouncilSettings

    privacy = StandardPageFactory(parent=home, slug="privacy", title="Privacy notice")
    settings = CouncilSettings.objects.get()
    settings.privacy_page = privacy
    settings.save()
    page = client.get("/").content.decode()
    assert '<a class="govuk-footer__link" href="/privacy/">Privacy notice</a>' in page
    assert "Cookies</a>" not in page  # no cookies page chosen, no link


def test_menu_lists_pages_shown_in_menus(client, home):
    StandardPageFactory(parent=home, slug="guidance", title="Guidance", show_in_menus=True)
    StandardPageFactory(parent=home, slug="hidden", title="Hidden page", show_in_menus=False)
    page = client.get("/guidance/").content.decode()
    assert 'aria-current="page"' in page
    assert (
        "Hidden page"
        not in page.split('class="govuk-service-navigation__list"')[1].split("</ul>")[0]
    )


@pytest.mark.django_db
def test_breadcrumbs_on_a_child_page(client, home):
    parent = StandardPageFactory(parent=home, slug="forms", title="Forms")
    StandardPageFactory(parent=parent, slug="ehe", title="Home education")
    page = client.get("/forms/ehe/").content.decode()
    crumbs = page.split('class="govuk-breadcrumbs__list"')[1].split("</ol>")[0]
    assert "School attendance" in crumbs and 'href="/forms/"' in crumbs


def test_translated_home_page_in_urdu_is_right_to_left(
    client, home, other_locales, django_capture_on_commit_callbacks
):
    from home.demo import translate_page

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        assert translate_page(home, "ur", {"School attendance": "اسکول میں حاضری"})
    page = client.get("/ur/").content.decode()
    assert '<html lang="ur" dir="rtl"' in page
    assert "اسکول میں حاضری" in page
    # The switcher offers English and Urdu (the languages this page exists in), no others.
    switcher = page.split('class="govuk-language-navigation__list"')[1].split("</ul>")[0]
    assert 'hreflang="en"' in switcher and 'lang="ur"' in switcher
    assert 'hreflang="cy"' not in switcher


def test_a_banner_shows_in_the_visitors_language_where_translated(client, home, other_locales):
    from home.demo import translate_page

    translate_page(home, "pl", {})
    translate_page(home, "ur", {})
    banner = AlertBanner.objects.create(title="Phones closed", message="<p>Email us.</p>")
    assert translate_page(banner, "pl", {"Phones closed": "Telefony nieczynne"})
    polish = client.get("/pl/").content.decode()
    assert "Telefony nieczynne" in polish and "Phones closed" not in polish
    assert '<div class="govuk-notification-banner__content">' in polish  # no lang="en" on it
    # Untranslated in Urdu: the English banner, marked as English and left to right.
    urdu = client.get("/ur/").content.decode()
    assert "Phones closed" in urdu
    assert '<div class="govuk-notification-banner__content" lang="en" dir="ltr">' in urdu
    # When and how it shows are the English banner's: ended there, gone in every language.
    banner.ends_at = timezone.now() - timedelta(minutes=1)
    banner.save()
    assert "Telefony nieczynne" not in client.get("/pl/").content.decode()


def test_page_with_no_translations_offers_no_language_switcher(client, home, other_locales):
    StandardPageFactory(parent=home, slug="contact", title="Contact us")
    assert "govuk-language-navigation" not in client.get("/contact/").content.decode()


def test_sign_in_page_is_offered_in_every_language(client, home, other_locales):
    page = client.get("/ur/portal/sign-in/").content.decode()
    assert '<html lang="ur" dir="rtl"' in page
    # Each link keeps the choice (the language view), then goes on to the same page.
    for code in ("cy", "pl", "ro"):
        assert f'href="/language/{code}/?next=%2F{code}%2Fportal%2Fsign-in%2F"' in page
    assert 'href="/language/en/?next=%2Fportal%2Fsign-in%2F"' in page


def test_home_page_type_is_only_at_the_root(home):
    assert HomePage.parent_page_types == ["wagtailcore.Page"]
    assert Page.objects.type(HomePage).count() == 1


def test_the_frame_and_form_errors_are_translated(client, home, other_locales):
    page = client.post("/ur/portal/sign-in/", {"username": "a@b.example", "password": "x"})
    html = page.content.decode()
    assert "<title>خرابی: سائن ان" in html  # "Error: Sign in"
    assert "مرکزی مواد پر جائیں" in html  # the skip link
    assert "درست ای میل ایڈریس اور پاس ورڈ درج کریں" in html  # the error message


def test_a_section_page_links_to_its_pages(client, home):
    forms = StandardPageFactory(parent=home, slug="forms", title="Forms and applications")
    StandardPageFactory(parent=forms, slug="permit", title="Apply for a child work permit")
    StandardPageFactory(parent=forms, slug="draft", title="Not yet", live=False)
    page = client.get("/forms/").content.decode()
    assert 'href="/forms/permit/">Apply for a child work permit</a>' in page
    assert "Not yet" not in page
