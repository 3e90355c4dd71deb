"""What the attendance app registers with Wagtail: its admin screens, all in one submenu
("Attendance data"), the permission policy of its records, the partner dashboard's
panel, and its answers to other apps' hooks (the strategy's chart, the demo, privacy)."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import register_permission_policy

from portal.dashboard import HOOK_NAME as DASHBOARD_PANEL_HOOK
from portal.dashboard import DashboardPanel
from portal.policies import ServicePolicy
from shared.absence_figures import HOOK_NAME as ABSENCE_FIGURES_HOOK
from shared.admin_parts import MenuItemFor
from shared.personal_data import HOOK_NAME as PERSONAL_DATA_HOOK
from shared.privacy_notice import HOOK_NAME as PRIVACY_NOTICE_HOOK
from shared.retention import HOOK_NAME as RETENTION_HOOK

from . import personal_data, privacy_notice, tasks
from .absence_figures import latest_absence
from .access import SERVICE, school_ids_reading
from .admin_views import council, coverage, figures
from .admin_views import imports as import_views
from .admin_views.meetings import meeting_viewset
from .admin_views.stages import SchoolStageViewSet
from .demo import seed_attendance
from .models import (
    AreaFigures,
    FiguresImport,
    MeetingAction,
    SchoolFigures,
    SchoolStage,
    SupportMeeting,
)
from .school_figures import latest_for_schools

# --- Who may do what in the admin: attendance officers, with Django's permissions ----

for model in (SchoolFigures, AreaFigures, FiguresImport):
    register_permission_policy(model, ServicePolicy(model, SERVICE))
# Stages are flagged from the figures, never added by hand, and closed, not deleted.
register_permission_policy(SchoolStage, ServicePolicy(SchoolStage, SERVICE, {"add", "delete"}))
# A meeting is cancelled, never deleted: its record and its actions stay.
for model in (SupportMeeting, MeetingAction):
    register_permission_policy(model, ServicePolicy(model, SERVICE, {"delete"}))


# --- The admin's "Attendance data" submenu: each item registers with MENU_HOOK (a
# viewset by its menu_hook), in the order of its number ---------------------------------

MENU_HOOK = "register_attendance_menu_item"


class AttendanceMenu(ViewSetGroup):
    menu_label = _("Attendance data")
    menu_icon = "table"
    menu_order = 230
    submenu_hook = MENU_HOOK


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [
        AttendanceMenu(),
        SchoolStageViewSet("attendance_schoolstage"),
        meeting_viewset,
        figures.SchoolFiguresViewSet("attendance_schoolfigures"),
        figures.AreaFiguresViewSet("attendance_areafigures"),
    ]


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("attendance/council/", council.CouncilView.as_view(), name="attendance_council"),
        path("attendance/council/schools.csv", council.council_csv, name="attendance_council_csv"),
        path("attendance/coverage/", coverage.coverage_view, name="attendance_coverage"),
        path("attendance/coverage.csv", coverage.coverage_csv, name="attendance_coverage_csv"),
        path("attendance/imports/", import_views.imports_view, name="attendance_imports"),
        path("attendance/imports/<int:pk>/", import_views.import_view, name="attendance_import"),
        path(
            "attendance/imports/<int:pk>/progress/",
            import_views.progress_view,
            name="attendance_import_progress",
        ),
        path(
            "attendance/imports/<int:pk>/errors.csv",
            import_views.errors_csv,
            name="attendance_import_errors",
        ),
        path(
            "attendance/imports/<int:pk>/import/",
            import_views.confirm_view,
            name="attendance_import_confirm",
        ),
        path(
            "attendance/imports/<int:pk>/cancel/",
            import_views.cancel_view,
            name="attendance_import_cancel",
        ),
    ]


@hooks.register(MENU_HOOK)
def council_menu_item():
    return MenuItemFor(
        _("Attendance across schools"),
        reverse("attendance_council"),
        shown_to=council.may_view,
        icon_name="table",
        order=231,
    )


@hooks.register(MENU_HOOK)
def coverage_menu_item():
    return MenuItemFor(
        _("Support meetings coverage"),
        reverse("attendance_coverage"),
        shown_to=coverage.may_track,
        icon_name="table",
        order=234,
    )


@hooks.register(MENU_HOOK)
def imports_menu_item():
    return MenuItemFor(
        _("Import attendance figures"),
        reverse("attendance_imports"),
        shown_to=import_views.may_import,
        icon_name="upload",
        order=235,
    )


# --- Schools: the partner dashboard's panel -------------------------------------------


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


# --- Answers to other apps' hooks ---------------------------------------------------

# The strategy page's absence chart (guidance) drawn from the council's figures.
hooks.register(ABSENCE_FIGURES_HOOK, latest_absence)


@hooks.register("register_demo_content")
def demo_attendance():
    return seed_attendance()


# After the schools and accounts, the returns and the self-assessments.
demo_attendance.order = 78

# Meetings past their retention period, for privacy's retention_purge command.
hooks.register(RETENTION_HOOK, tasks.retention_report)

# After the returns' (20) and assessments' (30) entries on the privacy notice.
hooks.register(PRIVACY_NOTICE_HOOK, privacy_notice.entries, order=35)

# People named on meetings, stages and actions, for subject access.
hooks.register(PERSONAL_DATA_HOOK, personal_data.find_staff_records)
