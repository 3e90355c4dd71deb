import pytest

from portal.factories import UserFactory


@pytest.fixture
def ig_officer(db):
    """Information governance: reads the audit log, answers subject access requests."""
    return UserFactory(email="ig@council.example", is_staff=True, groups=["Information governance"])


@pytest.fixture
def ehe_officer(db):
    return UserFactory(email="ehe@council.example", is_staff=True, groups=["EHE officers"])
