"""The calendar invitation to a targeting support meeting: who is invited (the school's
attendance leads; its headteacher when it has none), the .ics file, and sending it.

A meeting scheduled, moved (its time, length or place changed), cancelled or put back
on queues one task once the change is committed. The task sends whatever the meeting
says then, so a task that runs late never undoes a later change; the meeting's
`sequence` goes up by one with every invitation sent after the first, as RFC 5545
asks, so calendars replace the entry they hold rather than adding another. `invited_at`
is set only once the email has gone: a failure raises, and the worker tries again."""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_q.tasks import async_task
from icalendar import vCalAddress, vText

from portal.models import Membership
from portal.tasks import deliver_email
from shared.calendars import calendar_file
from shared.calendars import event as calendar_event

from .models import SupportMeeting

INVITED_ROLES = (Membership.Role.ATTENDANCE_LEAD, Membership.Role.HEADTEACHER)
# What, changed, sends the invitation again.
MOVING_FIELDS = ("starts_at", "minutes", "place")


def invitees(school):
    """[(email, name, language), ...]: the school's attendance leads, or its headteachers
    when it has no attendance lead with an account. One query."""
    rows = list(
        Membership.objects.filter(
            school=school, role__in=INVITED_ROLES, user__is_active=True
        ).values_list(
            "role", "user__email", "user__first_name", "user__last_name", "user__language"
        )
    )
    leads = [row for row in rows if row[0] == Membership.Role.ATTENDANCE_LEAD]
    chosen = leads or rows
    return sorted(
        (email, f"{first} {last}".strip(), language or settings.LANGUAGE_CODE)
        for _role, email, first, last, language in chosen
    )


def uid(meeting):
    """One per meeting, whatever changes: calendars find the entry by it."""
    return f"support-meeting-{meeting.pk}@attendance.attendance-portal"


def summary(meeting):
    return _("Targeting support meeting: %(school)s") % {"school": meeting.school.name}


def meeting_ics(meeting, method, sequence, attendees=(), page_url=""):
    """The meeting as an iCalendar file. `method`: REQUEST (an invitation or its update),
    CANCEL, or PUBLISH (a file to download)."""
    event = calendar_event(
        uid(meeting),
        meeting.starts_at,
        meeting.starts_at + timedelta(minutes=meeting.minutes),
        summary(meeting),
        meeting.place,
    )
    event.add("sequence", sequence)
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    if page_url:
        event.add("description", page_url)
    officer = meeting.officer
    organiser = vCalAddress(f"mailto:{officer.email if officer else settings.DEFAULT_FROM_EMAIL}")
    if officer:
        organiser.params["cn"] = vText(str(officer))
    event.add("organizer", organiser)
    for email, name, _language in attendees:
        attendee = vCalAddress(f"mailto:{email}")
        if name:
            attendee.params["cn"] = vText(name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("NEEDS-ACTION")
        event.add("attendee", attendee, encode=0)
    return calendar_file("Attendance", method, event)


def page_url(meeting):
    """In the active language (a link in an email opens the page in the reader's)."""
    path = reverse("attendance:meeting", args=[meeting.school.urn, meeting.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def queue(meeting):
    """Send the invitation (or its update or cancellation) once this change is committed."""
    transaction.on_commit(
        partial(
            async_task,
            "attendance.tasks.send_meeting_invitation",
            meeting.pk,
            group="email",
            task_name=f"meeting invitation {meeting.pk}",
        )
    )


def needs_sending(old, meeting):
    """After a change from `old` (None: a new meeting), is an invitation due?"""
    Status = SupportMeeting.Status
    if old is None:
        return meeting.status == Status.SCHEDULED
    if meeting.status != old.status:
        return meeting.status == Status.CANCELLED or (
            meeting.status == Status.SCHEDULED and old.status == Status.CANCELLED
        )
    return meeting.status == Status.SCHEDULED and any(
        getattr(old, name) != getattr(meeting, name) for name in MOVING_FIELDS
    )


def send(meeting_pk):
    """Email the invitation as the meeting stands now; a message saying what was done."""
    meeting = (
        SupportMeeting.objects.select_related("school", "officer").filter(pk=meeting_pk).first()
    )
    if meeting is None:
        return "no such meeting"
    cancel = meeting.status == SupportMeeting.Status.CANCELLED
    if meeting.status == SupportMeeting.Status.HELD:
        return "held: nothing to send"
    if cancel and meeting.invited_at is None:
        return "cancelled before anyone was invited"
    people = invitees(meeting.school)
    if not people:
        return "nobody to invite"
    sequence = meeting.sequence + 1 if meeting.invited_at else meeting.sequence
    by_language = {}
    for person in people:
        by_language.setdefault(person[2], []).append(person)
    for language, group in sorted(by_language.items()):
        with override(language):
            link = page_url(meeting)
            ics = meeting_ics(
                meeting, "CANCEL" if cancel else "REQUEST", sequence, group, page_url=link
            )
            if cancel:
                subject = _("Cancelled: %(summary)s") % {"summary": summary(meeting)}
            elif meeting.invited_at:
                subject = _("Changed: %(summary)s") % {"summary": summary(meeting)}
            else:
                subject = summary(meeting)
            body = render_to_string(
                "attendance/email/meeting_invitation.txt",
                {
                    "meeting": meeting,
                    "cancel": cancel,
                    "changed": bool(meeting.invited_at),
                    "page_url": link,
                },
            )
            method = "CANCEL" if cancel else "REQUEST"
            deliver_email(
                subject,
                body,
                [email for email, _name, _language in group],
                attachments=[("meeting.ics", ics, f"text/calendar; method={method}")],
            )
    SupportMeeting.objects.filter(pk=meeting.pk).update(
        invited_at=timezone.now(), sequence=sequence
    )
    return f"sent to {len(people)}"
