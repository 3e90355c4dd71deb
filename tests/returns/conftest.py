from datetime import date, timedelta
from decimal import Decimal

import pytest

from portal.factories import MembershipFactory, SchoolFactory
from returns.models import ReturnPeriod, ReturnPupil, SchoolReturn

TODAY = date.today()


def make_period(name="Autumn term, second half", opens=-10, due=10, **kwargs):
    return ReturnPeriod.objects.create(
        name=name,
        cadence=ReturnPeriod.Cadence.HALF_TERMLY,
        opens_on=TODAY + timedelta(days=opens),
        due_on=TODAY + timedelta(days=due),
        **kwargs,
    )


def add_pupil(school_return, pupil="A.B.", starts=-20, review=30, ends=60, **kwargs):
    starts_on = TODAY + timedelta(days=starts)
    values = {
        "year_group": "5",
        "hours_per_week": Decimal("15"),
        "reason": ReturnPupil.Reason.MENTAL_HEALTH,
        "parental_agreement": True,
        "review_on": starts_on + timedelta(days=review),
        "ends_on": starts_on + timedelta(days=ends),
    }
    values.update(kwargs)
    return ReturnPupil.objects.create(
        school_return=school_return, pupil=pupil, starts_on=starts_on, **values
    )


@pytest.fixture
def period(school, other_school):
    return make_period()


@pytest.fixture
def own_return(period, school):
    return SchoolReturn.objects.get(period=period, school=school)


@pytest.fixture
def other_return(period, other_school):
    return SchoolReturn.objects.get(period=period, school=other_school)


@pytest.fixture
def other_school_user(other_school):
    return MembershipFactory(school=other_school, user__email="lead@beechfield.example").user


def pupil_answers(**overrides):
    """What a school types into the add-a-pupil form (dates as day, month, year)."""
    starts = TODAY - timedelta(days=14)
    review = starts + timedelta(weeks=6)
    ends = starts + timedelta(weeks=12)
    answers = {
        "pupil": "J803212345018",
        "year_group": "8",
        "starts_on_0": starts.day,
        "starts_on_1": starts.month,
        "starts_on_2": starts.year,
        "hours_per_week": "12.5",
        "reason": "physical_health",
        "parental_agreement": "yes",
        "review_on_0": review.day,
        "review_on_1": review.month,
        "review_on_2": review.year,
        "ends_on_0": ends.day,
        "ends_on_1": ends.month,
        "ends_on_2": ends.year,
        "sen": "none",
        "social_care": "social_worker",
    }
    answers.update(overrides)
    return answers


__all__ = ["SchoolFactory", "add_pupil", "make_period", "pupil_answers"]
