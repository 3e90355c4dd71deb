"""Fixtures for the CASO directory tests (imported by test_caso.py)."""

import pytest

from guidance.factories import AgencyContactFactory
from guidance.models import AgencyLocality, CasoDirectoryPage
from portal.factories import SchoolFactory, UserFactory

__all__ = ["caso_page", "directory", "editor", "make_contact", "riverside_school"]


def make_contact(category="health", localities=(), schools=(), **fields):
    contact = AgencyContactFactory.build(category=category, **fields)
    contact.localities = [AgencyLocality(name=name) for name in localities]
    contact.save()
    contact.schools.set(schools)
    return contact


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
