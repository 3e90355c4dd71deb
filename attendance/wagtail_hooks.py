"""What the attendance app registers with Wagtail: admin screens and menu items, the
partner dashboard's panels, and its answers to other apps' hooks."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.dashboard import HOOK_NAME as DASHBOARD_PANEL_HOOK
from portal.dashboard import DashboardPanel

from .access import school_ids_reading
from .school_figures import latest_for_schools


@hooks.register(DASHBOARD_PANEL_HOOK)
def attendance_panel(request):
    """For heads, attendance leads and governors: each of their schools' attendance for
    the year so far against the threshold and the council, and its stage."""
    school_ids = school_ids_reading(request.user)
    if not school_ids:
        return None
    return DashboardPanel(
        title=_("Attendance"),
        template_name="attendance/panels/schools.html",
        context={
            "rows": latest_for_schools(school_ids),
            "threshold": settings.ATTENDANCE_STAGE_1_BELOW,
        },
        order=15,
    )
