"""What the attendance app registers with Wagtail: admin screens and menu items, the
partner dashboard's panels, and its answers to other apps' hooks."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from shared.absence_figures import HOOK_NAME as ABSENCE_FIGURES_HOOK

from .absence_figures import latest_absence
from .admin_views.meetings import MeetingPolicy, meeting_viewset
from .demo import seed_attendance
from .models import MeetingAction, SupportMeeting

register_permission_policy(SupportMeeting, MeetingPolicy(SupportMeeting))
register_permission_policy(MeetingAction, MeetingPolicy(MeetingAction))


@hooks.register("register_admin_viewset")
def register_meeting_viewset():
    return meeting_viewset


# The strategy page's absence chart (guidance) drawn from the council's figures.
hooks.register(ABSENCE_FIGURES_HOOK, latest_absence)


@hooks.register("register_demo_content")
def demo_attendance():
    return seed_attendance()


# After the schools and accounts, the returns and the self-assessments.
demo_attendance.order = 78
