"""The CASO directory: finding a school, its contacts, downloads, the editors' CSV import
and export, the school users' dashboard panel and the demo content."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from guidance.caso_csv import COLUMNS
from guidance.models import AgencyContact, AgencyLocality, CasoDirectoryPage
from home.page_cache import purge
from portal.factories import MembershipFactory, SchoolFactory

from .caso_fixtures import *  # noqa: F403
from .caso_fixtures import make_contact

FINDER = "/community-support/"
ALDERBROOK = "/community-support/school/190001/"


def get_page(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200
    return response.content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# The finder


def test_finder_shows_a_search_form(client, caso_page):
    page = get_page(client, FINDER)
    assert 'method="get"' in page and "novalidate" in page
    assert '<label class="govuk-label govuk-label--m" for="school-search">' in page
    assert "Find your school to see the agencies around it." in page


def test_no_match_says_so_and_keeps_the_search(client, directory):
    page = get_page(client, FINDER, {"school": "Zebra Academy"})
    assert "No schools found" in page
    assert "No open school matches “Zebra Academy”." in page
    assert 'value="Zebra Academy"' in page


def test_an_empty_search_is_an_error(client, caso_page):
    page = get_page(client, FINDER, {"school": "  "})
    assert "<title>Error: Community support around each school" in page
    assert 'class="govuk-error-summary"' in page and 'href="#school-search"' in page


def test_several_matches_are_listed_to_choose_from(client, directory):
    page = get_page(client, FINDER, {"school": "primary"})
    assert "2 schools match your search" in page
    assert f'href="{ALDERBROOK}">Alderbrook Primary</a>' in page
    assert 'href="/community-support/school/190008/">Hollins Lane Primary</a>' in page


@pytest.mark.parametrize(
    "typed", ["Alderbrook", "alderbrook primary", "190001", "190 001", " 19 0001 "]
)
def test_one_match_goes_straight_to_the_schools_list(client, directory, typed):
    response = client.get(FINDER, {"school": typed})
    assert response.status_code == 302 and response["Location"] == ALDERBROOK


def test_a_closed_school_is_not_found(client, directory, school):
    school.active = False
    school.save()
    assert "No schools found" in get_page(client, FINDER, {"school": "190001"})
    only_open_one = client.get(FINDER, {"school": "primary"})
    assert only_open_one["Location"] == "/community-support/school/190008/"
    assert client.get(ALDERBROOK).status_code == 404


def test_locality_narrows_the_search_and_unknown_localities_are_ignored(client, directory):
    response = client.get(FINDER, {"school": "primary", "locality": "Riverside"})
    assert response["Location"] == "/community-support/school/190008/"
    # A locality alone lists its schools (one here, so straight to it).
    response = client.get(FINDER, {"school": "", "locality": "Northgate"})
    assert response["Location"] == ALDERBROOK
    page = get_page(client, FINDER, {"school": "primary", "locality": "Atlantis"})
    assert "2 schools match your search" in page
    assert '<option value="Riverside">Riverside</option>' in page


def test_an_unknown_school_gives_the_styled_404(client, caso_page):
    response = client.get("/community-support/school/999999/")
    assert response.status_code == 404 and "Page not found" in response.content.decode()


# A school's list


def test_a_schools_list_has_its_locality_countywide_and_named_contacts(client, directory):
    page = get_page(client, ALDERBROOK)
    assert "Alderbrook Primary" in page and "URN 190001, Northgate locality" in page
    assert "3 agencies support this school" in page
    assert "School Health Nursing – Northgate team" in page
    assert "Children&#x27;s Front Door" in page
    assert "Safer Schools Officer – Northgate" in page
    assert "Riverside" not in page.split('id="main-content"')[1]
    # Grouped by category, in the order the categories are declared.
    headings = [
        heading.split("</h2>")[0] for heading in page.split('<h2 class="govuk-heading-l">')[1:]
    ]
    assert headings == ["School nursing", "Children&#x27;s social care", "Police"]
    assert "Schools in Northgate" in page
    assert "Every school in the county" in page
    assert "Named for Alderbrook Primary" in page
    assert 'href="mailto:nurses.north@health.example"' in page
    assert 'href="https://health.example/school-nursing"' in page
    assert "01632 960 111" in page and "Polish" in page and "Ring the team." in page
    assert 'class="govuk-breadcrumbs__link" href="/community-support/"' in page


def test_a_contact_serving_two_ways_is_listed_once(client, directory, school):
    directory["local"].schools.add(school)
    page = get_page(client, ALDERBROOK)
    assert page.count("School Health Nursing – Northgate team") == 1


def test_category_filter_ignores_unknown_values(client, directory):
    page = get_page(client, ALDERBROOK, {"category": ["police", "no-such-thing"]})
    assert "Safer Schools Officer" in page and "School Health Nursing" not in page
    assert 'value="police" checked' in page
    assert "1 of them is of the types you chose" in page
    page = get_page(client, ALDERBROOK, {"category": "no-such-thing"})
    assert "School Health Nursing" in page and "Safer Schools Officer" in page


def test_everything_is_escaped(client, directory):
    make_contact(
        "health",
        countywide=True,
        service_name="<script>alert('x')</script>",
        helps_with="<b>bold</b>",
    )
    page = get_page(client, ALDERBROOK)
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<b>bold</b>" not in page


def test_print_view(client, directory):
    page = get_page(client, ALDERBROOK + "print/")
    assert "Safer Schools Officer" in page and "print command" in page
    assert 'name="category"' not in page
    assert 'href="/community-support/school/190001/print/"' in get_page(client, ALDERBROOK)


def test_json_download(client, directory):
    response = client.get(ALDERBROOK + "contacts.json", {"category": ["school_nursing", "x"]})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["school"] == {
        "urn": "190001",
        "name": "Alderbrook Primary",
        "locality": "Northgate",
    }
    assert data["contacts"] == [
        {
            "category": "school_nursing",
            "category_name": "School nursing",
            "service_name": "School Health Nursing",
            "team": "Northgate team",
            "helps_with": "Health worries that keep children off school.",
            "phone": "01632 960 111",
            "email": "nurses.north@health.example",
            "website": "https://health.example/school-nursing",
            "opening_hours": "Monday to Friday, 9am to 5pm",
            "how_to_refer": "Ring the team.",
            "languages": "Polish",
            "countywide": False,
            "localities": ["Northgate"],
            "named_for_school": False,
        }
    ]
    everything = json.loads(client.get(ALDERBROOK + "contacts.json").content)
    assert len(everything["contacts"]) == 3


def test_csv_download(client, directory):
    make_contact("voluntary", countywide=True, service_name="Pantry", helps_with='=HYPERLINK("x")')
    response = client.get(ALDERBROOK + "contacts.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="community-support-190001.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][:3] == ["Type of support", "Service", "Team"]
    assert len(rows) == 5
    police = next(row for row in rows if row[0] == "Police")
    assert police[1:3] == ["Safer Schools Officer", "Northgate"]
    assert police[-1] == "Named for Alderbrook Primary"
    pantry = next(row for row in rows if row[1] == "Pantry")
    assert pantry[3] == '\'=HYPERLINK("x")'  # a spreadsheet shows it, never runs it


def test_a_changed_contact_shows_at_once_despite_the_page_cache(client, directory):
    client.get(ALDERBROOK)
    assert client.get(ALDERBROOK)["X-Page-Cache"] == "hit"
    contact = directory["local"]
    contact.phone = "01632 960 999"
    contact.save()
    response = client.get(ALDERBROOK)
    assert response["X-Page-Cache"] == "miss" and "01632 960 999" in response.content.decode()


# Every query a school's list makes, the site frame built afresh included: the page's
# counts and first few of each type cost more than the whole list did, but never grow.
SCHOOL_LIST_QUERIES = 20


def test_a_schools_list_costs_the_same_queries_with_10000_contacts(
    client, directory, school, django_assert_max_num_queries
):
    client.get(ALDERBROOK)  # warm per-process caches (content types, locales)
    purge()
    with django_assert_max_num_queries(SCHOOL_LIST_QUERIES):
        client.get(ALDERBROOK)
    categories = AgencyContact.Category.values
    contacts = AgencyContact.objects.bulk_create(
        AgencyContact(
            category=categories[n % len(categories)],
            service_name=f"Bulk service {n}",
            helps_with="Bulk help.",
            countywide=n % 500 == 0,  # 20 countywide
        )
        for n in range(10_000)
    )
    AgencyLocality.objects.bulk_create(
        AgencyLocality(contact=contact, name="Northgate" if n % 200 == 1 else "Elsewhere")
        for n, contact in enumerate(contacts)
    )  # 50 in Northgate
    AgencyContact.schools.through.objects.bulk_create(
        AgencyContact.schools.through(agencycontact_id=contact.pk, school_id=school.pk)
        for contact in contacts[2::400]
    )  # 25 named for the school
    purge()
    with django_assert_max_num_queries(SCHOOL_LIST_QUERIES):
        page = get_page(client, ALDERBROOK)
    assert "98 agencies support this school" in page
    for suffix in ("contacts.json", "contacts.csv", "print/"):
        purge()
        with django_assert_max_num_queries(SCHOOL_LIST_QUERIES):
            response = client.get(ALDERBROOK + suffix)
            assert response.status_code == 200
            assert response.getvalue()  # a CSV is read from the database as it streams


def test_the_finder_lists_many_schools_without_a_query_per_school(
    client, directory, django_assert_max_num_queries
):
    client.get(FINDER, {"school": "primary"})
    purge()
    few = count_queries(client, FINDER + "?school=primary")
    for n in range(30):
        SchoolFactory(name=f"Extra Primary {n}", locality="Eastmoor")
    purge()
    with django_assert_max_num_queries(few):
        page = get_page(client, FINDER, {"school": "primary"})
    assert "32 schools match your search" in page


# Editors: the snippet listing, export and import


def upload(client, content, name="contacts.csv"):
    if isinstance(content, str):
        content = content.encode("utf-8")
    return client.post(
        reverse("caso_import"), {"file": SimpleUploadedFile(name, content, "text/csv")}
    )


def csv_text(*rows, header=COLUMNS):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    return out.getvalue()


def test_editors_list_contacts_without_a_query_per_row(
    client, directory, editor, django_assert_max_num_queries
):
    client.force_login(editor)
    url = reverse("wagtailsnippets_guidance_agencycontact:list")
    count_queries(client, url)  # warm per-process caches
    few = count_queries(client, url)
    for n in range(30):
        make_contact("housing", ["Northgate", "Riverside"], service_name=f"Housing {n}")
    with django_assert_max_num_queries(few):
        page = get_page(client, url)
    assert "Housing 29" in page and "Northgate; Riverside" in page and "Countywide" in page
    assert "Type of support" in page and "Last changed" in page
    by_type = get_page(client, url, {"ordering": "-category"})
    assert by_type.index("Safer Schools Officer") < by_type.index(
        "Housing 29"
    )  # "police" sorts after "housing"
    page = get_page(client, url, {"category": "police"})
    assert "Safer Schools Officer" in page and "Housing 1" not in page
    page = get_page(client, url, {"q": "front do"})
    assert "Children&#x27;s Front Door" in page and "Safer Schools" not in page
    assert reverse("caso_import") in get_page(client, url)


def test_export_writes_one_row_per_contact(client, directory, editor, school, riverside_school):
    directory["local"].schools.set([school, riverside_school])
    directory["local"].localities = [
        AgencyLocality(name="Northgate"),
        AgencyLocality(name="Riverside"),
    ]
    directory["local"].save()
    client.force_login(editor)
    response = client.get(reverse("caso_export"))
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert len(rows) == AgencyContact.objects.count() == 5
    nurses = next(row for row in rows if row["service_name"] == "School Health Nursing")
    assert nurses["localities"] == "Northgate; Riverside"
    assert nurses["school_urns"] == "190001; 190008"
    assert nurses["countywide"] == "no" and nurses["category"] == "school_nursing"
    front_door = next(row for row in rows if row["service_name"] == "Children's Front Door")
    assert front_door["countywide"] == "yes"


def test_import_creates_and_updates_in_one_go(client, directory, editor):
    client.force_login(editor)
    response = upload(
        client,
        csv_text(
            {
                "category": "School nursing",  # a category's name works as well as its code
                "service_name": "School Health Nursing",
                "team": "Northgate team",
                "helps_with": "New words.",
                "phone": "01632 960 222",
                "countywide": "no",
                "localities": "Northgate; Riverside",
                "school_urns": "190 008",
            },
            {
                "category": "voluntary",
                "service_name": "Young Carers",
                "helps_with": "Children who look after someone.",
                "email": "hello@carers.example",
                "website": "https://carers.example",
                "countywide": "yes",
            },
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailsnippets_guidance_agencycontact:list")
    assert AgencyContact.objects.count() == 6
    nurses = AgencyContact.objects.get(pk=directory["local"].pk)
    assert nurses.helps_with == "New words." and nurses.phone == "01632 960 222"
    assert [locality.name for locality in nurses.localities.all()] == ["Northgate", "Riverside"]
    assert [school.urn for school in nurses.schools.all()] == ["190008"]
    carers = AgencyContact.objects.get(service_name="Young Carers")
    assert carers.countywide and carers.category == "voluntary"
    page = client.get(response["Location"]).content.decode()
    assert "Contacts imported: 1 new, 1 updated." in page


def test_an_exported_file_imports_unchanged(client, directory, editor):
    client.force_login(editor)
    directory["countywide"].phone = "+44 1632 960 000"  # exported with a guard apostrophe
    directory["countywide"].save()
    exported = client.get(reverse("caso_export")).getvalue()
    before = client.get(reverse("caso_export")).getvalue()
    response = upload(client, exported)
    assert response.status_code == 302
    assert AgencyContact.objects.count() == 5
    assert AgencyContact.objects.get(pk=directory["countywide"].pk).phone == "+44 1632 960 000"
    assert client.get(reverse("caso_export")).getvalue() == before


def test_one_bad_row_means_nothing_is_imported_and_a_report(client, directory, editor):
    client.force_login(editor)
    good = {"category": "health", "service_name": "Fine service", "helps_with": "Things."}
    response = upload(
        client,
        csv_text(
            good,
            {"category": "astrology", "service_name": "Stars", "helps_with": "x"},
            {"category": "health", "service_name": "", "helps_with": "x", "email": "not-an-email"},
            {
                "category": "health",
                "service_name": "Links",
                "helps_with": "x",
                "website": "javascript:alert(1)",
                "school_urns": "190001; 123456",
                "localities": "Atlantis",
                "countywide": "maybe",
            },
            good,
        ),
    )
    assert response.status_code == 200
    assert AgencyContact.objects.count() == 5  # nothing new
    problems = [
        [cell.strip() for cell in row.split("</td><td>")]
        for row in response.content.decode()
        .split("<tbody>")[1]
        .split("</tbody>")[0]
        .split("<tr><td>")[1:]
    ]
    found = {(row[0], row[1]) for row in problems}
    assert found == {
        ("3", "category"),
        ("4", "service_name"),
        ("4", "email"),
        ("5", "website"),
        ("5", "school_urns"),
        ("5", "localities"),
        ("5", "countywide"),
        ("6", "service_name"),  # the same service and team twice
    }
    page = response.content.decode()
    assert "Nothing was imported: the file has 8 problems." in page
    assert "Unknown category “astrology”." in page
    assert "No school has the URN “123456”." in page
    assert "The same service and team are already on row 2." in page


def test_a_file_that_is_not_utf8_is_refused(client, directory, editor):
    client.force_login(editor)
    text = csv_text({"category": "health", "service_name": "Café", "helps_with": "x"})
    response = upload(client, text.encode("latin-1"))
    assert response.status_code == 200
    assert "The file is not UTF-8 text." in response.content.decode()
    assert not AgencyContact.objects.filter(service_name__startswith="Caf").exists()


def test_a_big_file_and_a_file_with_wrong_columns_are_refused(client, caso_page, editor):
    client.force_login(editor)
    big = csv_text({"category": "health", "service_name": "x", "helps_with": "y" * 3_000_000})
    assert "smaller than 2 MB" in upload(client, big).content.decode()
    wrong = csv_text({"service_name": "x"}, header=["service_name", "emial"])
    page = upload(client, wrong).content.decode()
    assert "Missing: category, helps_with" in page and "Not recognised: emial" in page
    assert not AgencyContact.objects.exists()


def test_officers_cannot_import_or_export_and_anonymous_visitors_sign_in(
    client, directory, attendance_officer
):
    assert client.get(reverse("caso_import"))["Location"].startswith("/admin/login/")
    assert client.get(reverse("caso_export"))["Location"].startswith("/admin/login/")
    # Wagtail refuses a signed-in user with a redirect to the admin dashboard.
    client.force_login(attendance_officer)
    assert client.get(reverse("caso_import"))["Location"] == "/admin/"
    good = {"category": "health", "service_name": "Sneaky", "helps_with": "x"}
    assert upload(client, csv_text(good))["Location"] == "/admin/"
    assert client.get(reverse("caso_export"))["Location"] == "/admin/"
    assert not AgencyContact.objects.filter(service_name="Sneaky").exists()


# The school users' dashboard


def test_dashboard_shows_a_users_own_schools_contacts_only(
    client, directory, school_user, riverside_school
):
    client.force_login(school_user)
    page = get_page(client, "/portal/")
    assert "Community support around your school" in page
    assert "School Health Nursing" in page and "Children&#x27;s Front Door" in page
    assert "Safer Schools Officer – Northgate" in page
    assert "Safer Schools Officer – Riverside" not in page
    assert "Early Help Locality Team" not in page
    assert f'href="{ALDERBROOK}"' in page

    riverside_user = MembershipFactory(
        school=riverside_school, user__email="dsl@hollins.example"
    ).user
    client.force_login(riverside_user)
    page = get_page(client, "/portal/")
    assert "Safer Schools Officer – Riverside" in page and "Early Help Locality Team" in page
    assert "School Health Nursing" not in page
    assert "Safer Schools Officer – Northgate" not in page


def test_dashboard_panel_for_two_schools_costs_no_query_per_contact(
    client, directory, school_user, riverside_school, django_assert_max_num_queries
):
    MembershipFactory(school=riverside_school, user=school_user)
    closed = SchoolFactory(name="Closed Primary", locality="Eastmoor", active=False)
    MembershipFactory(school=closed, user=school_user)
    client.force_login(school_user)
    client.get("/portal/")  # warm per-process caches
    purge()  # the site frame is rebuilt both times: saving contacts empties the page cache
    few = count_queries(client, "/portal/")
    for n in range(40):
        make_contact("housing", ["Northgate", "Riverside"], service_name=f"Housing {n}")
    purge()
    with django_assert_max_num_queries(few):
        page = get_page(client, "/portal/")
    # Each school's panel names the first three by name and counts the rest.
    assert page.count("Housing and family support (40)") == 2
    assert page.count("Housing 0") == page.count("Housing 10") == 2
    assert "Housing 11" not in page and "Housing 39" not in page
    assert page.count("and 37 more") == 2
    assert "Closed Primary" not in page


def test_no_panel_for_a_user_without_a_school(client, directory):
    from portal.factories import UserFactory

    client.force_login(UserFactory(email="lonely@school.example"))
    assert "Community support around your school" not in get_page(client, "/portal/")


# Demo content


def demo_counts():
    return {
        "contacts": AgencyContact.objects.count(),
        "localities": AgencyLocality.objects.count(),
        "named": AgencyContact.schools.through.objects.count(),
        "pages": CasoDirectoryPage.objects.count(),
        "changed": sorted(AgencyContact.objects.values_list("updated_at", flat=True)),
    }


def test_demo_directory_is_seeded_once(client, db):
    call_command("seed_demo", stdout=io.StringIO())
    first = demo_counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert demo_counts() == first

    contacts = AgencyContact.objects.all()
    assert contacts.count() >= 40
    assert contacts.values("category").distinct().count() >= 8
    assert contacts.filter(countywide=True).exists()
    assert AgencyContact.schools.through.objects.exists()
    assert set(AgencyLocality.objects.values_list("name", flat=True)) == {
        "Northgate",
        "Riverside",
        "Eastmoor",
        "Westfield",
    }
    for contact in contacts:
        assert not contact.phone or contact.phone.startswith("01632 960"), contact
        assert not contact.email or contact.email.endswith(".example"), contact
    page = CasoDirectoryPage.objects.get(locale__language_code="en")
    assert page.slug == "community-support" and page.live and page.show_in_menus
    translated = CasoDirectoryPage.objects.exclude(pk=page.pk).live()
    assert sorted(translated.values_list("locale__language_code", flat=True)) == [
        "cy",
        "pl",
        "ro",
        "ur",
    ]
    assert page.get_parent().depth == 2 and page.locale.language_code == "en"
    client.defaults["HTTP_HOST"] = "localhost"
    assert 'href="/community-support/"' in client.get("/").content.decode()
    # One demo school has a type of support long enough for a second page.
    page = get_page(client, ALDERBROOK)
    voluntary = f'href="{ALDERBROOK}type/voluntary/">See all 22 contacts for Voluntary'
    assert voluntary in page
    second = get_page(client, ALDERBROOK + "type/voluntary/", {"page": 2})
    assert "(page 2 of 2)" in second and second.count('class="govuk-summary-card"') == 2
