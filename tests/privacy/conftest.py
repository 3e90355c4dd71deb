import pytest

from portal.factories import UserFactory


@pytest.fixture
def ig_officer(db):
    return UserFactory(email="ig@council.example", is_staff=True, groups=["Information governance"])
