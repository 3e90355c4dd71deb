"""What the attendance app registers with Wagtail: admin screens and menu items, the
partner dashboard's panels, and its answers to other apps' hooks."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views.meetings import MeetingPolicy, meeting_viewset
from .models import MeetingAction, SupportMeeting

register_permission_policy(SupportMeeting, MeetingPolicy(SupportMeeting))
register_permission_policy(MeetingAction, MeetingPolicy(MeetingAction))


@hooks.register("register_admin_viewset")
def register_meeting_viewset():
    return meeting_viewset
