"""The choice of language: a first visit follows the browser; a choice made with the
language switcher is kept (the language cookie, and a signed-in user's preference) and
applied when they sign in; anything that is not one of the portal's languages is ignored."""

import pytest
from django.conf import settings

from home.factories import StandardPageFactory
from portal.factories import UserFactory
from tests.conftest import PASSWORD

COOKIE = settings.LANGUAGE_COOKIE_NAME


@pytest.fixture
def polish_home(home, other_locales, django_capture_on_commit_callbacks):
    from home.demo import translate_page

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translate_page(home, "pl", {})
    return home


def test_a_first_visit_follows_the_browsers_language(client, polish_home):
    client.get("/")  # the English page, now in the page cache: not served to this visitor
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="pl-PL,pl;q=0.9,en;q=0.8")
    assert response.status_code == 302 and response["Location"] == "/pl/"
    assert "Accept-Language" in response["Vary"]
    assert '<html lang="pl"' in client.get("/pl/").content.decode()


def test_the_query_string_goes_too(client, home):
    response = client.get("/portal/sign-in/?next=/portal/", HTTP_ACCEPT_LANGUAGE="cy")
    assert response["Location"] == "/cy/portal/sign-in/?next=/portal/"


def test_an_english_browser_and_a_browser_in_no_language_of_ours_get_english(client, polish_home):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").status_code == 200
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="xx,zz;q=0.5").status_code == 200
    assert client.get("/").status_code == 200


def test_a_person_who_chose_english_stays_on_english(client, polish_home):
    client.cookies[COOKIE] = "en"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_a_chosen_language_is_kept_on_a_later_visit(client, polish_home):
    client.cookies[COOKIE] = "pl"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/pl/"


def test_a_forged_cookie_is_ignored(client, polish_home):
    client.cookies[COOKIE] = "xx"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en").status_code == 200
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="pl")["Location"] == "/pl/"


def test_no_redirect_to_a_page_that_does_not_exist_in_the_language(client, polish_home):
    StandardPageFactory(parent=polish_home, slug="contact", title="Contact us")
    assert client.get("/contact/", HTTP_ACCEPT_LANGUAGE="pl").status_code == 200


def test_no_redirect_for_posts_or_addresses_outside_the_languages(client, home):
    assert client.get("/healthz/", HTTP_ACCEPT_LANGUAGE="pl").status_code == 200
    assert client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="pl").status_code == 200
    response = client.post("/portal/sign-in/", {}, HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 200


def test_the_switcher_keeps_the_choice_and_goes_on(client, home):
    response = client.get("/language/pl/", {"next": "/pl/portal/sign-in/"})
    assert response.status_code == 302 and response["Location"] == "/pl/portal/sign-in/"
    cookie = response.cookies[COOKIE]
    assert cookie.value == "pl" and int(cookie["max-age"]) == settings.LANGUAGE_COOKIE_AGE
    # An address in another language is taken to the chosen one.
    assert client.get("/language/cy/", {"next": "/portal/"})["Location"] == "/cy/portal/"
    response = client.get("/language/en/", {"next": "/pl/portal/sign-in/"})
    assert response["Location"] == "/portal/sign-in/" and response.cookies[COOKIE].value == "en"
    # English now: the English address is no longer redirected.
    assert client.get("/portal/sign-in/", HTTP_ACCEPT_LANGUAGE="pl").status_code == 200


@pytest.mark.parametrize("code", ["xx", "de", "EN", "pl-xx"])
def test_a_forged_language_code_changes_nothing(client, home, code):
    response = client.get(f"/language/{code}/", {"next": "/portal/sign-in/"})
    assert response["Location"] == "/portal/sign-in/"
    assert COOKIE not in response.cookies


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:x", ""]
)
def test_the_switcher_goes_on_only_to_this_site(client, home, target):
    response = client.get("/language/pl/", {"next": target})
    assert response["Location"] == "/pl/"


def test_a_signed_in_users_choice_is_kept_and_applied_when_they_sign_in(client, home, school_user):
    client.force_login(school_user)
    client.get("/language/pl/", {"next": "/portal/"}, HTTP_SEC_FETCH_SITE="same-origin")
    school_user.refresh_from_db()
    assert school_user.language == "pl"
    client.get("/language/xx/", {"next": "/portal/"})  # a forged code: still Polish
    school_user.refresh_from_db()
    assert school_user.language == "pl"
    client.logout()

    elsewhere = type(client)(HTTP_HOST="localhost")  # another device: no cookie
    response = elsewhere.post(
        "/portal/sign-in/?next=/portal/",
        {"username": school_user.email, "password": PASSWORD},
    )
    assert response.status_code == 302 and response["Location"] == "/pl/portal/"
    assert response.cookies[COOKIE].value == "pl"


def test_a_user_with_no_choice_signs_in_as_before(client, home):
    user = UserFactory(email="new@alderbrook.example", password=PASSWORD)
    response = client.post(
        "/portal/sign-in/?next=/portal/", {"username": user.email, "password": PASSWORD}
    )
    assert response["Location"] == "/portal/" and COOKIE not in response.cookies


def test_the_language_cookie_is_in_the_privacy_notice():
    from home.privacy_notice import cookies

    assert COOKIE in [cookie["name"] for cookie in cookies()]


def test_a_link_from_another_site_does_not_change_the_account(client, home, school_user):
    """The switcher is a link (GOV.UK's pattern); a link elsewhere may switch what is
    shown, never what the account keeps."""
    client.force_login(school_user)
    before = school_user.language
    response = client.get("/language/ur/", {"next": "/portal/"}, HTTP_SEC_FETCH_SITE="cross-site")
    assert response.cookies[COOKIE].value == "ur"  # shown in Urdu on this device
    response = client.get(
        "/language/ur/", {"next": "/portal/"}, HTTP_REFERER="https://evil.example/page"
    )
    school_user.refresh_from_db()
    assert school_user.language == before != "ur"
    # From one of our pages (an older browser sends only the Referer): kept.
    host = response.wsgi_request.get_host()
    client.get("/language/ur/", {"next": "/portal/"}, HTTP_REFERER=f"http://{host}/portal/")
    school_user.refresh_from_db()
    assert school_user.language == "ur"
