"""An .ics calendar file for a booked session, attached to confirmation emails."""

from django.utils import timezone
from icalendar import Calendar, Event


def session_ics(booking, include_joining_details=True):
    session, course = booking.session, booking.session.course
    calendar = Calendar()
    calendar.add("prodid", "-//School attendance portal//Training//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    # One UID per booking, so a moved booking updates the same calendar entry.
    event.add("uid", f"{booking.reference}@training.attendance-portal")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("summary", course.title)
    if course.is_online:
        event.add("location", "Online")
        if include_joining_details and session.joining_details:
            event.add("description", session.joining_details)
    elif session.venue:
        event.add("location", " ".join(session.venue.split()))
    calendar.add_component(event)
    return calendar.to_ical()


def attachment(booking):
    return ("training.ics", session_ics(booking), "text/calendar")
