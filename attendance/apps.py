from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttendanceConfig(AppConfig):
    """Schools' attendance figures, the three-stage monitoring and termly targeting
    support meetings (issue 19)."""

    name = "attendance"
    verbose_name = _("Attendance data")

    def ready(self):
        # Imported here: receivers use models, which load only once apps are ready.
        from . import receivers  # noqa: F401
