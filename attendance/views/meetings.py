"""The school's side of its targeting support meetings: its meetings (upcoming first,
then past), each meeting's page (when and where, the calendar file, the agenda, the notes
once held, the agreed actions), and updating an action's status.

Who (attendance.access): the school's headteacher, attendance lead and governors read;
the headteacher and attendance lead update an action's status; governors read only.
Anyone else is told the page does not exist (404), as on the portal's other school
pages; someone signed out is sent to sign in."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.log import Action, record

from .. import invitations
from ..access import may_update_actions
from ..agenda import agenda_for
from ..forms import ActionStatusForm
from ..models import MeetingAction, SupportMeeting
from . import breadcrumbs, school_or_404


def _meeting(request, urn, pk):
    school = school_or_404(request, urn)
    meeting = get_object_or_404(
        SupportMeeting.objects.select_related("officer"), pk=pk, school=school
    )
    meeting.school = school
    return meeting


def _crumbs(school, meeting=None):
    """Under the school's attendance page: its meetings, then the meeting."""
    more = [
        {
            "text": _("Targeting support meetings"),
            "href": reverse("attendance:meetings", args=[school.urn]),
        }
    ]
    if meeting is not None:
        more.append(
            {
                "text": meeting.get_term_display(),
                "href": reverse("attendance:meeting", args=[school.urn, meeting.pk]),
            }
        )
    return breadcrumbs(school, *more)


@login_required
def meeting_list(request, urn):
    school = school_or_404(request, urn)
    now = timezone.now()
    meetings = list(SupportMeeting.objects.filter(school=school).order_by("starts_at"))
    upcoming = [
        m for m in meetings if m.starts_at >= now and m.status == SupportMeeting.Status.SCHEDULED
    ]
    past = [m for m in reversed(meetings) if m not in upcoming]
    return render(
        request,
        "attendance/meetings/list.html",
        {
            "school": school,
            "upcoming": upcoming,
            "past": past,
            "breadcrumbs": breadcrumbs(school),
        },
    )


@login_required
def meeting_detail(request, urn, pk):
    meeting = _meeting(request, urn, pk)
    school = meeting.school
    record(Action.VIEWED, meeting)
    governor = not may_update_actions(request.user, school)
    return render(
        request,
        "attendance/meetings/detail.html",
        {
            "school": school,
            "meeting": meeting,
            "agenda": agenda_for(meeting, date.today()),
            "actions": list(meeting.actions.all()),
            "may_update": not governor,
            "governor": governor,
            "held": meeting.status == SupportMeeting.Status.HELD,
            "cancelled": meeting.status == SupportMeeting.Status.CANCELLED,
            "breadcrumbs": _crumbs(school),
        },
    )


@login_required
def meeting_calendar(request, urn, pk):
    """The meeting as a calendar file to download (the same entry as the invitation)."""
    meeting = _meeting(request, urn, pk)
    method = "CANCEL" if meeting.status == SupportMeeting.Status.CANCELLED else "PUBLISH"
    content = invitations.meeting_ics(
        meeting,
        method,
        meeting.sequence,
        page_url=request.build_absolute_uri(reverse("attendance:meeting", args=[urn, pk])),
    )
    record(Action.DOWNLOADED, meeting, detail="calendar file")
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="support-meeting.ics"'
    return response


@login_required
def action_update(request, urn, pk, action_pk):
    meeting = _meeting(request, urn, pk)
    if not may_update_actions(request.user, meeting.school):
        raise PermissionDenied  # a governor: they read the page, they do not change it
    action = get_object_or_404(MeetingAction, pk=action_pk, meeting=meeting)
    meeting_url = reverse("attendance:meeting", args=[urn, pk])
    if request.method == "POST":
        form = ActionStatusForm(request.POST)
        if form.is_valid():
            action.status = form.cleaned_data["status"]
            action.updated_by = request.user
            action.save(update_fields=["status", "updated_by", "updated_at"])
            messages.success(request, _("The action's status is updated."))
            return redirect(meeting_url)
    else:
        # Nothing chosen: the page says where it stands, and the school says where now.
        form = ActionStatusForm()
    return render(
        request,
        "attendance/meetings/action_form.html",
        {
            "school": meeting.school,
            "meeting": meeting,
            "action": action,
            "form": form,
            "back_url": meeting_url,
            "breadcrumbs": _crumbs(meeting.school, meeting),
        },
    )
