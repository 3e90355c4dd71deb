"""What the attendance app registers with Wagtail: admin screens and menu items, the
partner dashboard's panels, and its answers to other apps' hooks."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from portal import access
from portal.dashboard import HOOK_NAME as DASHBOARD_PANEL_HOOK
from portal.dashboard import DashboardPanel
from shared import times
from shared.absence_figures import HOOK_NAME as ABSENCE_FIGURES_HOOK
from shared.admin_parts import LinkColumn, NarrowScreenListing, PlainColumn
from shared.personal_data import HOOK_NAME as PERSONAL_DATA_HOOK
from shared.privacy_notice import HOOK_NAME as PRIVACY_NOTICE_HOOK
from shared.retention import HOOK_NAME as RETENTION_HOOK

from . import personal_data, privacy_notice, tasks
from .absence_figures import latest_absence
from .access import SERVICE, school_ids_reading
from .admin_views import council, coverage, figures, stages
from .admin_views import imports as import_views
from .admin_views.meetings import MeetingPolicy, meeting_viewset
from .demo import seed_attendance
from .models import (
    AreaFigures,
    FiguresImport,
    MeetingAction,
    SchoolFigures,
    SchoolStage,
    SupportMeeting,
)
from .periods import year_label
from .school_figures import latest_for_schools

# Every attendance screen of the admin is in one submenu, "Attendance data": each
# item registers with this hook (a viewset by its menu_hook), in the order of its number.
MENU_HOOK = "register_attendance_menu_item"


class AttendanceMenu(ViewSetGroup):
    menu_label = _("Attendance data")
    menu_icon = "table"
    menu_order = 230
    submenu_hook = MENU_HOOK


@hooks.register("register_admin_viewset")
def register_attendance_menu():
    return AttendanceMenu()


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
for _model in (SchoolFigures, AreaFigures, FiguresImport):
    register_permission_policy(_model, figures.AttendanceOfficerPolicy(_model))


@hooks.register("register_admin_viewset")
def register_figures_viewsets():
    return [
        figures.SchoolFiguresViewSet("attendance_schoolfigures"),
        figures.AreaFiguresViewSet("attendance_areafigures"),
    ]


@hooks.register("register_admin_urls")
def import_urls():
    return [
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


class ImportsMenuItem(MenuItem):
    def is_shown(self, request):
        return import_views.may_import(request.user)


@hooks.register(MENU_HOOK)
def imports_menu_item():
    return ImportsMenuItem(
        _("Import attendance figures"), reverse("attendance_imports"), icon_name="upload", order=235
    )


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


# --- The coverage tracker of targeting support meetings (admin_views/coverage.py) ---


@hooks.register("register_admin_urls")
def coverage_urls():
    return [
        path("attendance/coverage/", coverage.coverage_view, name="attendance_coverage"),
        path("attendance/coverage.csv", coverage.coverage_csv, name="attendance_coverage_csv"),
    ]


class CoverageMenuItem(MenuItem):
    def is_shown(self, request):
        return coverage.may_track(request.user)


@hooks.register(MENU_HOOK)
def coverage_menu_item():
    return CoverageMenuItem(
        _("Support meetings coverage"),
        reverse("attendance_coverage"),
        icon_name="table",
        order=234,
    )


# --- Privacy: retention, the privacy notice, subject access ---

# Meetings past their retention period, for privacy's retention_purge command.
hooks.register(RETENTION_HOOK, tasks.retention_report)

# After the returns' (20) and assessments' (30) entries on the privacy notice.
hooks.register(PRIVACY_NOTICE_HOOK, privacy_notice.entries, order=35)

# People named on meetings, stages and actions, for subject access.
hooks.register(PERSONAL_DATA_HOOK, personal_data.find_staff_records)


# --- The three stages (admin_views/stages.py) and the council's picture (council.py) ---


class AttendanceServicePolicy(ModelPermissionPolicy):
    """Django permissions, and the attendance service (portal.access). Schools' stages
    are flagged from their figures, never added by hand, and closed rather than deleted."""

    def user_has_permission(self, user, action):
        if self.model is SchoolStage and action in ("add", "delete"):
            return False
        if SERVICE not in access.services_for(user):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(SchoolStage, AttendanceServicePolicy(SchoolStage))


def _day(name):
    def value(stage):
        day = getattr(stage, name)
        return times.day(day) if day else ""

    return value


class SchoolStageViewSet(NarrowScreenListing, ModelViewSet):
    model = SchoolStage
    icon = "tasks"
    menu_label = _("Monitoring stages")
    menu_order = 232
    add_to_admin_menu = True
    menu_hook = MENU_HOOK
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = stages.SchoolStageIndexView
    edit_view_class = stages.SchoolStageEditView
    ordering = ["-year", "school__name", "pk"]
    filterset_class = stages.SchoolStageFilterSet
    form_fields = ["stage", *stages.DATES, "notes"]
    search_fields = ["school__name", "school__urn"]
    search_backend_name = None
    list_per_page = 50

    def get_form_class(self, for_update=False):
        return stages.SchoolStageForm

    @property
    def list_display(self):
        return [
            LinkColumn(
                "school",
                "attendance_schoolstage:edit",
                label=_("School"),
                accessor=lambda stage: stage.school.name,
            ),
            PlainColumn("year", label=_("School year"), accessor=lambda s: year_label(s.year)),
            PlainColumn("stage", label=_("Stage"), accessor="get_stage_display"),
            PlainColumn("flagged_attendance", label=_("Attendance % when flagged")),
            PlainColumn("flagged_on", label=_("Flagged on"), accessor=_day("flagged_on")),
            PlainColumn("audit_on", label=_("Audit"), accessor=_day("audit_on")),
            PlainColumn("follow_up_on", label=_("Follow-up"), accessor=_day("follow_up_on")),
            PlainColumn(
                "central_review_on", label=_("Central review"), accessor=_day("central_review_on")
            ),
            PlainColumn("closed_on", label=_("Closed on"), accessor=_day("closed_on")),
        ]


@hooks.register("register_admin_viewset")
def register_attendance_viewsets():
    return [SchoolStageViewSet("attendance_schoolstage")]


@hooks.register("register_admin_urls")
def council_urls():
    return [
        path("attendance/council/", council.CouncilView.as_view(), name="attendance_council"),
        path("attendance/council/schools.csv", council.council_csv, name="attendance_council_csv"),
    ]


class CouncilMenuItem(MenuItem):
    def is_shown(self, request):
        return council.may_view(request.user)


@hooks.register(MENU_HOOK)
def council_menu_item():
    return CouncilMenuItem(
        _("Attendance across schools"),
        reverse("attendance_council"),
        icon_name="table",
        order=231,
    )
