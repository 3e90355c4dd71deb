"""Fixtures for the CASO directory tests (imported by test_caso.py)."""

import pytest

from guidance.factories import AgencyContactFactory
from guidance.models import AgencyContact, AgencyLocality, CasoDirectoryPage
from portal.factories import SchoolFactory, UserFactory

__all__ = [
    "add_contacts_in_bulk",
    "caso_page",
    "directory",
    "editor",
    "make_contact",
    "riverside_school",
]


def make_contact(category="health", localities=(), schools=(), **fields):
    contact = AgencyContactFactory.build(category=category, **fields)
    contact.localities = [AgencyLocality(name=name) for name in localities]
    contact.save()
    contact.schools.set(schools)
    return contact


def add_contacts_in_bulk(count, categories=None, locality="Northgate", prefix="Bulk service"):
    """`count` contacts of a county's size at once (bulk_create: no signals, so the
    caller empties the page cache), in `locality`, the `categories` taken in turn (every
    type by default), each with every detail filled in as a real entry has."""
    categories = categories or AgencyContact.Category.values
    contacts = AgencyContact.objects.bulk_create(
        AgencyContact(
            category=categories[n % len(categories)],
            service_name=f"{prefix} {n:05d}",
            team=f"Team {n % 7}",
            helps_with="Help for families when something gets in the way of school: "
            "worries about health, money, housing or safety, and someone to talk to.",
            phone="01632 960 500",
            email=f"service{n}@agency.example",
            website=f"https://agency.example/services/{n}",
            opening_hours="Monday to Friday, 9am to 5pm",
            how_to_refer="Ring or email the team; families may refer themselves.",
            languages="Polish, Urdu",
        )
        for n in range(count)
    )
    AgencyLocality.objects.bulk_create(
        AgencyLocality(contact=contact, name=locality) for contact in contacts
    )
    return contacts


@pytest.fixture
def caso_page(home):
    page = CasoDirectoryPage(
        title="Community support around each school",
        slug="community-support",
        introduction="<p>Find your school to see the agencies around it.</p>",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def riverside_school(db):
    return SchoolFactory(name="Hollins Lane Primary", urn="190008", locality="Riverside")


@pytest.fixture
def directory(caso_page, school, riverside_school):
    """Contacts from each source around Alderbrook Primary (190001, Northgate), and some
    that serve only Hollins Lane Primary (190008, Riverside)."""
    return {
        "local": make_contact(
            "school_nursing",
            ["Northgate"],
            service_name="School Health Nursing",
            team="Northgate team",
            helps_with="Health worries that keep children off school.",
            phone="01632 960 111",
            email="nurses.north@health.example",
            website="https://health.example/school-nursing",
            opening_hours="Monday to Friday, 9am to 5pm",
            how_to_refer="Ring the team.",
            languages="Polish",
        ),
        "countywide": make_contact(
            "social_care",
            countywide=True,
            service_name="Children's Front Door",
            helps_with="Worries that a child is at risk of harm.",
        ),
        "named": make_contact(
            "police",
            schools=[school],
            service_name="Safer Schools Officer",
            team="Northgate",
            helps_with="Online safety and antisocial behaviour.",
        ),
        "riverside": make_contact(
            "early_help",
            ["Riverside"],
            service_name="Early Help Locality Team",
            team="Riverside",
            helps_with="Family support.",
        ),
        "named_riverside": make_contact(
            "police",
            schools=[riverside_school],
            service_name="Safer Schools Officer",
            team="Riverside",
            helps_with="Online safety.",
        ),
    }


@pytest.fixture
def editor(db):
    return UserFactory(email="editor@council.example", is_staff=True, groups=["Editors"])
