"""Training's models: courses, sessions and bookings first, then the index page, which
lists sessions (training/listing.py reads the courses' models)."""

from .courses import Audience, Booking, CoursePage, Feedback, Session, new_reference
from .index import TrainingIndexPage

__all__ = [
    "Audience",
    "Booking",
    "CoursePage",
    "Feedback",
    "Session",
    "TrainingIndexPage",
    "new_reference",  # named by migration 0001
]
