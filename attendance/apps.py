from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .periods import year_label


class AttendanceConfig(AppConfig):
    """Schools' attendance figures, the three-stage monitoring and termly targeting
    support meetings (issue 19)."""

    name = "attendance"
    verbose_name = _("Attendance data")

    def ready(self):
        # Imported here: models and other apps can be imported only once apps are ready.
        from audit.log import follow

        from . import stage_records
        from .models import SchoolStage
        from .signals import figures_changed

        # New figures flag the schools now under the threshold for a stage 1 audit.
        figures_changed.connect(
            stage_records.flag_after_figures_changed, dispatch_uid="attendance_flag_stages"
        )
        follow(SchoolStage, "attendance stage", service="attendance", label=stage_label)


def stage_label(stage):
    # Not str(stage): its stage name is translated, and the log's label stays as written.
    return f"{stage.school.name}, {year_label(stage.year)}"
