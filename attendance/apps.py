from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttendanceConfig(AppConfig):
    """Schools' attendance figures, the three-stage monitoring and termly targeting
    support meetings (issue 19)."""

    name = "attendance"
    verbose_name = _("Attendance data")

    def ready(self):
        # Imported here: receivers and the audit log use models, which load only once
        # apps are ready.
        from audit.log import follow

        from . import receivers  # noqa: F401
        from .models import MeetingAction, SupportMeeting

        # A meeting's record and its agreed actions (pupils by UPN or initials).
        follow(
            SupportMeeting,
            "meeting",
            service="attendance",
            label=meeting_label,
            quiet={"updated_at", "invited_at", "sequence"},
        )
        follow(
            MeetingAction,
            "meeting",
            service="attendance",
            parent=_meeting_of,
            part="agreed action",
            quiet={"reminded_on"},
        )


def meeting_label(meeting):
    return str(meeting)


def _meeting_of(action):
    return action.meeting
