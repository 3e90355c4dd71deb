"""What the attendance app registers with Wagtail: admin screens and menu items, the
partner dashboard's panels, and its answers to other apps' hooks."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from .admin_views import figures
from .admin_views import imports as import_views
from .models import AreaFigures, FiguresImport, SchoolFigures

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


@hooks.register("register_admin_menu_item")
def imports_menu_item():
    return ImportsMenuItem(
        _("Import attendance figures"), reverse("attendance_imports"), icon_name="upload", order=230
    )
