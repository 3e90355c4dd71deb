"""What the attendance app registers with Wagtail: admin screens and menu items, the
partner dashboard's panels, and its answers to other apps' hooks."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from shared.personal_data import HOOK_NAME as PERSONAL_DATA_HOOK
from shared.privacy_notice import HOOK_NAME as PRIVACY_NOTICE_HOOK
from shared.retention import HOOK_NAME as RETENTION_HOOK

from . import personal_data, privacy_notice, tasks
from .admin_views import coverage

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


@hooks.register("register_admin_menu_item")
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
