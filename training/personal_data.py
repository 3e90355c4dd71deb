"""What training holds about a person, for subject access and erasure (shared/personal_data.py):
their bookings, with any feedback they gave."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shared import times
from shared.personal_data import MAX_PER_KIND, Held, erased_email

from .models import Booking, Feedback

ERASED_NAME = "(erased)"


def anonymise(booking):
    """Keep the booking's place in registers and counts, without who it was."""
    with transaction.atomic():
        booking.name = ERASED_NAME
        booking.email = erased_email(booking.pk)
        booking.needs = ""
        booking.user = None
        booking.save(update_fields=["name", "email", "needs", "user", "updated_at"])
        Feedback.objects.filter(booking=booking).exclude(comments="").update(comments="")
    return "anonymised"


def find_bookings(query):
    condition = query.condition(name_fields=["name"], email_fields=["email", "user__email"])
    if condition is None:
        return []
    bookings = (
        Booking.objects.filter(condition)
        .select_related("session__course", "school", "feedback")
        .order_by("-created_at")[:MAX_PER_KIND]
    )
    now = timezone.now()
    found = []
    for booking in bookings:
        session = booking.session
        feedback = getattr(booking, "feedback", None)
        over = session.ends_at < now or booking.status not in Booking.ACTIVE
        found.append(
            Held(
                service="training",
                kind="booking",
                reference=booking.reference,
                description=f"{session.course.title}, {times.day(session.starts_at)}: "
                f"{booking.get_status_display().lower()}",
                when=booking.created_at,
                record=booking,
                data={
                    "reference": booking.reference,
                    "course": session.course.title,
                    "session_starts": session.starts_at.isoformat(),
                    "name": booking.name,
                    "email": booking.email,
                    "role": booking.get_role_display(),
                    "school": str(booking.school or ""),
                    "access_or_dietary_needs": booking.needs,
                    "status": booking.get_status_display(),
                    "attendance": booking.get_attendance_display(),
                    "booked": booking.created_at.isoformat(),
                    "feedback": (
                        {"rating": feedback.rating, "comments": feedback.comments}
                        if feedback
                        else None
                    ),
                },
                erase=(lambda booking=booking: anonymise(booking)) if over else None,
                erase_label=_("Anonymise the booking (the register keeps a place, not a name)"),
                kept_because=""
                if over
                else _("The session has not happened yet: cancel the booking first."),
            )
        )
    return found
