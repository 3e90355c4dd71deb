from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttendanceConfig(AppConfig):
    """Schools' attendance figures, the three-stage monitoring and termly targeting
    support meetings (issue 19)."""

    name = "attendance"
    verbose_name = _("Attendance data")

    def ready(self):
        # Imported here: models and other apps can be imported only once apps are ready.
        from audit.log import follow

        from .models import MeetingAction, SupportMeeting

        # The meetings' notes and agreed actions (which may name a pupil by UPN or
        # initials): every change and deletion is logged.
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
