"""Site search, sitemap.xml and robots.txt."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from guidance.factories import AgencyContactFactory, GuidanceIndexPageFactory, GuidancePageFactory
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
    search(client, q="penalty")
    with django_assert_max_num_queries(25):
        page = search(client, q="penalty")
    assert "Next" in page  # more than one page of results


def test_sitemap_lists_live_pages(client, pages):
    xml = client.get("/sitemap.xml").content.decode()
    assert f"<loc>http://localhost{pages['penalty'].url}</loc>" in xml
    assert "<urlset" in xml


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_private_areas(client, home):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text and "Disallow: /portal/" in text
    assert "Sitemap: http://localhost/sitemap.xml" in text
