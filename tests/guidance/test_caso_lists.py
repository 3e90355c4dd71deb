"""A school's list of contacts at a county's size: each type of support counted and its
first few shown, each type's whole list a page at a time, and the dashboard panel in
brief; pages whose size and queries do not grow with the number of contacts."""

import csv
import io
import json
import re
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guidance.models import AgencyContact
from home.page_cache import purge
from portal.factories import MembershipFactory

from .caso_fixtures import *  # noqa: F403
from .caso_fixtures import add_contacts_in_bulk, make_contact

ALDERBROOK = "/community-support/school/190001/"
POLICE = ALDERBROOK + "type/police/"
CARD = 'class="govuk-summary-card"'


def fetch(client, url):
    """The page as a visitor gets it from a cold cache: its text and its queries."""
    purge()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def card_titles(page):
    return re.findall(r'<h3 class="govuk-summary-card__title"[^>]*>([^<]+)</h3>', page)


def expected_counts():
    """Each type's number of contacts on Alderbrook's list, counted here in Python."""
    counts = Counter()
    for contact in AgencyContact.objects.prefetch_related("localities", "schools"):
        names = {locality.name for locality in contact.localities.all()}
        urns = {school.urn for school in contact.schools.all()}
        if contact.countywide or "Northgate" in names or "190001" in urns:
            counts[contact.category] += 1
    return counts


def test_a_schools_page_is_the_same_size_and_cost_with_200_or_2000_contacts(client, directory):
    fetch(client, ALDERBROOK)  # warm per-process caches (content types, locales)
    add_contacts_in_bulk(200)
    small, small_queries = fetch(client, ALDERBROOK)
    add_contacts_in_bulk(1800, prefix="More service")
    large, large_queries = fetch(client, ALDERBROOK)

    assert large_queries == small_queries
    # Only the counts' digits differ: each type shows its first three whatever its size.
    assert len(large) - len(small) < 200
    assert len(large.encode()) < 200_000
    assert large.count(CARD) == 12 * 3

    counts = expected_counts()
    assert sum(counts.values()) == 2003
    assert "2003 agencies support this school" in large
    for value, label in AgencyContact.Category.choices:
        label = label.replace("'", "&#x27;")
        assert f"{label} ({counts[value]})</label>" in large
        assert f"{counts[value]} contacts. The first 3 are shown here." in large
        assert f'href="{ALDERBROOK}type/{value}/">See all {counts[value]} contacts for {label}' in (
            large
        )


def test_a_small_type_shows_every_contact_and_no_link(client, directory):
    page, _ = fetch(client, ALDERBROOK)
    assert "1 contact." in page and "The first" not in page and "See all" not in page
    assert page.count(CARD) == 3


def test_the_first_few_are_the_first_of_the_types_list_whichever_way_they_serve(
    client, directory, school, riverside_school
):
    # Alderbrook's police contacts come three ways; their names interleave.
    for name in ("Beta", "Delta", "Hotel"):
        make_contact("police", countywide=True, service_name=name, helps_with="x")
    for name in ("Alpha", "Echo"):
        make_contact("police", ["Northgate"], service_name=name, helps_with="x")
    for name in ("Charlie", "Golf"):
        make_contact("police", schools=[school], service_name=name, helps_with="x")
    make_contact("police", ["Riverside"], service_name="Able", helps_with="x")
    make_contact("police", schools=[riverside_school], service_name="Aardvark", helps_with="x")

    page, _ = fetch(client, ALDERBROOK)
    police = page.split(">Police<")[1].split('<h2 class="govuk-heading-l">')[0]
    assert card_titles(police) == ["Alpha", "Beta", "Charlie"]
    assert "8 contacts. The first 3 are shown here." in police

    whole, _ = fetch(client, POLICE)
    assert card_titles(whole) == [
        "Alpha",
        "Beta",
        "Charlie",
        "Delta",
        "Echo",
        "Golf",
        "Hotel",
        "Safer Schools Officer – Northgate",
    ]
    hollins = client.get("/community-support/school/190008/").content.decode()
    police = hollins.split(">Police<")[1]
    assert card_titles(police)[:3] == ["Aardvark", "Able", "Beta"]


@pytest.fixture
def many_police(directory):
    """45 police contacts in Northgate besides the Safer Schools Officer named for
    Alderbrook: 46, three pages of 20."""
    add_contacts_in_bulk(45, categories=["police"])
    purge()


def test_a_types_list_is_a_page_at_a_time(client, many_police):
    school_page, _ = fetch(client, ALDERBROOK)
    assert f'href="{POLICE}">See all 46 contacts for Police' in school_page

    first, _ = fetch(client, POLICE)
    assert "<h1" in first and "Police</h1>" in first
    assert "46 contacts of this type support this school" in first
    assert "Showing 1 to 20." in first
    titles = card_titles(first)
    assert len(titles) == 20 and titles[0].startswith("Bulk service 00000")
    assert 'class="govuk-pagination"' in first and 'href="?page=2"' in first
    assert "Bulk service 00025" not in first
    assert f'href="{ALDERBROOK}print/?category=police"' in first
    assert f'class="govuk-breadcrumbs__link" href="{ALDERBROOK}"' in first

    second, _ = fetch(client, POLICE + "?page=2")
    assert "(page 2 of 3)" in second.split("</title>")[0]
    assert "Bulk service 00025 – Team 4" in card_titles(second)
    assert 'rel="prev"' in second and 'href="?page=3"' in second

    last, _ = fetch(client, POLICE + "?page=3")
    assert len(card_titles(last)) == 6
    assert card_titles(last)[-1] == "Safer Schools Officer – Northgate"
    assert "Showing 41 to 46." in last


@pytest.mark.parametrize(
    "typed, shown",
    [("abc", 1), ("", 1), ("0", 3), ("-1", 3), ("999", 3), ("99999999999999999999", 3)],
)
def test_a_page_number_typed_wrong_shows_a_page_not_an_error(client, many_police, typed, shown):
    page, _ = fetch(client, f"{POLICE}?page={typed}")
    expected = f"(page {shown} of 3)" if shown > 1 else "Police: community support for"
    assert expected in page.split("</title>")[0]


def test_a_types_list_refuses_unknown_types_and_closed_schools(client, many_police, school):
    assert client.get(ALDERBROOK + "type/astrology/").status_code == 404
    assert client.get("/community-support/school/999999/type/police/").status_code == 404
    school.active = False
    school.save()
    assert client.get(POLICE).status_code == 404


def test_a_types_list_costs_the_same_queries_with_many_more_contacts(client, many_police):
    fetch(client, POLICE)
    _, few = fetch(client, POLICE + "?page=2")
    add_contacts_in_bulk(1000, categories=["police", "health"], prefix="More service")
    page, many = fetch(client, POLICE + "?page=2")
    assert many == few
    assert len(card_titles(page)) == 20
    assert "546 contacts of this type" in page


def test_the_print_view_is_every_contact_of_the_types_chosen(client, many_police):
    page, _ = fetch(client, ALDERBROOK + "print/")
    assert page.count(CARD) == 48  # 46 police, a school nurse and the Front Door
    police_only, _ = fetch(client, ALDERBROOK + "print/?category=police")
    assert police_only.count(CARD) == 46 and "School Health Nursing" not in police_only


def test_the_data_comes_a_page_at_a_time_with_counts(client, directory):
    add_contacts_in_bulk(240, categories=["police", "health"])
    purge()
    data = json.loads(client.get(ALDERBROOK + "contacts.json").content)
    assert data["count"] == 243 and data["pages"] == 3 and data["page"] == 1
    assert len(data["contacts"]) == 100 and data["previous"] is None
    assert data["next"].startswith("http://")
    assert data["next"].endswith(ALDERBROOK + "contacts.json?page=2")
    assert {row["category"]: row["count"] for row in data["categories"]} == {
        "health": 120,
        "school_nursing": 1,
        "social_care": 1,
        "police": 121,
    }
    # Types in the order they are declared, each type's contacts by name.
    assert data["contacts"][0]["service_name"] == "Bulk service 00001"
    assert data["contacts"][0]["category"] == "health"

    last = json.loads(client.get(ALDERBROOK + "contacts.json", {"page": "999"}).content)
    assert last["page"] == 3 and len(last["contacts"]) == 43 and last["next"] is None
    assert last["contacts"][-1]["service_name"] == "Safer Schools Officer"
    wrong = json.loads(client.get(ALDERBROOK + "contacts.json", {"page": "abc"}).content)
    assert wrong["page"] == 1

    police = json.loads(
        client.get(ALDERBROOK + "contacts.json", {"category": "police", "page": 2}).content
    )
    assert police["count"] == 121 and len(police["contacts"]) == 21
    assert police["previous"].endswith("contacts.json?category=police&page=1")
    assert [row["category"] for row in police["categories"]] == ["police"]


def test_the_spreadsheet_has_every_contact(client, directory):
    add_contacts_in_bulk(240)
    purge()
    response = client.get(ALDERBROOK + "contacts.csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert len(rows) == 1 + 243
    # In the order of the page: types as declared, then by name.
    assert rows[1][0] == "Health" and rows[-1][0] == "Housing and family support"


# The school users' dashboard


def test_the_panel_counts_each_type_and_names_the_first_few(
    client, directory, school_user, riverside_school
):
    add_contacts_in_bulk(40, categories=["police"])
    add_contacts_in_bulk(5, categories=["police"], locality="Riverside", prefix="River")
    MembershipFactory(school=riverside_school, user=school_user)
    client.force_login(school_user)
    page = client.get("/portal/").content.decode()
    panel = page.split("Community support around your school")[1].split("</section>")[0]
    alderbrook, hollins = panel.split("Alderbrook Primary</h3>")[1].split(
        "Hollins Lane Primary</h3>"
    )
    assert "Police (41)" in alderbrook
    assert "Bulk service 00000" in alderbrook and "Bulk service 00002" in alderbrook
    assert "Bulk service 00003" not in alderbrook
    assert f'<a class="govuk-link" href="{POLICE}">and 38 more' in alderbrook
    assert "School nursing (1)" in alderbrook and "Early help" not in alderbrook
    assert "Police (6)" in hollins and "River 00000" in hollins and "and 3 more" in hollins
    assert "Bulk service" not in hollins


def test_the_panel_is_the_same_size_and_cost_with_200_or_2000_contacts(
    client, directory, school_user, riverside_school
):
    MembershipFactory(school=riverside_school, user=school_user)
    client.force_login(school_user)
    fetch(client, "/portal/")  # warm per-process caches
    add_contacts_in_bulk(200)
    add_contacts_in_bulk(200, locality="Riverside", prefix="River")
    small, small_queries = fetch(client, "/portal/")
    add_contacts_in_bulk(1800, prefix="More service")
    add_contacts_in_bulk(1800, locality="Riverside", prefix="Zed river")
    large, large_queries = fetch(client, "/portal/")
    assert large_queries == small_queries
    assert len(large) - len(small) < 400
    assert large.count("more<span") == 2 * 12
    assert "More service" not in large  # "Bulk" comes first in each type


def test_a_types_list_is_kept_in_the_page_cache_until_a_contact_changes(client, many_police):
    purge()
    client.get(POLICE + "?page=2")
    assert client.get(POLICE + "?page=2")["X-Page-Cache"] == "hit"
    make_contact("police", ["Northgate"], service_name="Bulk service 00020a", helps_with="x")
    response = client.get(POLICE + "?page=2")
    assert response["X-Page-Cache"] == "miss"
    assert "Bulk service 00020a" in card_titles(response.content.decode())
