"""Audiences and topics translated through wagtail-localize: pages and filters keep the
English ones; only the name shown follows the visitor's language, English where there is
no translation (marked lang="en")."""

import re

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from guidance.models import Audience, GuidancePage, Topic
from home.demo import translatable_snippets, translate_page
from home.page_cache import purge
from training.models import Audience as TrainingAudience

from .pages_fixtures import add_guidance_page, make_guidance_index

POLISH = {
    "Parents and carers": "Rodzice i opiekunowie",
    "Support first": "Najpierw wsparcie",
    "Guidance": "Wytyczne",
    "Attendance for parents": "Frekwencja dla rodziców",
}


def listed_titles(html):
    return re.findall(
        r'app-guidance-list__title"><a class="govuk-link" href="[^"]+">([^<]+)</a>', html
    )


def labels(html, kind):
    """{slug: (attributes, name)} of the index's filter checkboxes of one kind."""
    found = re.findall(rf'checkboxes__label" for="{kind}-([^"]+)"([^>]*)>([^<]+)</label>', html)
    return {slug: (attrs, name) for slug, attrs, name in found}


def tags(html):
    return re.findall(r'app-metadata__tag"([^>]*)>([^<]+)</span>', html)


def english(model, slug):
    return model.objects.get(slug=slug, locale__language_code="en")


@pytest.fixture
def index(home):
    return make_guidance_index(home)


@pytest.fixture
def translated(index, other_locales, django_capture_on_commit_callbacks):
    """Two English pages; the index, one page, the "parents" audience and the
    "support-first" topic in Polish; "schools" and "safeguarding" left in English."""
    parents = add_guidance_page(
        index,
        "Attendance for parents",
        audiences=["parents", "schools"],
        topics=["support-first", "safeguarding"],
    )
    add_guidance_page(index, "Codes", audiences=["schools"], topics=["registers-and-codes"])
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(index, "pl", POLISH)
        translate_page(index, "ur", {"Guidance": "رہنمائی"})
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(parents, "pl", POLISH)
        translate_page(english(Audience, "parents"), "pl", POLISH)
        translate_page(english(Topic, "support-first"), "pl", POLISH)
    return index


def test_a_translation_keeps_the_slug_and_order_and_slugs_are_unique_per_locale(translated):
    source = english(Audience, "parents")
    polish = Audience.objects.get(locale__language_code="pl")
    assert (polish.slug, polish.sort_order, polish.name) == (
        "parents",
        source.sort_order,
        "Rodzice i opiekunowie",
    )
    assert polish.translation_key == source.translation_key
    with pytest.raises(IntegrityError), transaction.atomic():
        Audience.objects.create(slug="parents", name="Again", locale=source.locale)


def test_pages_keep_the_english_audiences_and_topics(translated):
    polish = GuidancePage.objects.get(locale__language_code="pl")
    assert {a.locale.language_code for a in polish.audiences.all()} == {"en"}
    assert {t.locale.language_code for t in polish.topics.all()} == {"en"}


def test_the_polish_index_names_audiences_and_topics_in_polish_else_in_english(client, translated):
    html = client.get("/pl/guidance/").content.decode()
    audiences = labels(html, "audience")
    assert audiences["parents"] == ("", "Rodzice i opiekunowie")
    assert audiences["schools"] == (' lang="en"', "Schools")
    topics = labels(html, "topic")
    assert topics["support-first"] == ("", "Najpierw wsparcie")
    assert topics["safeguarding"] == (' lang="en"', "Safeguarding")
    # The filters' values stay the English slugs, in the English audiences' order.
    assert list(audiences) == ["schools", "parents", "governors", "partner-agencies"]

    item = html.split('class="app-guidance-list__item"')[1]
    assert listed_titles(item) == ["Frekwencja dla rodziców"]
    assert ("", "Rodzice i opiekunowie") in tags(item)
    assert (' lang="en"', "Schools") in tags(item)
    assert ("", "Najpierw wsparcie") in tags(item)
    assert (' lang="en"', "Safeguarding") in tags(item)


def test_the_english_index_is_unchanged(client, translated):
    html = client.get("/guidance/").content.decode()
    assert labels(html, "audience")["parents"] == ("", "Parents and carers")
    assert "Rodzice" not in html and "Najpierw" not in html
    assert 'lang="en"' not in html.split("<main")[1]
    item = html.split('class="app-guidance-list__item"')[1]
    assert ("", "Parents and carers") in tags(item) and ("", "Support first") in tags(item)


def test_urdu_marks_english_names_as_english_left_to_right(client, translated):
    html = client.get("/ur/guidance/").content.decode()
    assert labels(html, "audience")["parents"] == (' lang="en" dir="ltr"', "Parents and carers")


def test_filters_on_the_polish_index_match_by_slug(client, translated):
    html = client.get("/pl/guidance/?audience=parents").content.decode()
    assert listed_titles(html) == ["Frekwencja dla rodziców"]
    assert 'value="parents" checked' in html
    html = client.get("/pl/guidance/?topic=registers-and-codes").content.decode()
    assert listed_titles(html) == ["Codes"]
    html = client.get("/pl/guidance/?audience=schools&topic=support-first").content.decode()
    assert listed_titles(html) == ["Frekwencja dla rodziców"]


def test_a_polish_guidance_page_names_its_audiences_and_topics_in_polish(client, translated):
    html = client.get("/pl/guidance/attendance-for-parents/").content.decode()
    metadata = html.split('class="app-metadata"')[1].split("</dl>")[0]
    assert tags(metadata) == [
        (' lang="en"', "Schools"),
        ("", "Rodzice i opiekunowie"),
        ("", "Najpierw wsparcie"),
        (' lang="en"', "Safeguarding"),
    ]
    english_page = client.get("/guidance/attendance-for-parents/").content.decode()
    assert ("", "Parents and carers") in tags(english_page)


def test_the_polish_index_runs_a_fixed_number_of_queries(client, translated):
    def count():
        purge()
        client.get("/pl/guidance/attendance-for-parents/")  # the site frame is cached
        with CaptureQueriesContext(connection) as captured:
            html = client.get("/pl/guidance/").content.decode()
        return len(captured), len(listed_titles(html))

    few = count()
    for n in range(25):
        add_guidance_page(
            translated, f"More {n}", audiences=["parents", "governors"], topics=["support-first"]
        )
    many = count()
    assert (few[1], many[1]) == (2, 20)
    # The English index's 16, and in Polish: routing through the translated index, the
    # pages' translations and the languages of those left in English. The audiences and
    # topics come with their translations (one query each, as in English).
    assert few[0] == many[0] <= 21


def test_the_editor_chooses_among_english_audiences_and_topics_only(translated, admin_user):
    page = GuidancePage.objects.get(slug="codes")
    form_class = GuidancePage.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=admin_user)
    assert {a.locale.language_code for a in form.fields["audiences"].queryset} == {"en"}
    assert (
        form.fields["topics"].queryset.count()
        == Topic.objects.filter(locale__language_code="en").count()
    )


def test_audiences_and_topics_are_snippets_editors_can_translate(client, translated, admin_user):
    client.force_login(admin_user)
    for model in (Audience, Topic, TrainingAudience):
        opts = model._meta
        listing = reverse(f"wagtailsnippets_{opts.app_label}_{opts.model_name}:list")
        assert client.get(listing).status_code == 200, listing
        source = model.objects.filter(locale__language_code="en").first()
        translate = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[opts.app_label, opts.model_name, source.pk],
        )
        assert client.get(translate).status_code == 200, translate


def test_the_demo_translates_every_translatable_snippet_of_the_project():
    names = {model._meta.label for model in translatable_snippets()}
    assert names == {"home.AlertBanner", "guidance.Audience", "guidance.Topic", "training.Audience"}
