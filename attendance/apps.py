from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .periods import year_label


class AttendanceConfig(AppConfig):
    """Schools' attendance figures, the three-stage monitoring and termly targeting
    support meetings (issue 19)."""

    name = "attendance"
    verbose_name = _("Attendance data")

    def ready(self):
        # Imported here: receivers and the audit log use models, which load only once
        # apps are ready.
        from audit.log import follow

        from . import council_figures, receivers, stage_records
        from .models import MeetingAction, SchoolStage, SupportMeeting
        from .signals import figures_changed

        # Changed figures, in this order: the council's are worked out again, the
        # schools now under the threshold are flagged for a stage 1 audit, and the page
        # cache empties once the change is committed.
        for receiver, name in (
            (council_figures.work_out_after_figures_changed, "council"),
            (stage_records.flag_after_figures_changed, "stages"),
            (receivers.purge_page_cache, "page_cache"),
        ):
            figures_changed.connect(receiver, dispatch_uid=f"attendance_figures_{name}")
        follow(SchoolStage, "attendance stage", service="attendance", label=stage_label)
        # A meeting's record and its agreed actions (pupils by UPN or initials).
        follow(
            SupportMeeting,
            "meeting",
            service="attendance",
            label=str,
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


def stage_label(stage):
    # Not str(stage): its stage name is translated, and the log's label stays as written.
    return f"{stage.school.name}, {year_label(stage.year)}"


def _meeting_of(action):
    return action.meeting
