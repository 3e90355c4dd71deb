"""Training audiences translated through wagtail-localize: courses and filters keep the
English ones; only the name shown follows the visitor's language, English where there is
no translation (marked lang="en")."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.demo import translate_page
from training.models import Audience, CoursePage, Session

from .conftest import make_course

POLISH = {"Governors": "Członkowie rad szkół", "Training": "Szkolenia"}


def labels(html):
    """{slug: (attributes, name)} of the index's audience checkboxes."""
    found = re.findall(r'for="audience-([^"]+)"((?: lang="en")?)>([^<]+)</label>', html)
    return {slug: (attrs, name) for slug, attrs, name in found}


def for_lines(html):
    return re.findall(r"govuk-body-s govuk-!-margin-bottom-1\">(.*?)</p>", html)


@pytest.fixture
def translated(index, other_locales, django_capture_on_commit_callbacks):
    """A course for governors and office staff, with the index, the course and the
    "governors" audience in Polish ("office-staff" left in English)."""
    course = make_course(index, "for-governors", "online", ("governors", "office-staff"), [(5, 10)])
    make_course(index, "for-heads", "online", ("headteachers",), [(6, 10)])
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(index, "pl", POLISH)
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(course, "pl", POLISH)
        english = Audience.objects.get(slug="governors", locale__language_code="en")
        translate_page(english, "pl", POLISH)
    return course


def test_the_translation_keeps_the_slug_and_courses_keep_the_english_audiences(translated):
    polish = Audience.objects.get(locale__language_code="pl")
    assert (polish.slug, polish.name) == ("governors", "Członkowie rad szkół")
    course = CoursePage.objects.get(locale__language_code="pl")
    assert {a.locale.language_code for a in course.audiences.all()} == {"en"}


def test_the_polish_index_names_audiences_in_polish_else_in_english(client, translated):
    html = client.get("/pl/training/").content.decode()
    audiences = labels(html)
    assert audiences["governors"] == ("", "Członkowie rad szkół")
    assert audiences["office-staff"] == (' lang="en"', "Office staff")
    assert list(audiences)[:3] == ["governors", "headteachers", "attendance-leads"]
    lines = for_lines(html)
    assert any(
        'Członkowie rad szkół, <span lang="en">Office staff</span>' in line for line in lines
    ), lines
    assert any('<span lang="en">Headteachers</span>' in line for line in lines), lines


def test_the_english_index_is_unchanged(client, translated):
    html = client.get("/training/").content.decode()
    assert labels(html)["governors"] == ("", "Governors")
    assert any(line.endswith("Governors, Office staff") for line in for_lines(html))
    assert "Członkowie" not in html


def test_filters_on_the_polish_index_match_by_slug(client, translated):
    html = client.get("/pl/training/?audience=governors").content.decode()
    assert 'value="governors" checked' in html
    assert "/pl/training/for-governors/" in html and "for-heads" not in html
    html = client.get("/pl/training/?audience=headteachers").content.decode()
    assert "for-heads" in html and "for-governors" not in html


def test_a_polish_course_page_names_its_audiences_in_polish(client, translated):
    html = client.get("/pl/training/for-governors/").content.decode()
    row = html.split("govuk-summary-list__value", 1)[1].split("</dd>")[0]
    assert row == '">Członkowie rad szkół, <span lang="en">Office staff</span>'
    html = client.get("/training/for-governors/").content.decode()
    row = html.split("govuk-summary-list__value", 1)[1].split("</dd>")[0]
    assert row == '">Governors, Office staff'


def test_the_polish_index_runs_a_fixed_number_of_queries(client, translated):
    def count(prefix=""):
        client.get(f"{prefix}/training/")  # warm the site frame, as a running server would be
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"{prefix}/training/?page=2", HTTP_COOKIE="sessionid=x")
        assert len(response.context["sessions"]) == 20
        return len(captured)

    now = timezone.now()

    def add_sessions(course, days):
        Session.objects.bulk_create(
            Session(
                course=course,
                sort_order=day,
                starts_at=now + timedelta(days=day + 1),
                ends_at=now + timedelta(days=day + 1, hours=2),
                capacity=20,
                venue="County Hall",
            )
            for day in days
        )

    add_sessions(translated, range(50))
    few = count("/pl")
    for n in range(5):
        course = make_course(translated.get_parent(), f"more-{n}", audiences=("office-staff",))
        add_sessions(course, range(50))
    # Four more than in English (the translated index's route, the courses' titles in
    # Polish); the audiences come with their translations in one query, as in English.
    assert few == count("/pl") == count() + 4 <= 20
