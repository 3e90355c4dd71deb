"""An .ics calendar file for a booked session, attached to confirmation emails."""

from shared.calendars import calendar_file, event


def session_ics(booking, include_joining_details=True):
    session, course = booking.session, booking.session.course
    # One UID per booking, so a moved booking updates the same calendar entry.
    entry = event(
        f"{booking.reference}@training.attendance-portal",
        session.starts_at,
        session.ends_at,
        course.title,
        "Online" if course.is_online else session.venue,
    )
    if course.is_online and include_joining_details and session.joining_details:
        entry.add("description", session.joining_details)
    return calendar_file("Training", "PUBLISH", entry)


def attachment(booking):
    return ("training.ics", session_ics(booking), "text/calendar")
