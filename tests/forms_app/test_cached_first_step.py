"""A journey's first step, for visitors with no session, comes from the page cache, with
a CSRF token of each visitor's own (home/page_cache.py, share_form_with_new_visitors)."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from forms_app.engine import journey_for
from forms_app.factories import FormPageFactory
from forms_app.journeys.registry import Journey
from forms_app.models import Draft
from home.page_cache import FORM_TOKEN_PLACEHOLDER

from .conftest import EHE_ANSWERS

FIRST_STEP = "step/child/"


def _token(response):
    found = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())
    assert found, "the step has a form with a token"
    assert len(set(found)) == 1
    return found[0]


@pytest.fixture
def visitor():
    """A new visitor whose browser sends what it was given, with CSRF checked as in
    production (the test client skips the check unless told)."""
    return lambda: Client(enforce_csrf_checks=True)


def test_new_visitors_get_the_stored_step_each_with_a_token_of_their_own(ehe_page, visitor):
    first, second = visitor(), visitor()
    url = ehe_page.url + FIRST_STEP
    one, two = first.get(url), second.get(url)
    assert one["X-Page-Cache"] == "miss" and two["X-Page-Cache"] == "hit"
    for response in (one, two):
        assert FORM_TOKEN_PLACEHOLDER not in response.content.decode()
        assert settings.CSRF_COOKIE_NAME in response.cookies
        assert "private" in response["Cache-Control"]  # it sets a cookie: never a proxy's
        assert "Cookie" in response["Vary"]
    assert _token(one) != _token(two)
    assert (
        one.cookies[settings.CSRF_COOKIE_NAME].value != two.cookies[settings.CSRF_COOKIE_NAME].value
    )
    assert "About the child" in two.content.decode()


def test_a_stored_step_costs_no_query(ehe_page, visitor):
    url = ehe_page.url + FIRST_STEP
    visitor().get(url)
    with CaptureQueriesContext(connection) as queries:
        response = visitor().get(url)
    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 0


def test_the_token_from_a_stored_step_carries_the_journey_on(ehe_page, visitor):
    url = ehe_page.url + FIRST_STEP
    visitor().get(url)  # stores it
    parent = visitor()
    page = parent.get(url)
    assert page["X-Page-Cache"] == "hit"
    answer = {**EHE_ANSWERS[FIRST_STEP], "csrfmiddlewaretoken": _token(page)}
    response = parent.post(url, answer)
    assert response.status_code == 302 and response["Location"].endswith("step/address/")
    assert Draft.objects.get().answers["child"]["first_name"] == ["Amira"]
    # With a session now, their steps are their own: made for them, never stored.
    again = parent.get(url)
    assert "X-Page-Cache" not in again
    assert 'value="Amira"' in again.content.decode()


def test_a_post_with_another_visitors_token_or_none_is_refused(ehe_page, visitor):
    url = ehe_page.url + FIRST_STEP
    someone, intruder = visitor(), visitor()
    their_token = _token(someone.get(url))
    intruder.get(url)  # the intruder has a CSRF cookie of their own
    assert intruder.post(url, {**EHE_ANSWERS[FIRST_STEP]}).status_code == 403
    refused = intruder.post(url, {**EHE_ANSWERS[FIRST_STEP], "csrfmiddlewaretoken": their_token})
    assert refused.status_code == 403
    placeholder = {**EHE_ANSWERS[FIRST_STEP], "csrfmiddlewaretoken": FORM_TOKEN_PLACEHOLDER}
    assert intruder.post(url, placeholder).status_code == 403
    assert not Draft.objects.exists()


def test_a_visitor_with_a_csrf_cookie_keeps_it(ehe_page, visitor):
    url = ehe_page.url + FIRST_STEP
    visitor().get(url)
    parent = visitor()
    parent.get(ehe_page.url + "step/address/")  # another step first: a cookie, no session
    secret = parent.cookies[settings.CSRF_COOKIE_NAME].value
    page = parent.get(url)
    assert page["X-Page-Cache"] == "hit"
    assert page.cookies[settings.CSRF_COOKIE_NAME].value == secret
    answer = {**EHE_ANSWERS[FIRST_STEP], "csrfmiddlewaretoken": _token(page)}
    assert parent.post(url, answer).status_code == 302


def test_publishing_the_form_page_empties_its_stored_steps(ehe_page, visitor):
    url = ehe_page.url + FIRST_STEP
    visitor().get(url)
    assert visitor().get(url)["X-Page-Cache"] == "hit"
    ehe_page.title = "Register home education"
    ehe_page.save_revision().publish()
    assert visitor().get(url)["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("journey", [j for j in Journey if not journey_for(j).for_school_users])
def test_every_public_journeys_first_step_is_stored(home, visitor, journey):
    page = FormPageFactory(parent=home, journey=journey, slug=journey.replace("_", "-"))
    start = visitor().get(page.url).content.decode()
    first_step = re.search(r'href="([^"]+)" role="button"[^>]*govuk-button--start', start)[1]
    assert visitor().get(first_step).status_code == 200
    stored = visitor().get(first_step)
    assert stored.status_code == 200 and stored["X-Page-Cache"] == "hit"
    assert FORM_TOKEN_PLACEHOLDER not in stored.content.decode()
