import sqlite3
from contextlib import closing

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.factories import HomePageFactory
from home.models import CouncilSettings
from portal.factories import MembershipFactory, SchoolFactory, UserFactory

from .clients import PortalClient

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    """The test databases, migrated (pytest-django's fixture). Its value: when the test
    database is SQLite, a copy in a file made before any test changes it, for a test that
    runs the portal in a process of its own (migrating one afresh takes most of a
    minute); else None."""
    name = connection.settings_dict["NAME"]
    if connection.vendor != "sqlite" or not connection.creation.is_in_memory_db(name):
        return None
    copy = tmp_path_factory.mktemp("migrated") / "portal.sqlite3"
    with django_db_blocker.unblock(), closing(sqlite3.connect(copy)) as target:
        connection.ensure_connection()
        connection.connection.backup(target)
    return copy


@pytest.fixture
def migrated_sqlite(django_db_setup):
    """A migrated SQLite database file to copy, or None (the suite runs on PostgreSQL).
    A test using it is marked django_db, so that the test database is set up."""
    return django_db_setup


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in English: a request in another language leaves that language
    active in this thread, and a form page's address follows the active language."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def client():
    # Staff signed in with force_login give their second factor too (tests/clients.py).
    return PortalClient(HTTP_HOST="localhost")


@pytest.fixture
def home(db):
    """A home page at the root of the default site, with the council's settings."""
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for page in root.get_children():
        page.delete()
    home = HomePageFactory(parent=root, slug="home")
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    CouncilSettings.objects.create(
        site=site,
        council_name="Testshire Council",
        service_name="School attendance service",
        phone="01632 960 000",
        email="attendance@testshire.example",
    )
    return home


@pytest.fixture
def other_locales(db):
    return [
        Locale.objects.get_or_create(language_code=code)[0] for code in ("cy", "pl", "ro", "ur")
    ]


@pytest.fixture
def school(db):
    return SchoolFactory(name="Alderbrook Primary", urn="190001")


@pytest.fixture
def other_school(db):
    return SchoolFactory(name="Beechfield Primary", urn="190002")


@pytest.fixture
def school_user(school):
    return MembershipFactory(school=school, user__email="lead@alderbrook.example").user


@pytest.fixture
def governor(school):
    from portal.models import Membership

    return MembershipFactory(
        school=school, user__email="governor@alderbrook.example", role=Membership.Role.GOVERNOR
    ).user


@pytest.fixture
def attendance_officer(db):
    return UserFactory(
        email="officer@council.example", is_staff=True, groups=["Attendance officers"]
    )


@pytest.fixture
def ehe_officer(db):
    return UserFactory(email="ehe@council.example", is_staff=True, groups=["EHE officers"])


@pytest.fixture
def ig_officer(db):
    """Information governance: reads the audit log, answers subject access requests."""
    return UserFactory(email="ig@council.example", is_staff=True, groups=["Information governance"])
