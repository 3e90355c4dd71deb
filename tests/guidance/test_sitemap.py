"""sitemap.xml (an index of a section per language, each in files of at most 1,000
addresses, kept until anything is published) and robots.txt, which names it."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from forms_app.factories import FormPageFactory
from guidance.sitemap import LIMIT
from home.demo import translate_page
from home.page_cache import purge

from .pages_fixtures import add_guidance_page, add_guidance_pages, make_guidance_index

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def fetch(client, address):
    parts = urlsplit(address)
    path = f"{parts.path}?{parts.query}" if parts.query else parts.path
    response = client.get(path)
    assert response.status_code == 200, address
    assert response["Content-Type"] == "application/xml"
    return ElementTree.fromstring(response.content)


def section_files(client):
    index = fetch(client, "/sitemap.xml")
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    return [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]


def listed(client):
    """Every address the sitemap lists, by the file that lists it."""
    return {
        address: [loc.text for loc in fetch(client, address).findall("sm:url/sm:loc", NS)]
        for address in section_files(client)
    }


def live_public_addresses():
    return {page.get_full_url() for page in Page.objects.live().public().filter(depth__gt=1)}


@pytest.fixture
def index(home):
    return make_guidance_index(home)


def test_past_a_thousand_pages_each_file_lists_at_most_a_thousand_and_all_once(client, home, index):
    add_guidance_pages(index, [f"Attendance guidance {n:04d}" for n in range(LIMIT + 150)])
    draft = add_guidance_page(index, "Not yet published", publish_it=False)
    private = add_guidance_page(index, "For staff only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    translate_page(home, "cy", {})
    translate_page(index, "cy", {})
    welsh = index.get_translation(Locale.objects.get(language_code="cy"))

    files = listed(client)

    assert list(files) == [
        "http://localhost/sitemap-en.xml",
        "http://localhost/sitemap-en.xml?p=2",
        "http://localhost/sitemap-cy.xml",
    ]
    assert all(0 < len(addresses) <= LIMIT for addresses in files.values())
    everything = [address for addresses in files.values() for address in addresses]
    assert len(everything) == len(set(everything))  # none twice
    assert set(everything) == live_public_addresses()
    assert len(everything) == LIMIT + 150 + 4  # the pages, both homes and both indexes
    assert welsh.get_full_url() == "http://localhost/cy/guidance/"
    assert welsh.get_full_url() in files["http://localhost/sitemap-cy.xml"]
    assert draft.get_full_url() not in everything and private.get_full_url() not in everything


def test_each_page_says_when_it_was_last_published(client, index):
    page = add_guidance_page(index, "Penalty notices")
    xml = fetch(client, "/sitemap-en.xml")
    entry = next(
        url for url in xml.findall("sm:url", NS) if url.find("sm:loc", NS).text.endswith(page.url)
    )
    published = timezone.localdate(page.last_published_at).isoformat()
    assert entry.find("sm:lastmod", NS).text == published


def test_asked_again_the_sitemap_costs_no_query(client, index, django_assert_num_queries):
    add_guidance_pages(index, [f"Guidance {n}" for n in range(30)])
    purge()  # pages added without publishing them
    section_files(client)
    fetch(client, "/sitemap-en.xml")
    with django_assert_num_queries(0):
        assert section_files(client) == ["http://localhost/sitemap-en.xml"]
        assert len(fetch(client, "/sitemap-en.xml").findall("sm:url", NS)) == 32


def test_a_page_published_appears_at_once(client, index):
    before = listed(client)["http://localhost/sitemap-en.xml"]
    page = add_guidance_page(index, "School transport")  # published: a new generation
    after = listed(client)["http://localhost/sitemap-en.xml"]
    assert page.get_full_url() not in before
    assert page.get_full_url() in after


def test_a_page_unpublished_or_made_private_goes_at_once(client, index):
    page = add_guidance_page(index, "School transport")
    other = add_guidance_page(index, "Children missing education")
    assert {page.get_full_url(), other.get_full_url()} <= set(
        listed(client)["http://localhost/sitemap-en.xml"]
    )
    page.unpublish()
    PageViewRestriction.objects.create(page=other, restriction_type="login")
    addresses = listed(client)["http://localhost/sitemap-en.xml"]
    assert page.get_full_url() not in addresses and other.get_full_url() not in addresses


def test_addresses_do_not_follow_the_crawlers_language(client, home):
    # A form page's address follows the visitor's language (/pl/forms/...); in the
    # sitemap, kept for every crawler, it is the page's own.
    form = FormPageFactory(parent=home)
    client.cookies["django_language"] = "pl"
    addresses = listed(client)["http://localhost/sitemap-en.xml"]
    assert "http://localhost/home-education/" in addresses
    assert form.get_full_url() in addresses


@pytest.mark.parametrize(
    "address", ["/sitemap-xx.xml", "/sitemap-en.xml?p=9", "/sitemap-en.xml?p=x"]
)
def test_no_such_file(client, index, address):
    assert client.get(address).status_code == 404


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_private_areas(client, home):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text and "Disallow: /portal/" in text
    assert "Sitemap: http://localhost/sitemap.xml" in text
