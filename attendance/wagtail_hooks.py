"""What the attendance app registers with Wagtail: admin screens and menu items, the
partner dashboard's panels, and its answers to other apps' hooks."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from portal import access
from shared import times
from shared.admin_parts import LinkColumn, NarrowScreenListing, PlainColumn

from .access import SERVICE
from .admin_views import council, stages
from .models import SchoolStage
from .periods import year_label


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
    menu_order = 233
    add_to_admin_menu = True
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


@hooks.register("register_admin_menu_item")
def council_menu_item():
    return CouncilMenuItem(
        _("Attendance across schools"),
        reverse("attendance_council"),
        icon_name="table",
        order=232,
    )
