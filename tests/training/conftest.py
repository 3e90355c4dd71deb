from datetime import timedelta

import pytest
from django.utils import timezone

from portal.factories import UserFactory
from training.models import Audience, CoursePage, Session, TrainingIndexPage


@pytest.fixture
def index(home):
    page = TrainingIndexPage(title="Training", slug="training", show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_course(
    index, slug="attendance-law", fmt="in_person", audiences=("governors",), sessions=()
):
    """A published course; `sessions` are (days from now, places) pairs."""
    now = timezone.now()
    course = CoursePage(
        title=f"Course {slug}",
        slug=slug,
        summary="A summary.",
        description="<p>About it.</p>",
        format=fmt,
        duration="2 hours",
        sessions=[
            Session(
                starts_at=now + timedelta(days=days),
                ends_at=now + timedelta(days=days, hours=2),
                capacity=places,
                venue="County Hall",
                joining_details="https://meet.example/secret-room",
            )
            for days, places in sessions
        ],
    )
    course.audiences = list(Audience.objects.filter(slug__in=audiences, locale__language_code="en"))
    index.add_child(instance=course)
    course.save_revision().publish()
    return course


@pytest.fixture
def course(index):
    return make_course(index, fmt="online", sessions=[(10, 3), (20, 3)])


@pytest.fixture
def session(course):
    return course.sessions.order_by("starts_at").first()


@pytest.fixture
def later_session(course):
    return course.sessions.order_by("starts_at").last()


@pytest.fixture
def training_admin(db):
    return UserFactory(
        email="trainer@council.example", is_staff=True, groups=["Training administrators"]
    )


DETAILS = {
    "name": "Ada Booker",
    "email": "ada@school.example",
    "role": "attendance_lead",
    "school": "none",
    "needs": "",
}
