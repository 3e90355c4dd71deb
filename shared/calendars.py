"""iCalendar (.ics) files, as RFC 5545 asks for them: a calendar of one event with the
portal's product name and the method (PUBLISH for a file to keep, REQUEST or CANCEL
for an invitation). The apps add what their own events carry."""

from django.utils import timezone
from icalendar import Calendar, Event


def event(uid, starts_at, ends_at, summary, location=""):
    """An event with what every one needs: the UID a calendar finds it by again, when it
    was made, its times and title, and where (its lines joined: an address is one line)."""
    found = Event()
    found.add("uid", uid)
    found.add("dtstamp", timezone.now())
    found.add("dtstart", starts_at)
    found.add("dtend", ends_at)
    found.add("summary", summary)
    if location:
        found.add("location", " ".join(location.split()))
    return found


def calendar_file(product, method, one_event):
    """The .ics file's bytes: `product` names the part of the portal ("Training")."""
    calendar = Calendar()
    calendar.add("prodid", f"-//School attendance portal//{product}//EN")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    calendar.add_component(one_event)
    return calendar.to_ical()
