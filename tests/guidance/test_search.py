"""Site search: what it finds, in the visitor's language, and what anonymous visitors
are served from the cache until the next publish."""

import re

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.backends import get_search_backend

from guidance.factories import AgencyContactFactory, GuidanceIndexPageFactory, GuidancePageFactory
from guidance.models import GuidancePage
from guidance.search_hits import BATCH
from home.factories import StandardPageFactory


@pytest.fixture
def pages(home):
    index = GuidanceIndexPageFactory(parent=home)
    return {
        "penalty": GuidancePageFactory(
            parent=index, title="Penalty notices explained", summary="When a fine can be issued."
        ),
        "ehe": GuidancePageFactory(
            parent=index, title="Home education", summary="Teaching at home."
        ),
        "contact": StandardPageFactory(
            parent=home,
            slug="contact",
            title="Contact us",
            summary="Penalty notice questions go here too.",
        ),
    }


def search(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_finds_pages_and_contacts(client, pages):
    AgencyContactFactory(
        service_name="Penalty notice helpline", helps_with="Questions about fines."
    )
    page = search(client, q="penalty")
    assert "Penalty notices explained" in page
    assert "Penalty notice helpline" in page
    assert "Home education" not in page


def test_filter_by_kind(client, pages):
    AgencyContactFactory(service_name="Penalty notice helpline")
    guidance_only = search(client, q="penalty", type="guidance")
    assert "Penalty notices explained" in guidance_only
    assert "Contact us" not in guidance_only and "Penalty notice helpline" not in guidance_only
    contacts_only = search(client, q="penalty", type="contacts")
    assert (
        "Penalty notice helpline" in contacts_only
        and "Penalty notices explained" not in contacts_only
    )


def test_promoted_result_comes_first(client, pages):
    query = Query.get("fines")
    SearchPromotion.objects.create(query=query, page=pages["penalty"], sort_order=0)
    page = search(client, q="fines")
    assert page.index("Recommended") < page.index("Penalty notices explained")


def test_unknown_kind_and_bad_page_numbers_are_ignored(client, pages):
    page = search(client, q="penalty", type="nonsense", page="x")
    assert "Penalty notices explained" in page
    assert "Penalty notices explained" in search(client, q="penalty", page="999")


def test_no_results_says_so(client, pages):
    page = search(client, q="zebra crossings")
    assert "No pages match your search" in page


def test_search_results_query_budget(client, pages, django_assert_max_num_queries):
    index = pages["penalty"].get_parent()
    for n in range(30):
        GuidancePageFactory(parent=index, title=f"Penalty case {n}", summary="About penalties.")
    search(client, q="attendance")  # the site frame is cached from here on
    with django_assert_max_num_queries(25):
        page = search(client, q="penalty")  # searched for the first time
    assert "Next" in page  # more than one page of results


# --- What anonymous visitors are served from the cache, until the next publish ---

# The tables a search reads: a search served from the cache reads none of them.
SEARCHED = ("wagtailsearch_indexentry", "guidance_agencycontact", "wagtailsearchpromotions_query")


def searched_with_queries(client, **params):
    with CaptureQueriesContext(connection) as captured:
        page = search(client, **params)
    return page, [query["sql"] for query in captured.captured_queries]


def test_the_same_search_again_costs_no_query(client, pages):
    AgencyContactFactory(service_name="Penalty notice helpline")
    first = search(client, q="penalty")
    again, queries = searched_with_queries(client, q="penalty")
    assert queries == []
    assert again == first
    assert "Penalty notices explained" in again and "Penalty notice helpline" in again


def test_searches_differing_only_in_case_and_spaces_share_what_they_found(client, pages):
    first = search(client, q="Penalty Notices")
    again, queries = searched_with_queries(client, q="  penalty   NOTICES ")
    assert not [sql for sql in queries if any(table in sql for table in SEARCHED)]
    assert "Penalty notices explained" in first and "Penalty notices explained" in again
    # Each visitor sees their own words in the search box.
    assert 'value="Penalty Notices"' in first
    assert 'value="penalty   NOTICES"' in again


def test_each_page_of_results_is_kept_apart(client, pages):
    index = pages["penalty"].get_parent()
    for n in range(12):
        GuidancePageFactory(parent=index, title=f"Penalty case {n:02d}", summary="About it.")
    first, second = search(client, q="penalty"), search(client, q="penalty", page="2")
    assert "Next" in first and "Previous" not in first
    assert "Previous" in second and "Next" not in second
    assert "14 pages found" in first and "14 pages found" in second
    again, queries = searched_with_queries(client, q="penalty", page="2")
    assert queries == [] and again == second


def test_a_page_published_is_found_at_once(client, pages):
    assert "No pages match your search" in search(client, q="transport")
    index = pages["penalty"].get_parent()
    index.add_child(
        instance=GuidancePage(title="School transport", slug="transport", summary="Buses.")
    )
    GuidancePage.objects.get(slug="transport").save_revision().publish()
    assert "School transport" in search(client, q="transport")


def test_a_promotion_shows_at_once(client, pages):
    assert "Recommended" not in search(client, q="fines")
    SearchPromotion.objects.create(query=Query.get("fines"), page=pages["penalty"], sort_order=0)
    assert "Recommended" in search(client, q="fines")


def test_signed_in_users_are_never_served_a_copy(client, pages, school_user):
    assert "No pages match your search" in search(client, q="transport")
    # Live and indexed, but not published through Wagtail: the cached copy stays.
    GuidancePageFactory(parent=pages["penalty"].get_parent(), title="School transport")
    assert "No pages match your search" in search(client, q="transport")
    client.force_login(school_user)
    assert "School transport" in search(client, q="transport")


def test_a_page_showing_a_visitors_message_is_never_stored_for_others(client, pages):
    client.cookies["messages"] = "a message for this visitor only"
    search(client, q="penalty")
    del client.cookies["messages"]
    _page, queries = searched_with_queries(client, q="penalty")
    assert queries != []  # rendered afresh: nothing stored from the visitor with a message
    _page, queries = searched_with_queries(client, q="penalty")
    assert queries == []


@pytest.mark.parametrize(
    "query",
    [
        "".join(chr(33 + (n * 7) % 94) for n in range(200)),  # every ASCII symbol, 200 long
        "penalty " * 40,  # longer than a query is kept
        "'\"&|!():*<>-- ; DROP TABLE guidance_agencycontact; --",
        "حاضری کی پالیسی",  # Urdu, right to left
        "presenţă școlară",  # Romanian, with its commas below
        "Z\u0351\u0346\u0315a\u0362\u0341l\u035cg\u0300o",  # a pile of combining marks
        "\U0001f600 attendance \u200f\u202e",  # an emoji and direction marks
        "*",
        ":",
        "NOT penalty OR AND NEAR",  # words SQLite's FTS5 reads as its own syntax
    ],
)
def test_odd_queries_are_searched_safely(client, pages, query):
    page = search(client, q=query)
    assert "Search results for" in page
    assert search(client, q=query) == page  # from the cache just as well


def test_every_search_is_counted_a_batch_at_a_time(client, pages, school_user):
    def hits():
        return QueryDailyHits.objects.filter(query__query_string="penalty").aggregate(
            total=Sum("hits")
        )["total"]

    search(client, q="penalty")
    assert hits() == 1  # a query's first search of the day is written at once
    for _ in range(BATCH - 1):
        _page, queries = searched_with_queries(client, q="Penalty")
        assert not [sql for sql in queries if "querydailyhits" in sql]
    assert hits() == 1
    client.force_login(school_user)  # signed-in users' searches count too
    search(client, q="penalty")
    assert hits() == 1 + BATCH


def test_a_search_served_from_the_page_cache_is_counted_too(client, pages):
    def hits():
        return QueryDailyHits.objects.filter(query__query_string="penalty").aggregate(
            total=Sum("hits")
        )["total"]

    assert client.get("/search/", {"q": "penalty"})["X-Page-Cache"] == "miss"
    for _ in range(BATCH):
        assert client.get("/search/", {"q": "penalty"})["X-Page-Cache"] == "hit"
    assert hits() == 1 + BATCH  # the first at once, then a batch of repeats


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own text search")
def test_on_postgresql_search_is_its_full_text_search_through_the_gin_index(client, pages):
    assert type(get_search_backend()).__name__ == "PostgresSearchBackend"
    _page, queries = searched_with_queries(client, q="penalty")
    matching = [sql for sql in queries if "@@" in sql and "wagtailcore_page" in sql]
    assert matching and "to_tsquery('english'" in matching[0]
    # The condition as the backend writes it, asked of the index entries alone: with a
    # few test pages PostgreSQL would rather read the table, so it is told not to.
    condition = re.search(r'\("wagtailsearch_indexentry"\."title" \|\| .*?\)\)', matching[0])
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN SELECT 1 FROM wagtailsearch_indexentry WHERE {condition[0]}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on guidance_search_title_body_gin" in plan
