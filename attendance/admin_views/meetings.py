"""Targeting support meetings in the Wagtail admin: officers schedule them (a viewset:
the list, add and change), and keep each meeting's record (the agenda the portal
prepares, whether it was held, its notes and the agreed actions).

Scheduling, moving (time, length or place) or cancelling a meeting sends the school its
calendar invitation (invitations.py), once the change is committed."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from audit.log import Action, record
from shared.admin_parts import NarrowScreenListing

from .. import invitations
from ..access import is_attendance_officer
from ..agenda import agenda_for
from ..forms import MeetingActionForm, MeetingRecordForm, MeetingScheduleForm
from ..models import MeetingAction, SupportMeeting

VIEW = "attendance.view_supportmeeting"
CHANGE = "attendance.change_supportmeeting"


def _record_link(meeting):
    return format_html(
        '<a href="{}">{}</a>',
        reverse("attendance_meeting:record", args=[meeting.pk]),
        _("Record and agenda"),
    )


class MeetingIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("school", "officer")


class MeetingCreateView(CreateView):
    def save_instance(self):
        meeting = super().save_instance()
        if invitations.needs_sending(None, meeting):
            invitations.queue(meeting)
        return meeting


class MeetingEditView(EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        record(Action.VIEWED, self.object)
        return response

    def save_instance(self):
        old = SupportMeeting.objects.get(pk=self.object.pk)
        meeting = super().save_instance()
        if invitations.needs_sending(old, meeting):
            invitations.queue(meeting)
        return meeting


class SupportMeetingViewSet(NarrowScreenListing, ModelViewSet):
    model = SupportMeeting
    icon = "date"
    menu_label = gettext_lazy("Support meetings")
    menu_order = 233
    menu_hook = "register_attendance_menu_item"
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = MeetingIndexView
    add_view_class = MeetingCreateView
    edit_view_class = MeetingEditView
    list_display = [
        "school",
        "term",
        Column("starts_at", label=gettext_lazy("Date and time")),
        "status",
        "officer",
        Column("record", label=gettext_lazy("Record"), accessor=_record_link),
    ]
    list_filter = ["year", "term", "status"]
    search_fields = ["school__name", "school__urn"]
    search_backend_name = None
    ordering = ["-starts_at"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("school")]),
            FieldRowPanel([FieldPanel("year"), FieldPanel("term")]),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("minutes")]),
            FieldPanel("place"),
            FieldPanel("officer"),
        ],
        base_form_class=MeetingScheduleForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("record/<int:pk>/", meeting_record, name="record"),
            path("record/<int:pk>/actions/add/", action_edit, name="action-add"),
            path("record/<int:pk>/actions/<int:action_pk>/", action_edit, name="action-edit"),
        ]


meeting_viewset = SupportMeetingViewSet("attendance_meeting")


def _meeting(request, pk, permission):
    if not is_attendance_officer(request.user, permission):
        raise PermissionDenied
    return get_object_or_404(SupportMeeting.objects.select_related("school", "officer"), pk=pk)


def meeting_record(request, pk):
    """The meeting's record: its agenda, status and notes, and the agreed actions."""
    meeting = _meeting(request, pk, VIEW if request.method == "GET" else CHANGE)
    may_change = request.user.has_perm(CHANGE)
    old_status = meeting.status
    if request.method == "POST":
        form = MeetingRecordForm(request.POST, instance=meeting)
        if form.is_valid():
            old = SupportMeeting(
                pk=meeting.pk,
                status=old_status,
                starts_at=meeting.starts_at,
                minutes=meeting.minutes,
                place=meeting.place,
            )
            meeting = form.save()
            if invitations.needs_sending(old, meeting):
                invitations.queue(meeting)
            messages.success(request, _("The meeting's record is saved."))
            return redirect("attendance_meeting:record", meeting.pk)
    else:
        form = MeetingRecordForm(instance=meeting)
        record(Action.VIEWED, meeting)
    title = _("Targeting support meeting")
    return TemplateResponse(
        request,
        "attendance/admin/meeting_record.html",
        {
            "meeting": meeting,
            "form": form,
            "may_change": may_change,
            "agenda": agenda_for(meeting, date.today()),
            "actions": list(meeting.actions.all()),
            "invitees": invitations.invitees(meeting.school),
            "header_title": title,
            "page_title": title,
        },
    )


def action_edit(request, pk, action_pk=None):
    """Add an agreed action to a meeting, or change one."""
    meeting = _meeting(request, pk, CHANGE)
    action = None
    if action_pk is not None:
        action = get_object_or_404(MeetingAction, pk=action_pk, meeting=meeting)
    if request.method == "POST":
        form = MeetingActionForm(request.POST, instance=action)
        if form.is_valid():
            saved = form.save(commit=False)
            saved.meeting = meeting
            saved.updated_by = request.user
            saved.save()
            messages.success(request, _("The action is saved."))
            return redirect("attendance_meeting:record", meeting.pk)
    else:
        form = MeetingActionForm(instance=action)
    title = _("Change an agreed action") if action else _("Add an agreed action")
    return TemplateResponse(
        request,
        "attendance/admin/action_form.html",
        {
            "meeting": meeting,
            "action": action,
            "form": form,
            "header_title": title,
            "page_title": title,
        },
    )
