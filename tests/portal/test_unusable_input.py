"""Input no page can use is refused at one place (portal/unusable_input.py), never a
server error: a NUL character (PostgreSQL stores none) anywhere in the address, the query
or a form, an overlong address, an overlong email at sign-in. The hypothesis tests send
hostile text to the search, the sign-in and every address of ours that takes text (a
record's reference, a booking's token, an admin object id); the suite runs on PostgreSQL
in CI too (make test-postgres), where a NUL that reached a query would fail."""

import re
from urllib.parse import quote

import pytest
from axes.models import AccessAttempt
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from portal.factories import UserFactory
from portal.unusable_input import MAX_PATH, MAX_QUERY

FUZZ = hypothesis_settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HOSTILE = st.one_of(
    st.text(min_size=1, max_size=40),  # any Unicode, control characters included
    st.text(alphabet="\x00\x01\x1f\x7f'\"<>%;/\\", min_size=1, max_size=20),
    st.just("a" * 5000),
    st.just("\x00"),
    st.just("'; DROP TABLE portal_user; --"),
    st.just("<script>alert(1)</script>"),
)
NUL_MESSAGE = "contains a character that cannot be used"


# --- the one place ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_nul_in_the_address_is_the_styled_404(client, home):
    response = client.get("/forms/referrals/AR-1%00/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_an_overlong_address_is_the_styled_404(client, home):
    response = client.get("/" + "a" * MAX_PATH + "/")
    assert response.status_code == 404
    assert "govuk-footer" in response.content.decode()


@pytest.mark.django_db
def test_a_nul_in_the_search_is_a_clear_error_in_the_visitors_language(client, home):
    response = client.get("/search/?q=att%00endance")
    assert response.status_code == 400
    assert NUL_MESSAGE in response.content.decode()
    welsh = client.get("/cy/search/?q=a%00")
    assert "nod na ellir ei ddefnyddio" in welsh.content.decode()


@pytest.mark.django_db
def test_an_overlong_query_is_a_clear_error(client, home):
    response = client.get("/search/?q=" + "a" * MAX_QUERY)
    assert response.status_code == 400
    assert "The web address is too long" in response.content.decode()
    assert client.get("/search/?q=" + "a" * 200).status_code == 200  # a long search is fine


@pytest.mark.django_db
def test_a_nul_in_a_form_is_the_fields_error_and_reaches_no_query(client, home):
    response = client.post("/portal/sign-in/", {"username": "a\x00@x.example", "password": "x"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert "Null characters are not allowed" in response.content.decode()
    assert not AccessAttempt.objects.exists()


@pytest.mark.django_db
def test_a_session_cookie_with_a_nul_counts_as_no_session(client, home):
    response = client.get("/portal/sign-in/", HTTP_COOKIE="sessionid=abcdefgh\x00ijk")
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_256_character_email_at_sign_in_is_a_field_error(client, home):
    email = "a" * 250 + "@x.example"
    response = client.post("/portal/sign-in/", {"username": email, "password": "wrong"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert "Email address must be 254 characters or fewer" in body
    assert email in body  # what was typed is kept


# --- fuzzing the search, the sign-in and every address that takes text ------------------


@pytest.mark.django_db
@FUZZ
@given(query=HOSTILE, kind=HOSTILE)
def test_the_search_never_fails(client, home, query, kind):
    response = client.get("/search/", {"q": query, "type": kind})
    assert response.status_code in (200, 400)
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.django_db
@FUZZ
@given(username=HOSTILE, password=HOSTILE)
def test_the_sign_in_never_fails(client, home, username, password):
    response = client.post("/portal/sign-in/", {"username": username, "password": password})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def _text_routes(patterns=None, prefix=""):
    """Every URL pattern of the project with a str, slug or path part (a record's
    reference, a token, an admin object id), with those parts as {} to fill in."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _text_routes(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern) and re.search(r"<(str|slug|path):", route):
            full = prefix + route
            if "^" in full or "(?P" in full:
                continue  # a regex route: its own pattern refuses what does not match
            yield "/" + re.sub(r"<(?:str|slug|path):\w+>", "{0}", re.sub(r"<int:\w+>", "1", full))


def _filled(route, value):
    return route.format(quote(value, safe=""))


def test_the_routes_that_take_text_are_found():
    routes = list(_text_routes())
    assert "/forms/referrals/{0}/" in routes
    assert "/training/bookings/{0}/" in routes
    assert any(route.startswith("/admin/snippets/choose/") for route in routes)


@pytest.mark.django_db
@hypothesis_settings(FUZZ, max_examples=6)  # each example asks ~40 addresses, three ways
@given(value=HOSTILE)
def test_no_address_that_takes_text_fails(client, home, school_user, value):
    admin = UserFactory(email="admin@council.example", is_staff=True, is_superuser=True)
    visitors = [client, client.__class__(HTTP_HOST="localhost")]
    visitors[1].force_login(admin)
    school = client.__class__(HTTP_HOST="localhost")
    school.force_login(school_user)
    visitors.append(school)
    for route in _text_routes():
        for visitor in visitors:
            response = visitor.get(_filled(route, value))
            assert response.status_code < 500, (route, value)
