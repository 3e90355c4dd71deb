"""Which stored pages a change to a session or a booking empties from the anonymous page
cache: its course's pages, in every language, which show the places left, and the index
pages, which show whether each session has places. Signals rather than calls in
services.py, so that every way a place is taken or freed (booking, cancelling, moving,
the waiting list, an offer lapsing, the admin, a session added, changed or removed) is
covered, including ways added later."""

from django.db.models.signals import post_delete, post_save

from home import page_versions

from .models import Booking, CoursePage, Session
from .models.courses import page_cache_name
from .models.index import SESSIONS_PAGE_CACHE_NAME

# A booking saved with only other fields (a reminder sent, attendance marked) takes and
# frees no place.
PLACE_FIELDS = {"status", "session"}


def _session_changed(session):
    try:
        course = session.course
    except CoursePage.DoesNotExist:  # deleted with its course: the deletion empties all
        page_versions.move(SESSIONS_PAGE_CACHE_NAME)
        return
    page_versions.move(page_cache_name(course), SESSIONS_PAGE_CACHE_NAME)


def booking_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and not PLACE_FIELDS & set(update_fields):
        return
    _session_changed(instance.session)


def booking_deleted(sender, instance, **kwargs):
    _session_changed(instance.session)


def session_changed(sender, instance, **kwargs):
    _session_changed(instance)


def connect_signals():
    post_save.connect(booking_saved, sender=Booking, dispatch_uid="training_pages_booking_saved")
    post_delete.connect(
        booking_deleted, sender=Booking, dispatch_uid="training_pages_booking_deleted"
    )
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(
            session_changed, sender=Session, dispatch_uid=f"training_pages_session_{name}"
        )
