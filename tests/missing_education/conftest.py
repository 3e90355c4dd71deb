import pytest

from missing_education.factories import CaseFactory
from portal.factories import UserFactory


@pytest.fixture
def tracker(db):
    """A pupil tracking officer."""
    return UserFactory(
        email="tracker@council.example", first_name="Ruth", last_name="Adeyemi",
        is_staff=True, groups=["Pupil tracking officers"],
    )  # fmt: skip


@pytest.fixture
def case(school):
    return CaseFactory(last_school=school, first_name="Tia", last_name="Marsh")


@pytest.fixture
def other_case(other_school):
    return CaseFactory(last_school=other_school, first_name="Amir", last_name="Haddad")
